using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeShare.Analyzers;

using static SafeShare.CodeFixes.AnnotationWriter;

namespace SafeShare.CodeFixes.Classification;

/// <summary>
/// SAFE001: adds an <c>[Article9Condition(...)]</c> to the special category member or type. The offers come in the
/// order a Data Protection Officer would defend for data a children's service holds routinely: Art. 9(2)(h) with DPA
/// 2018 Sch. 1 para 2 (the provision of social care, para 2(2)(e)), then Art. 9(2)(g) with para 6 (statutory and
/// government purposes), para 8 equality monitoring where the category is one para 8 names, para 18 (a decision in a
/// case, taken without consent for a reason in para 18(2)), and last Art. 9(2)(a) explicit consent.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddArticle9ConditionCodeFixProvider))]
[Shared]
public sealed class AddArticle9ConditionCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "Add Article 9(2)(h) health or social care – DPA 2018 Sch. 1 para 2".</summary>
    public const string HealthOrSocialCareKey = "SAFE001.HealthOrSocialCare";

    /// <summary>Equivalence key of "Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 6 statutory purposes".</summary>
    public const string SubstantialPublicInterestStatutoryKey = "SAFE001.SubstantialPublicInterest.Statutory";

    /// <summary>Equivalence key of "Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 8 equality monitoring".</summary>
    public const string SubstantialPublicInterestEqualityKey = "SAFE001.SubstantialPublicInterest.Equality";

    /// <summary>Equivalence key of "Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 18 safeguarding, for a decision in a case".</summary>
    public const string SubstantialPublicInterestSafeguardingKey = "SAFE001.SubstantialPublicInterest.Safeguarding";

    /// <summary>Equivalence key of "Add Article 9(2)(a) explicit consent".</summary>
    public const string ExplicitConsentKey = "SAFE001.ExplicitConsent";

    // The categories para 8(2) names: racial or ethnic origin, religious or philosophical beliefs, health, sexual orientation.
    private static readonly string[] EqualityMonitoringCategories = { "RacialOrEthnicOrigin", "ReligiousOrPhilosophicalBeliefs", "Health", "SexualOrientation" };

    private static readonly AnnotationChoice.Provider Choices = GetChoicesAsync;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.SpecialCategoryWithoutArticle9Condition);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => AnnotationChoice.CreateFixAllProvider(Choices);

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => AnnotationChoice.RegisterAsync(context, Choices);

    private static async Task<ImmutableArray<AnnotationChoice>> GetChoicesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // A positional record parameter is annotated where it is written: the attribute allows parameters.
        var declaration = FindAnnotatedDeclaration(root, diagnostic);
        if (declaration is null || await SafeShareSyntax.CreateAsync(document, cancellationToken).ConfigureAwait(false) is not { } syntax)
        {
            return ImmutableArray<AnnotationChoice>.Empty;
        }

        return AnnotationChoice.All(
            AnnotationChoice.Create(
                "Add Article 9(2)(h) health or social care – DPA 2018 Sch. 1 para 2",
                HealthOrSocialCareKey,
                declaration,
                syntax.Annotation(
                    "Article9Condition",
                    syntax.EnumArgument("Article9Condition", "HealthOrSocialCare"),
                    SafeShareSyntax.NamedArgument("Schedule1", syntax.EnumMember("Schedule1Condition", "HealthOrSocialCarePurposes")))),
            SubstantialPublicInterest(
                syntax, declaration, "StatutoryAndGovernmentPurposes",
                "Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 6 statutory purposes",
                SubstantialPublicInterestStatutoryKey),
            AllEqualityMonitoringCategories(diagnostic)
                ? SubstantialPublicInterest(
                    syntax, declaration, "EqualityOfOpportunityOrTreatment",
                    "Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 8 equality monitoring",
                    SubstantialPublicInterestEqualityKey)
                : null,
            SubstantialPublicInterest(
                syntax, declaration, "SafeguardingOfChildrenAndIndividualsAtRisk",
                "Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 18 safeguarding, for a decision in a case",
                SubstantialPublicInterestSafeguardingKey),
            AnnotationChoice.Create(
                "Add Article 9(2)(a) explicit consent",
                ExplicitConsentKey,
                declaration,
                syntax.Annotation("Article9Condition", syntax.EnumArgument("Article9Condition", "ExplicitConsent"))));
    }

    private static AnnotationChoice? SubstantialPublicInterest(SafeShareSyntax syntax, SyntaxNode declaration, string paragraph, string title, string key) =>
        AnnotationChoice.Create(
            title,
            key,
            declaration,
            syntax.Annotation(
                "Article9Condition",
                syntax.EnumArgument("Article9Condition", "SubstantialPublicInterest"),
                SafeShareSyntax.NamedArgument("Schedule1", syntax.EnumMember("Schedule1Condition", paragraph))));

    // Para 8 is met only for the categories it names, so it is offered only when every category reported is one of them.
    private static bool AllEqualityMonitoringCategories(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(ClassificationProperties.SpecialCategories, out var joined) || string.IsNullOrEmpty(joined))
        {
            return false;
        }

        foreach (var category in joined!.Split(','))
        {
            if (System.Array.IndexOf(EqualityMonitoringCategories, category.Trim()) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
