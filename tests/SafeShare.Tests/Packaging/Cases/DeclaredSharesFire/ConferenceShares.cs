using System;
using SafeShare;

// Criminal offence data in a share's payload (UK GDPR Art. 10; DPA 2018 s10(5)).

namespace Cases.Fire;

public sealed partial class ConferenceShares(IDecisionLog log)
{
    private readonly IDecisionLog _log = log;

    // Compliant: the police's own disclosure under official authority, the council's note under Schedule 1 para 18.
    [Share("Initial child protection conference", "Risk an adult in the household poses to the child",
        Fields = new[] { nameof(AuthorisedRisk.AdultName), nameof(AuthorisedRisk.PoliceDisclosure), nameof(AuthorisedRisk.SocialWorkerNote) })]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
    public partial DecisionRecord ShareAuthorisedRisk(AuthorisedRisk payload, DecisionDetails details);

    // SAFE108: nothing authorises the convictions the share sends (and SAFE005 where they are declared).
    [Share("Initial child protection conference", "Risk an adult in the household poses to the child",
        Fields = new[] { nameof(UnauthorisedRisk.AdultName), nameof(UnauthorisedRisk.Convictions) })]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
    public partial DecisionRecord ShareUnauthorisedRisk(UnauthorisedRisk payload, DecisionDetails details); // expect: SAFE108
}

[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
[RetainUntil(nameof(DisclosedOn), Years = 6)]
public sealed class AuthorisedRisk
{
    [PersonalData(Subject = DataSubject.ThirdParty)]
    public string AdultName { get; init; } = "";

    [CriminalOffenceData(Subject = DataSubject.ThirdParty, OfficialAuthority = "Police common-law power (Domestic Violence Disclosure Scheme)")]
    public string? PoliceDisclosure { get; init; }

    [CriminalOffenceData(Subject = DataSubject.ThirdParty, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
    public string? SocialWorkerNote { get; init; }

    public DateOnly DisclosedOn { get; init; }
}

[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
[RetainUntil(nameof(DisclosedOn), Years = 6)]
public sealed class UnauthorisedRisk
{
    [PersonalData(Subject = DataSubject.ThirdParty)]
    public string AdultName { get; init; } = "";

    [CriminalOffenceData(Subject = DataSubject.ThirdParty)]
    public string? Convictions { get; init; } // expect: SAFE005

    public DateOnly DisclosedOn { get; init; }
}

// SAFE109: agreed in 2019 and never reviewed; the first review was due six months later (reported as info).
[SharingAgreement("2019-04-01", Reference = "ISP-2019-07 Early help partnership")]
public sealed partial class LapsedAgreementShares(IDecisionLog log)
{
    private readonly IDecisionLog _log = log;

    [Share("Family Hub", "Early help assessment (Children Act 1989 s17)",
        Fields = new[] { nameof(AuthorisedRisk.AdultName), nameof(AuthorisedRisk.PoliceDisclosure), nameof(AuthorisedRisk.SocialWorkerNote) })]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
    public partial DecisionRecord ReferToFamilyHub(AuthorisedRisk payload, DecisionDetails details); // expect: SAFE109
}
