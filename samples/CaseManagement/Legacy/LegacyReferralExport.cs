// LEGACY CODE, KEPT ON PURPOSE.
// This file is part of the Legacy/ folder of the SafeShare sample. It stands for code a council
// inherits from an older case-management system, written before anyone annotated it properly.
// It is kept to show what SafeShare reports: each type below carries a real finding, named in the
// comment above it. Do not copy it; Domain/ shows the compliant way to write the same thing.

using SafeShare;

namespace CaseManagement.Legacy;

// Expected: SAFE001 on DisabilityNotes. Health data is special category data; it has a lawful basis
// (on the type) but no Article 9 condition anywhere: not on the member, the type or the assembly.
// Fix: [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
// (North East Lincolnshire guidance §2.1, "Conditions for sensitive processing"; Berkshire protocol Appendix B 1.4).
/// <summary>One row of the nightly CSV export the old system sent to the health partner.</summary>
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
[RetainUntil(nameof(ExportedOn), Years = 1)]
public sealed class LegacyReferralExportRow
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; set; } = "";

    [SpecialCategory(SpecialCategory.Health, Subject = DataSubject.Child)]
    public string DisabilityNotes { get; set; } = "";

    public DateTime ExportedOn { get; set; }
}
