using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers;

/// <summary>Classification rules SAFE001-SAFE008.</summary>
internal static partial class Rules
{
    private const string Classification = "Classification";

    public static readonly DiagnosticDescriptor SpecialCategoryWithoutArticle9Condition = Create(
        DiagnosticIds.SpecialCategoryWithoutArticle9Condition,
        "Special category data has no Article 9 condition",
        "'{0}' is special category data ({1}) with no Article 9 condition; add [Article9Condition(...)] to the member, its type or the assembly",
        Classification, DiagnosticSeverity.Warning,
        "Special category data (UK GDPR Art. 9(1)) may be processed only when an Art. 9(2) condition applies as well as an Art. 6 lawful basis (North East Lincolnshire guidance §2; Berkshire protocol Appendix B 1.4; Solihull protocol §5.4).");

    public static readonly DiagnosticDescriptor Article9ConditionWithoutMatchingSchedule1 = Create(
        DiagnosticIds.Article9ConditionWithoutMatchingSchedule1,
        "Article 9 condition has no matching Schedule 1 condition",
        "'{0}' relies on Article 9(2)({1}) {2}, {3}; set Schedule1 to {4}",
        Classification, DiagnosticSeverity.Warning,
        "Art. 9(2)(b), (g), (h), (i) and (j) need a basis in UK law, which DPA 2018 s10 gives through a Schedule 1 condition: Part 1 para 1 for (b), paras 2, 3 and 4 for (h), (i) and (j), and a Part 2 condition (paras 6-28) for (g). Art. 9(2)(a), (c), (d), (e) and (f) take no Schedule 1 condition, so one named with them is a basis the Act does not give.");

    public static readonly DiagnosticDescriptor PersonalDataWithoutLawfulBasis = Create(
        DiagnosticIds.PersonalDataWithoutLawfulBasis,
        "Personal data has no lawful basis",
        "'{0}' is personal data with no lawful basis (Article 6); add [LawfulBasis(...)] to {1}",
        Classification, DiagnosticSeverity.Warning,
        "Personal data may be processed only on an Art. 6(1) lawful basis; public bodies should rely on public task or legal obligation and name the statutory gateway (Buckinghamshire Code of Practice §1; North East Lincolnshire guidance §5).");

    public static readonly DiagnosticDescriptor PersonalDataWithoutRetention = Create(
        DiagnosticIds.PersonalDataWithoutRetention,
        "Personal data type has no retention rule",
        "'{0}' holds personal data with no retention rule; add [RetainUntil({1})]",
        Classification, DiagnosticSeverity.Info,
        "Personal data is kept no longer than necessary (UK GDPR Art. 5(1)(e); North East Lincolnshire guidance §7, e.g. school records until the 25th birthday).");

    public static readonly DiagnosticDescriptor CriminalOffenceDataWithoutCondition = Create(
        DiagnosticIds.CriminalOffenceDataWithoutCondition,
        "Criminal offence data has no Schedule 1 condition or official authority",
        "'{0}' is criminal offence data with no Schedule 1 condition or official authority; set OfficialAuthority or Schedule1 on [CriminalOffenceData], or a Schedule1 condition on its [Article9Condition]",
        Classification, DiagnosticSeverity.Warning,
        "Criminal convictions and offences data (UK GDPR Art. 10) may be processed only under official authority or when a DPA 2018 Schedule 1 condition is met (DPA 2018 s10(5)); North East Lincolnshire guidance §8.");

    public static readonly DiagnosticDescriptor MissingAppropriatePolicyDocument = Create(
        DiagnosticIds.MissingAppropriatePolicyDocument,
        "Schedule 1 condition needs an appropriate policy document",
        "{0} (DPA 2018 Sch. 1 para {1}) is met only with an appropriate policy document in place; add [assembly: AppropriatePolicyDocument(\"<where the document is kept>\")]",
        Classification, DiagnosticSeverity.Warning,
        "Schedule 1 Part 1 para 1, the Part 2 conditions, Part 3 para 35 and the Part 3 extensions of Part 2 (paras 36 and 37) are met only if the controller has an appropriate policy document in place (DPA 2018 Sch. 1 paras 1(1)(b), 5 and 35(1)(c); Part 4 paras 38 and 39).");

    public static readonly DiagnosticDescriptor LegitimateInterestNotAvailable = Create(
        DiagnosticIds.LegitimateInterestNotAvailable,
        "Recognised legitimate interest without an Annex 1 condition, or relied on by a public authority",
        "'{0}' relies on UK GDPR Art. 6(1)({1}) {2}, {3}",
        Classification, DiagnosticSeverity.Warning,
        "Art. 6(1)(ea) is met only where the processing meets a condition in UK GDPR Annex 1 (Art. 6(5)), and points (ea) and (f) do not apply to processing carried out by public authorities in the performance of their tasks (Art. 6(1), final subparagraph, as amended by the Data (Use and Access) Act 2025 s70).");

    public static readonly DiagnosticDescriptor InvalidAnnotation = Create(
        DiagnosticIds.InvalidAnnotation,
        "Invalid SafeShare annotation",
        "{0}",
        Classification, DiagnosticSeverity.Error,
        "A SafeShare attribute whose arguments cannot be right: a retention anchor that is not a date member of the type, a period that is not positive, an empty gateway or reference, or a value outside its enum.");
}
