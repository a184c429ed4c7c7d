// LEGACY CODE, KEPT ON PURPOSE.
// This file is part of the Legacy/ folder of the SafeShare sample. It stands for code a council
// inherits from an older case-management system, written before anyone annotated it properly.
// It is kept to show what SafeShare reports: each type below carries a real finding, named in the
// comment above it. Do not copy it; Domain/ shows the compliant way to write the same thing.

using SafeShare;

namespace CaseManagement.Legacy;

// Expected: SAFE002 on the [Article9Condition] attribute. "Substantial public interest" (Art. 9(2)(g))
// is only a condition in UK law together with a DPA 2018 Schedule 1 Part 2 paragraph, and none is named.
// Fix: Schedule1 = Schedule1Condition.EqualityOfOpportunityOrTreatment (para 8): the table exists to keep equality
// of opportunity under review, and ethnicity is a category para 8 names. Para 18 is not for routine monitoring.
/// <summary>The old equality-monitoring table filled in at referral.</summary>
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Equality Act 2010 s149")]
[Article9Condition(Article9Condition.SubstantialPublicInterest)]
[RetainUntil(nameof(RecordedOn), Years = 3)]
public sealed class LegacyEqualityMonitoringEntry
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildCaseNumber { get; set; } = "";

    [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin, Subject = DataSubject.Child)]
    public string EthnicityCode { get; set; } = "";

    public DateOnly RecordedOn { get; set; }
}
