// LEGACY CODE, KEPT ON PURPOSE.
// This file is part of the Legacy/ folder of the SafeShare sample. It stands for code a council
// inherits from an older case-management system, written before anyone annotated it properly.
// It is kept to show what SafeShare reports: each type below carries a real finding, named in the
// comment above it. Do not copy it; Domain/ shows the compliant way to write the same thing.

using SafeShare;

namespace CaseManagement.Legacy;

// Expected: SAFE004 (info) on LegacyCaseNote. Personal data with no retention rule, so nothing says
// when the note must be disposed of (UK GDPR Art. 5(1)(e); North East Lincolnshire guidance §7: "no longer than the school
// year following the 25th birthday"; North East Lincolnshire guidance §4: otherwise "a review process scheduled at regular
// intervals"). Fix: [RetainUntil(nameof(ChildDateOfBirth), Years = 25)] after adding the child's
// date of birth.
/// <summary>A free-text case note from the old system, migrated as-is.</summary>
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
public sealed class LegacyCaseNote
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildCaseNumber { get; set; } = "";

    [PersonalData(Subject = DataSubject.Child)]
    public string Text { get; set; } = "";

    public DateTime WrittenAt { get; set; }
}
