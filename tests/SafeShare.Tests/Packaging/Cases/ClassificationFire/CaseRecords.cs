using System;
using SafeShare;

// Classification rules SAFE001-007: each type is fully annotated but for the one thing its rule reports.
// No [assembly: AppropriatePolicyDocument] in this project (SAFE006).

namespace Cases.Classification;

// Compliant: lawful basis with its gateway, an Article 9 condition with its Schedule 1 paragraph (one that needs no
// appropriate policy document), criminal offence data under official authority, and a retention rule.
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
[Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
[RetainUntil(nameof(ClosedOn), Years = 6)]
public sealed class HealthVisit
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; set; } = "";

    [SpecialCategory(SpecialCategory.Health)]
    public string? Notes { get; set; }

    [CriminalOffenceData(OfficialAuthority = "Police and Criminal Evidence Act 1984")]
    public string? YouthCaution { get; set; }

    public DateOnly ClosedOn { get; set; }
}

// SAFE001: special category data with no Article 9 condition on the member, the type or the assembly.
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
[RetainUntil(nameof(ClosedOn), Years = 6)]
public sealed class EqualityMonitoring
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; set; } = "";

    [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
    public string? Ethnicity { get; set; } // expect: SAFE001

    public DateOnly ClosedOn { get; set; }
}

// SAFE002: substantial public interest (Art. 9(2)(g)) with no Schedule 1 Part 2 condition.
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
[Article9Condition(Article9Condition.SubstantialPublicInterest)] // expect: SAFE002
[RetainUntil(nameof(ClosedOn), Years = 25)]
public sealed class StrategyDiscussion
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; set; } = "";

    [SpecialCategory(SpecialCategory.Health)]
    public string? Injuries { get; set; }

    public DateOnly ClosedOn { get; set; }
}

// SAFE003: personal data with no lawful basis on the member, the type or the assembly.
[RetainUntil(nameof(ClosedOn), Years = 6)]
public sealed class ContactLog // expect: SAFE003
{
    [PersonalData(Subject = DataSubject.ParentOrCarer)]
    public string CallerName { get; set; } = "";

    public DateOnly ClosedOn { get; set; }
}

// SAFE004: personal data with no retention rule.
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
public sealed class HomeVisit // expect: SAFE004
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; set; } = "";

    public DateOnly VisitedOn { get; set; }
}

// SAFE005: criminal offence data with neither official authority nor a Schedule 1 condition.
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
[RetainUntil(nameof(ClosedOn), Years = 6)]
public sealed class YouthJusticeReferral
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; set; } = "";

    [CriminalOffenceData]
    public string? Offence { get; set; } // expect: SAFE005

    public DateOnly ClosedOn { get; set; }
}

// SAFE006: a Schedule 1 Part 2 condition, and no appropriate policy document in the assembly.
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
[Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)] // expect: SAFE006
[RetainUntil(nameof(ClosedOn), Years = 25)]
public sealed class SafeguardingConcern
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; set; } = "";

    [SpecialCategory(SpecialCategory.Health)]
    public string? Concern { get; set; }

    public DateOnly ClosedOn { get; set; }
}

// SAFE007: annotations that cannot mean anything: an empty gateway, a retention anchor that is not a date.
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "")] // expect: SAFE007
[RetainUntil(nameof(ChildName), Years = 6)] // expect: SAFE007
public sealed class EarlyHelpPlan
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; set; } = "";
}
