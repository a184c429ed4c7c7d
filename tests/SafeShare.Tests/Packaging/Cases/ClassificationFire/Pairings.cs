using System;
using SafeShare;

// SAFE002 and SAFE006 against the Act's own lists: DPA 2018 s10 for which Schedule 1 condition goes with which
// Article 9(2) point, and Sch. 1 Part 4 para 38 for which conditions need an appropriate policy document.

namespace Cases.Classification;

// SAFE002: explicit consent takes no Schedule 1 condition, and para 18 is processing without consent. Para 18 is
// also a Part 2 condition, so with no policy document in this project SAFE006 reports it as well.
[LawfulBasis(LawfulBasis.Consent)]
[Article9Condition(Article9Condition.ExplicitConsent, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)] // expect: SAFE002, SAFE006
[RetainUntil(nameof(ClosedOn), Years = 6)]
public sealed class FamilySupportPlan
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; set; } = "";

    [SpecialCategory(SpecialCategory.Health)]
    public string? SupportNeeds { get; set; }

    public DateOnly ClosedOn { get; set; }
}

// SAFE002: vital interests (Art. 9(2)(c)) with a Part 1 paragraph; none applies.
[LawfulBasis(LawfulBasis.VitalInterests)]
[Article9Condition(Article9Condition.VitalInterests, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)] // expect: SAFE002
[RetainUntil(nameof(ClosedOn), Years = 6)]
public sealed class EmergencyAdmission
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; set; } = "";

    [SpecialCategory(SpecialCategory.Health)]
    public string? Allergies { get; set; }

    public DateOnly ClosedOn { get; set; }
}

// Compliant: (a) with no Schedule 1 condition; criminal offence data on Part 3 para 29 (consent), which needs no
// policy document.
[LawfulBasis(LawfulBasis.Consent)]
[Article9Condition(Article9Condition.ExplicitConsent)]
[RetainUntil(nameof(ClosedOn), Years = 6)]
public sealed class VolunteerApplication
{
    [PersonalData(Subject = DataSubject.ThirdParty)]
    public string ApplicantName { get; set; } = "";

    [SpecialCategory(SpecialCategory.Health)]
    public string? Adjustments { get; set; }

    [CriminalOffenceData(Schedule1 = Schedule1Condition.Consent)]
    public string? DeclaredConvictions { get; set; }

    public DateOnly ClosedOn { get; set; }
}

// SAFE006: Part 3 para 35 asks for the policy document itself (para 35(1)(c)).
[LawfulBasis(LawfulBasis.LegalObligation, Gateway = "Payment card scheme rules")]
[RetainUntil(nameof(ClosedOn), Years = 6)]
public sealed class CardholderOffenceRecord
{
    [PersonalData(Subject = DataSubject.ThirdParty)]
    public string CardholderName { get; set; } = "";

    [CriminalOffenceData(Schedule1 = Schedule1Condition.IndecencyOffencesInvolvingChildren)] // expect: SAFE006
    public string? Conviction { get; set; }

    public DateOnly ClosedOn { get; set; }
}
