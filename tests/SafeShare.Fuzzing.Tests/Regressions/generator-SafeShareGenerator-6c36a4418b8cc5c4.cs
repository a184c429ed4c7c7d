// SafeShare fuzz regression: a mutant that once made SafeShare throw. RegressionTests replays it.
// seed: 0x0000000000000000 (one --file)
// origin: samples/CaseManagement/Sharing/DeclaredShares.cs with its first [Share] method duplicated (the duplicate-member mutation, by hand)
// mutations: file
// checks: analyzers, generator and code fixes
// failure: generator SafeShareGenerator
//   System.ArgumentException: The hintName 'CaseManagement.Sharing.PoliceReferrals.ReferForStrategyDiscussion.Share.g.cs' of the added source file must be unique within a generator. (Parameter 'hintName')
//      at Microsoft.CodeAnalysis.AdditionalSourcesCollection.Add(String hintName, SourceText source)
//      at Microsoft.CodeAnalysis.SourceOutputNode`1.AppendOutputs(IncrementalExecutionContext context, CancellationToken cancellationToken)
//==== mutant source (everything below this line, exactly) ====
using SafeShare;

namespace CaseManagement.Sharing;

// The declared shares of the sample. Each partial method is implemented by SafeShare's generator:
// calling it records the decision (who, what, with whom, why, basis, consent, risk) in the decision
// log before anything is sent (Sheffield schools guide, golden rule 7; Solihull protocol §3.3: "information sharing decisions
// should be recorded by the disclosing Partner Agency").

/// <summary>Children's social care → police, for a strategy discussion.</summary>
public sealed partial class PoliceReferrals(IDecisionLog log)
{
    private readonly IDecisionLog _log = log;

    // North East Lincolnshire guidance §2.1: health data shared to protect a child relies on Art. 9(2)(g) with DPA 2018
    // Schedule 1 para 18, and may be shared without consent where seeking it would place the child at risk.
    [Share("Police – Child Abuse Investigation Team", "Strategy discussion: reasonable cause to suspect significant harm (Children Act 1989 s47)")]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
    [Article9Condition(Article9Condition.SubstantialPublicInterest,
        Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
    public partial DecisionRecord ReferForStrategyDiscussion(StrategyReferral payload, DecisionDetails details);
    [Share("Police – Child Abuse Investigation Team", "Strategy discussion: reasonable cause to suspect significant harm (Children Act 1989 s47)")]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
    [Article9Condition(Article9Condition.SubstantialPublicInterest,
        Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
    public partial DecisionRecord ReferForStrategyDiscussion(StrategyReferral payload, DecisionDetails details);
}

/// <summary>A school → children's social care front door.</summary>
public sealed partial class SchoolReferrals(IDecisionLog log)
{
    private readonly IDecisionLog _log = log;

    [Share("Children's Social Care – Front Door", "Referral of a child who may be in need (Children Act 1989 s17)",
        Fields = new[] { nameof(SchoolConcern.PupilName), nameof(SchoolConcern.UniquePupilNumber), nameof(SchoolConcern.WhatWasSeenOrSaid) })]
    [LawfulBasis(LawfulBasis.LegalObligation, Gateway = "Education Act 2002 s175")]
    public partial DecisionRecord ReferToFrontDoor(SchoolConcern payload, DecisionDetails details);
}

/// <summary>Health visiting → the Multi-Agency Safeguarding Hub.</summary>
public sealed partial class HealthToMash(IDecisionLog log)
{
    private readonly IDecisionLog _log = log;

    [Share("Multi-Agency Safeguarding Hub", "Multi-agency screening of a contact about a child's welfare")]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 2004 s11")]
    [Article9Condition(Article9Condition.SubstantialPublicInterest,
        Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
    public partial DecisionRecord ShareHealthSummary(HealthSummaryForMash payload, DecisionDetails details);
}
