using System;
using SafeShare;

// Shares the generator refuses (SAFE901-904, errors) and one it implements with a warning (SAFE905).
// Each diagnostic is on the method's name, and no compiler error joins it.

[assembly: LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]

namespace Cases.Rejected;

// A sharing payload; it is not kept, so it has no retention rule (SAFE004).
public sealed class Referral // expect: SAFE004
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; init; } = "";
}

// No personal data at all.
public sealed class Statistics
{
    public int Referrals { get; init; }

    public string Area { get; init; } = "";
}

public sealed partial class RejectedShares(IDecisionLog log)
{
    private readonly IDecisionLog _log = log;

    [Share("Early Help hub", "Early help assessment")]
    public DecisionRecord NotPartial(Referral payload, DecisionDetails details) => throw new NotImplementedException(); // expect: SAFE901

    [Share("Early Help hub", "Early help assessment")]
    public partial string ReturnsText(Referral payload, DecisionDetails details); // expect: SAFE902

    [Share("Early Help hub", "Early help assessment")]
    public partial DecisionRecord TwoPayloads(Referral first, Referral second, DecisionDetails details); // expect: SAFE902

    [Share("Early Help hub", "Early help assessment")]
    public partial DecisionRecord ByReference(ref Referral payload, DecisionDetails details); // expect: SAFE902

    [Share("Early Help hub", "Early help assessment")]
    public partial DecisionRecord NoPayload(DecisionDetails details); // expect: SAFE904

    [Share("Department for Education", "Children in need census return")]
    public partial DecisionRecord CensusReturn(Statistics payload, DecisionDetails details); // expect: SAFE905
}

// No IDecisionLog field, property or parameter to append the decision to.
public sealed partial class UnloggedShares
{
    [Share("Early Help hub", "Early help assessment")]
    public partial DecisionRecord Refer(Referral payload, DecisionDetails details); // expect: SAFE903
}

// The SAFE905 share is still generated: its companions exist.
public static class Census
{
    public static DecisionRecord Skip(RejectedShares shares) =>
        shares.CensusReturnNotShared("LA-2025", "Data team", "Return already submitted by the trust");
}
