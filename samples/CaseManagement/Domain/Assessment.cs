using SafeShare;

namespace CaseManagement.Domain;

/// <summary>A child and family assessment (s17) or a child protection enquiry (s47).</summary>
/// <remarks>
/// An assessment records the child's health and ethnicity, which are special category data
/// (UK GDPR Art. 9(1); North East Lincolnshire guidance §2.1). Special category data needs BOTH an Art. 6 lawful basis and a
/// separate Art. 9 condition (North East Lincolnshire guidance §2.1, "Conditions for sensitive processing"; Berkshire protocol Appendix B
/// 1.4; Solihull protocol §5.4):
///
/// - Art. 6: public task under Children Act 1989 s17 / s47.
/// - Art. 9: (h) health or social care, with DPA 2018 Schedule 1 Part 1 para 2. An assessment is
///   made to provide social care to the child (para 2(2)(e)), and its health section is written with
///   the child's health visitor or GP to plan care (para 2(2)(d)). That is the routine record. Para 18
///   (safeguarding, Part 2) is for a decision in a case to share without consent because consent
///   cannot be given, cannot reasonably be obtained or would put the child at risk (para 18(2)): the
///   declared shares in Sharing/ rely on it, not the assessment itself. Data kept only to monitor
///   equality of opportunity would rely on para 8 instead.
/// </remarks>
[PersonalData(Subject = DataSubject.Child)]
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17 / s47")]
[Article9Condition(Article9Condition.HealthOrSocialCare,
    Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes,
    BasisInLaw = "Children Act 1989 s17")]
[RetainUntil(nameof(ChildDateOfBirth), Years = 25, ReviewEveryYears = 5)]
public sealed record Assessment
{
    public required string AssessmentId { get; init; }

    public required AssessmentKind Kind { get; init; }

    [PersonalData(Subject = DataSubject.Child)]
    public required string ChildCaseNumber { get; init; }

    /// <summary>Retention anchor (North East Lincolnshire guidance §7: records kept to the 25th birthday).</summary>
    [PersonalData(Subject = DataSubject.Child)]
    public required DateOnly ChildDateOfBirth { get; init; }

    public required DateOnly StartedOn { get; init; }

    public DateOnly? CompletedOn { get; init; }

    /// <summary>Physical and mental health needs, diagnoses and medication.</summary>
    [SpecialCategory(SpecialCategory.Health, Subject = DataSubject.Child)]
    public string? HealthNeeds { get; init; }

    /// <summary>Ethnicity as the family describes it; recorded to meet the child's identity needs.</summary>
    [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin, Subject = DataSubject.Child)]
    public string? Ethnicity { get; init; }

    /// <summary>The social worker's analysis and recommendation.</summary>
    [PersonalData(Subject = DataSubject.Child)]
    public string? Analysis { get; init; }

    public RiskLevel Risk { get; init; } = RiskLevel.NotYetAssessed;
}

public enum AssessmentKind
{
    /// <summary>Children Act 1989 s17: child in need.</summary>
    ChildAndFamily,
    /// <summary>Children Act 1989 s47: reasonable cause to suspect significant harm.</summary>
    Section47Enquiry,
}

public enum RiskLevel
{
    NotYetAssessed,
    Low,
    Medium,
    High,
}
