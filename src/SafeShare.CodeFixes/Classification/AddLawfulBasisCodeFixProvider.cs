using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeShare.Analyzers;

using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static SafeShare.CodeFixes.AnnotationWriter;

namespace SafeShare.CodeFixes.Classification;

/// <summary>
/// SAFE003: adds <c>[LawfulBasis(LawfulBasis.PublicTask, Gateway = "TODO: ...")]</c> to the personal data
/// type, or to the method of a personal parameter. Public task is the basis public bodies are expected to rely
/// on (Buckinghamshire Code of Practice §1; North East Lincolnshire guidance §5); the gateway is left for the developer to name, because only they know which
/// statute gives the task.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddLawfulBasisCodeFixProvider))]
[Shared]
public sealed class AddLawfulBasisCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "Add lawful basis: public task".</summary>
    public const string PublicTaskKey = "SAFE003.PublicTask";

    /// <summary>The gateway placeholder the fix writes; SAFE007 accepts it, a reviewer will not.</summary>
    public const string GatewayPlaceholder = "TODO: name the statutory gateway, e.g. Children Act 1989 s17";

    private static readonly AnnotationChoice.Provider Choices = GetChoicesAsync;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.PersonalDataWithoutLawfulBasis);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => AnnotationChoice.CreateFixAllProvider(Choices);

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => AnnotationChoice.RegisterAsync(context, Choices);

    private static async Task<ImmutableArray<AnnotationChoice>> GetChoicesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var declaration = FindAnnotatedDeclaration(root, diagnostic) switch
        {
            BaseTypeDeclarationSyntax type => type,
            ParameterSyntax parameter => MethodOf(parameter),
            _ => null,
        };
        if (declaration is null || await SafeShareSyntax.CreateAsync(document, cancellationToken).ConfigureAwait(false) is not { } syntax)
        {
            return ImmutableArray<AnnotationChoice>.Empty;
        }

        return AnnotationChoice.All(AnnotationChoice.Create(
            "Add lawful basis: public task (name the statutory gateway)",
            PublicTaskKey,
            declaration,
            syntax.Annotation(
                "LawfulBasis",
                syntax.EnumArgument("LawfulBasis", "PublicTask"),
                SafeShareSyntax.NamedArgument("Gateway", LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(GatewayPlaceholder))))));
    }

    // Resolution looks at the parameter's method before its type, so the basis goes there. [LawfulBasis]
    // does not target constructors, lambdas or delegates: there the parameter itself carries it.
    private static SyntaxNode MethodOf(ParameterSyntax parameter) =>
        parameter.Parent?.Parent switch
        {
            MethodDeclarationSyntax method => method,
            LocalFunctionStatementSyntax function => function,
            OperatorDeclarationSyntax @operator => @operator,
            ConversionOperatorDeclarationSyntax conversion => conversion,
            _ => parameter,
        };
}
