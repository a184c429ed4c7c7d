using System;
using SafeShare;

// SAFE008: UK GDPR Art. 6(1)(ea) needs a condition in Annex 1 (Art. 6(5)), and is not for a public authority's tasks.

namespace Cases.Classification;

// Compliant: an independent school shares to protect a child (Annex 1 para 6).
[LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Annex1 = Annex1Condition.SafeguardingVulnerableIndividual)]
[RetainUntil(nameof(RecordedOn), Years = 25)]
public sealed class WelfareConcern
{
    [PersonalData(Subject = DataSubject.Child)]
    public string PupilName { get; set; } = "";

    public DateOnly RecordedOn { get; set; }
}

// SAFE008: no Annex 1 condition.
[LawfulBasis(LawfulBasis.RecognisedLegitimateInterest)] // expect: SAFE008
[RetainUntil(nameof(RecordedOn), Years = 25)]
public sealed class AttendanceConcern
{
    [PersonalData(Subject = DataSubject.Child)]
    public string PupilName { get; set; } = "";

    public DateOnly RecordedOn { get; set; }
}

// SAFE008: the type is a public task, so a member cannot rely on a recognised legitimate interest.
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
[RetainUntil(nameof(RecordedOn), Years = 25)]
public sealed class CouncilAssessment
{
    [PersonalData(Subject = DataSubject.Child)]
    [LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Annex1 = Annex1Condition.SafeguardingVulnerableIndividual)] // expect: SAFE008
    public string ChildName { get; set; } = "";

    public DateOnly RecordedOn { get; set; }
}
