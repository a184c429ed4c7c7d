using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeShare.Analyzers;

using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeShare.CodeFixes.Sharing;

/// <summary>
/// SAFE110: logs the record's identifier instead of the person — <c>child</c> and <c>child.Name</c> become
/// <c>child.CaseReference</c> or <c>child.Id</c>, the first of those the analyzer found that is not personal data.
/// Offered only for a message-template value (a value the sink takes as any object), where the identifier fits in its
/// place; the template's placeholder keeps its name.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LogIdentifierCodeFixProvider))]
[Shared]
public sealed class LogIdentifierCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string Key = "SAFE110.LogIdentifier";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PersonalDataLogged);

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
            if (!diagnostic.Properties.TryGetValue(SharingProperties.Identifier, out var identifier) || identifier is null ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax written)
            {
                continue;
            }

            var replacesMember = diagnostic.Properties.TryGetValue(SharingProperties.ReplacesMember, out var flag) && flag == "true";
            var owner = replacesMember ? (written as MemberAccessExpressionSyntax)?.Expression : written;
            if (owner is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Log '{identifier}' instead", ct => FixAsync(context.Document, written, owner, identifier, ct), Key),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, ExpressionSyntax written, ExpressionSyntax owner, string identifier, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacement = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, owner.WithoutTrivia(), IdentifierName(identifier))
            .WithTriviaFrom(written);
        return document.WithSyntaxRoot(root.ReplaceNode(written, replacement));
    }
}
