using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SafeShare.Analyzers;

using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeShare.CodeFixes.Transport;

/// <summary>
/// SAFE202: sets <c>EnableSsl = true</c> — in the object initializer of the new SmtpClient (added, or
/// corrected when it says false), or in the assignment that set it to false.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnableSslCodeFixProvider))]
[Shared]
public sealed class EnableSslCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string Key = "SAFE202.EnableSsl";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MailOrFileTransferWithoutTls);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(TransportFix.Fix, out var fix))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            SyntaxNode? target = fix switch
            {
                TransportFix.FixInitializer => node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>(),
                TransportFix.FixValue => node.FirstAncestorOrSelf<AssignmentExpressionSyntax>(),
                _ => null,
            };
            if (target is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Set EnableSsl = true", ct => FixAsync(context.Document, target, ct), Key),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var @true = LiteralExpression(SyntaxKind.TrueLiteralExpression);
        SyntaxNode replacement;
        switch (target)
        {
            case AssignmentExpressionSyntax assignment:
                replacement = assignment.WithRight(@true.WithTriviaFrom(assignment.Right));
                break;
            case BaseObjectCreationExpressionSyntax creation:
                var existing = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                    .LastOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "EnableSsl" });
                if (existing is not null)
                {
                    replacement = creation.ReplaceNode(existing, existing.WithRight(@true.WithTriviaFrom(existing.Right)));
                }
                else
                {
                    var enable = AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("EnableSsl"), @true);
                    var initializer = creation.Initializer is { } present
                        ? present.AddExpressions(enable)
                        : InitializerExpression(SyntaxKind.ObjectInitializerExpression, SingletonSeparatedList<ExpressionSyntax>(enable));
                    var withoutTrailing = creation.WithoutTrailingTrivia();
                    if (withoutTrailing is ObjectCreationExpressionSyntax { ArgumentList: null } bare)
                    {
                        withoutTrailing = bare.WithArgumentList(ArgumentList());
                    }

                    replacement = withoutTrailing.WithInitializer(initializer.WithAdditionalAnnotations(Formatter.Annotation))
                        .WithTrailingTrivia(creation.GetTrailingTrivia());
                }

                break;
            default:
                return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(target, replacement));
    }
}
