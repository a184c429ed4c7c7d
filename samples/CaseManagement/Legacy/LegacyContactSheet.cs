// LEGACY CODE, KEPT ON PURPOSE.
// This file is part of the Legacy/ folder of the SafeShare sample. It stands for code a council
// inherits from an older case-management system, written before anyone annotated it properly.
// It is kept to show what SafeShare reports: each type below carries a real finding, named in the
// comment above it. Do not copy it; Domain/ shows the compliant way to write the same thing.

using SafeShare;

namespace CaseManagement.Legacy;

// Expected: SAFE003 on LegacyContactSheet. The type holds personal data but no lawful basis (Art. 6)
// resolves for it: none on the members, the type or the assembly.
// Fix: [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")] (North East Lincolnshire guidance §2.1:
// consent is not needed "providing there is a lawful basis for the sharing").
/// <summary>The old "family contact sheet": names and phone numbers typed in by the duty desk.</summary>
[RetainUntil(nameof(TakenOn), Years = 2)]
public sealed class LegacyContactSheet
{
    [PersonalData(Subject = DataSubject.ParentOrCarer)]
    public string ContactName { get; set; } = "";

    [PersonalData(Subject = DataSubject.ParentOrCarer)]
    public string PhoneNumber { get; set; } = "";

    public DateOnly TakenOn { get; set; }
}
