using SafeShare;

namespace CaseManagement.Sharing;

// What each share carries: purpose-built payloads holding only what the recipient needs, never the
// whole case record (Sheffield schools guide, golden rule 6 of the Sheffield schools guide: "necessary, proportionate, relevant, adequate, accurate,
// timely and secure"; Buckinghamshire Code of Practice Appendix 1 step 6: "the right information in the right way").
// They are built, sent and dropped: they are not stored, so they carry no retention rule.

/// <summary>What children's social care tells the police for a strategy discussion (Children Act 1989 s47).</summary>
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
public sealed class StrategyReferral
{
    [PersonalData(Subject = DataSubject.Child)]
    public required string ChildName { get; init; }

    [PersonalData(Subject = DataSubject.Child)]
    public required DateOnly ChildDateOfBirth { get; init; }

    [PersonalData(Subject = DataSubject.Child)]
    public required string Concern { get; init; }

    // Health detail relevant to the injury: special category data (North East Lincolnshire guidance §2.1).
    [SpecialCategory(SpecialCategory.Health, Subject = DataSubject.Child)]
    [Article9Condition(Article9Condition.SubstantialPublicInterest,
        Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
    public string? RelevantHealthInformation { get; init; }

    // The case reference is not personal data about the child beyond the case itself.
    public required string CaseReference { get; init; }
}

/// <summary>What a school's designated safeguarding lead sends to the children's services front door.</summary>
[LawfulBasis(LawfulBasis.LegalObligation, Gateway = "Education Act 2002 s175")]
public sealed class SchoolConcern
{
    [PersonalData(Subject = DataSubject.Child)]
    public required string PupilName { get; init; }

    [PersonalData(Subject = DataSubject.Child)]
    public required string UniquePupilNumber { get; init; }

    [PersonalData(Subject = DataSubject.Child)]
    public required string WhatWasSeenOrSaid { get; init; }

    [PersonalData(Subject = DataSubject.ParentOrCarer)]
    public string? ParentName { get; init; }
}

/// <summary>What the health visiting service gives the Multi-Agency Safeguarding Hub.</summary>
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 2004 s11")]
public sealed class HealthSummaryForMash
{
    [PersonalData(Subject = DataSubject.Child)]
    public required string NhsNumber { get; init; }

    [SpecialCategory(SpecialCategory.Health, Subject = DataSubject.Child)]
    [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
    public required string DevelopmentalConcerns { get; init; }

    [SpecialCategory(SpecialCategory.Health, Subject = DataSubject.ParentOrCarer)]
    [Article9Condition(Article9Condition.SubstantialPublicInterest,
        Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
    public string? ParentalMentalHealth { get; init; }
}
