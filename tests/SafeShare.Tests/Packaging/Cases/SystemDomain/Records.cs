using System;
using SafeShare;

namespace Council.Domain;

[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
[RetainUntil(nameof(Opened), Years = 25)]
public abstract class PersonRecord
{
    [PersonalData(Subject = DataSubject.Child)] public string Name { get; init; } = "";
    [SpecialCategory(SpecialCategory.Health)]
    [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
    public string? HealthNeeds { get; init; }
    public DateOnly Opened { get; init; }
}

public sealed class ChildRecord : PersonRecord
{
    public int CaseNumber { get; init; }
}

public sealed class CaseloadStatistics
{
    public int OpenCases { get; init; }
}
