using System;
using SafeShare;

// Shares declared as users are told: partial methods on a partial class, implemented by SafeShare's generator.
// Their payload types are declared after the class (SAFE905 must still see the personal members).

[assembly: AppropriatePolicyDocument("IG-POL-007 Safeguarding appropriate policy document")]

namespace Cases.Fire;

public sealed partial class EarlyHelpShares(IDecisionLog log)
{
    private readonly IDecisionLog _log = log;

    // Compliant: recipient, purpose, lawful basis with its gateway, Article 9 condition, and the fields it carries.
    [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47",
        Fields = new[] { nameof(ReferralSummary.ChildName), nameof(ReferralSummary.HealthNeeds) })]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
    [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
    public partial DecisionRecord ReferToPolice(ReferralSummary payload, DecisionDetails details);

    // Compliant: the payload is personal as a whole ([PersonalData] on its type), with no marked member.
    [Share("Housing Options", "Arrange emergency accommodation for the family")]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Housing Act 1996 s213")]
    public partial DecisionRecord ShareCarer(CarerDetails payload, DecisionDetails details);

    // Compliant: the same payload, with the member the purpose needs listed in Fields (recorded as personal data, as the
    // type is marked personal as a whole).
    [Share("Housing Options", "Contact the family about emergency accommodation", Fields = new[] { nameof(CarerDetails.Telephone) })]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Housing Act 1996 s213")]
    public partial DecisionRecord ShareCarerTelephone(CarerDetails payload, DecisionDetails details);

    // SAFE101: no recipient.
    [Share("", "Early help assessment", // expect: SAFE101
        Fields = new[] { nameof(ReferralSummary.ChildName), nameof(ReferralSummary.HealthNeeds) })]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
    public partial DecisionRecord NoRecipient(ReferralSummary payload, DecisionDetails details);

    // SAFE103: a health field, and no Article 9 condition on the share, its type, the assembly, the payload or the member.
    [Share("School nurse", "Health plan for the child")]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
    public partial DecisionRecord ShareHealth(HealthNote payload, DecisionDetails details); // expect: SAFE103

    // SAFE106: a Fields entry that names no member of the payload.
    [Share("Youth Offending Team", "Joint assessment", Fields = new[]
    {
        nameof(ReferralSummary.ChildName),
        nameof(ReferralSummary.HealthNeeds),
        "HomeAddress", // expect: SAFE106
    })]
    [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
    public partial DecisionRecord JointAssessment(ReferralSummary payload, DecisionDetails details);

    // SAFE107: Consent as the basis of a child protection share.
    [Share("Children's social care", "Child protection enquiry",
        Fields = new[] { nameof(ReferralSummary.ChildName), nameof(ReferralSummary.HealthNeeds) })]
    [LawfulBasis(LawfulBasis.Consent)]
    public partial DecisionRecord ConsentedReferral(ReferralSummary payload, DecisionDetails details); // expect: SAFE107
}

[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
[Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
[RetainUntil(nameof(ReferredOn), Years = 6)]
public sealed class ReferralSummary
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; init; } = "";

    [SpecialCategory(SpecialCategory.Health)]
    public string? HealthNeeds { get; init; }

    public DateOnly ReferredOn { get; init; }
}

// A sharing payload that is personal as a whole; it is not kept, so it has no retention rule (SAFE004).
[PersonalData(Subject = DataSubject.ParentOrCarer)]
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Housing Act 1996 s213")]
public sealed class CarerDetails // expect: SAFE004
{
    public string Name { get; init; } = "";

    public string Telephone { get; init; } = "";
}

[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
public sealed class HealthNote // expect: SAFE004
{
    [PersonalData(Subject = DataSubject.Child)]
    public string ChildName { get; init; } = "";

    [SpecialCategory(SpecialCategory.Health)]
    public string Diagnosis { get; init; } = ""; // expect: SAFE001
}
