using System;
using SafeShare;

[PersonalData(Subject = DataSubject.Child)]
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
[RetainUntil(nameof(DateOfBirth), Years = 25)]
public sealed class ChildRecord
{
    public string CaseNumber { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
}

public sealed class HousingNote // expect: SAFE003, SAFE004
{
    [PersonalData(Subject = DataSubject.ParentOrCarer)]
    public string TenantName { get; set; } = "";
}

public sealed partial class FaultyShares(IDecisionLog log)
{
    private readonly IDecisionLog _log = log;

    [Share("Early Help hub", "")] // expect: SAFE101
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
    public partial DecisionRecord NoPurpose(HousingNote payload, DecisionDetails details);

    [Share("School", "Tell the school")]
    public partial DecisionRecord NoBasis(ChildRecord payload, DecisionDetails details); // expect: SAFE102, SAFE106
}
