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
/// SAFE001: adds an <c>[Article9Condition(...)]</c> to the special category member or type, offering the
/// conditions children's services most often rely on (North East Lincolnshire guidance §2; Solihull protocol §5.4): Art. 9(2)(g) with DPA 2018
/// Sch. 1 para 18 safeguarding, Art. 9(2)(h) with para 2 health or social care, and Art. 9(2)(a) explicit consent.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddArticle9ConditionCodeFixProvider))]
[Shared]
public sealed class AddArticle9ConditionCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 18 safeguarding".</summary>
    public const string SubstantialPublicInterestSafeguardingKey = "SAFE001.SubstantialPublicInterest.Safeguarding";

    /// <summary>Equivalence key of "Add Article 9(2)(h) health or social care – DPA 2018 Sch. 1 para 2".</summary>
    public const string HealthOrSocialCareKey = "SAFE001.HealthOrSocialCare";

    /// <summary>Equivalence key of "Add Article 9(2)(a) explicit consent".</summary>
    public const string ExplicitConsentKey = "SAFE001.ExplicitConsent";

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
                "Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 18 safeguarding",
                SubstantialPublicInterestSafeguardingKey,
                declaration,
                syntax.Annotation(
                    "Article9Condition",
                    syntax.EnumArgument("Article9Condition", "SubstantialPublicInterest"),
                    SafeShareSyntax.NamedArgument("Schedule1", syntax.EnumMember("Schedule1Condition", "SafeguardingOfChildrenAndIndividualsAtRisk")))),
            AnnotationChoice.Create(
                "Add Article 9(2)(h) health or social care – DPA 2018 Sch. 1 para 2",
                HealthOrSocialCareKey,
                declaration,
                syntax.Annotation(
                    "Article9Condition",
                    syntax.EnumArgument("Article9Condition", "HealthOrSocialCare"),
                    SafeShareSyntax.NamedArgument("Schedule1", syntax.EnumMember("Schedule1Condition", "HealthOrSocialCarePurposes")))),
            AnnotationChoice.Create(
                "Add Article 9(2)(a) explicit consent",
                ExplicitConsentKey,
                declaration,
                syntax.Annotation("Article9Condition", syntax.EnumArgument("Article9Condition", "ExplicitConsent"))));
    }
}
