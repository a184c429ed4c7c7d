using SafeShare;

namespace CaseManagement.Sharing;

// The declared shares of the sample. Each partial method is implemented by SafeShare's generator:
// calling it records the decision (who, what, with whom, why, basis, consent, risk) in the decision
// log before anything is sent (Sheffield schools guide golden rule 7 of the Sheffield schools guide; Solihull protocol §3.3: "information sharing decisions
// should be recorded by the disclosing Partner Agency").

/// <summary>Children's social care → police, for a strategy discussion.</summary>
/// <remarks>
/// The protocol with the police is reviewed six months after it is agreed, then annually (Berkshire protocol §6.2):
/// SAFE109 reports it at build time once a review is overdue, and the draft protocol prints the next review.
/// </remarks>
[SharingAgreement("2026-05-01", LastReviewedOn = "2026-11-02", Reference = "ISP-2026-03 Children's Social Care and Police")]
public sealed partial class PoliceReferrals(IDecisionLog log)
{
    private readonly IDecisionLog _log = log;

    // The North East Lincolnshire guidance §2.1: health data shared to protect a child relies on Art. 9(2)(g) with DPA 2018
    // Schedule 1 para 18, and may be shared without consent where seeking it would place the child at risk.
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

/// <summary>Children's social care → the initial child protection conference, about an adult in the household.</summary>
public sealed partial class ConferenceReports(IDecisionLog log)
{
    private readonly IDecisionLog _log = log;

    // Only the council's own risk note goes to the conference, with the adult's name: the police's disclosure stays with
    // the police, who decide what they share themselves (North East Lincolnshire guidance §8.3, §8.6). The note is criminal
    // offence data; its Art. 10 authority (Schedule 1 para 18) is declared on the field and recorded with each decision.
    [Share("Initial child protection conference – Chair", "Risk an adult in the household poses to the child (Children Act 1989 s47)",
        Fields = new[] { nameof(Domain.PoliceDisclosure.SubjectName), nameof(Domain.PoliceDisclosure.SocialWorkerRiskNote) })]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
    public partial DecisionRecord ShareHouseholdRisk(Domain.PoliceDisclosure payload, DecisionDetails details);
}
