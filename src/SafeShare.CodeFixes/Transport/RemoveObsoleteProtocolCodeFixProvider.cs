using System.Collections.Generic;
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
using SafeShare.Analyzers;

namespace SafeShare.CodeFixes.Transport;

/// <summary>
/// SAFE204: removes every obsolete protocol from the combination it is in; when nothing is left, uses the
/// operating system's choice (<c>SslProtocols.None</c> / <c>SecurityProtocolType.SystemDefault</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveObsoleteProtocolCodeFixProvider))]
[Shared]
public sealed class RemoveObsoleteProtocolCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string Key = "SAFE204.RemoveObsoleteProtocols";

    // Ssl2, Ssl3, Tls and Tls11 have the same bit values in SslProtocols and SecurityProtocolType.
    private const int ObsoleteBits = 12 | 48 | 192 | 768;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ObsoleteTlsProtocol);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax flagged)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the obsolete protocols (or let the OS choose)", ct => FixAsync(context.Document, flagged, ct), Key),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ExpressionSyntax flagged, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.GetTypeInfo(flagged, cancellationToken).Type is not { } enumType)
        {
            return document;
        }

        // The whole a | b | c the flagged value is part of.
        ExpressionSyntax combination = flagged;
        while (combination.Parent is ParenthesizedExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression })
        {
            combination = (ExpressionSyntax)combination.Parent;
        }

        var kept = new List<string>();
        foreach (var leaf in Leaves(combination))
        {
            var obsolete = leaf is not PrefixUnaryExpressionSyntax &&
                model.GetConstantValue(leaf, cancellationToken) is { HasValue: true, Value: int value } && (value & ObsoleteBits) != 0;
            if (!obsolete)
            {
                kept.Add(leaf.ToString());
            }
        }

        var defaultMember = enumType.Name == "SecurityProtocolType" ? "SystemDefault" : "None";
        var qualifier = flagged is MemberAccessExpressionSyntax access ? access.Expression.ToString()
            : flagged is CastExpressionSyntax cast ? cast.Type.ToString()
            : enumType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var text = kept.Count == 0 ? qualifier + "." + defaultMember : string.Join(" | ", kept);
        var replacement = SyntaxFactory.ParseExpression(text).WithTriviaFrom(combination);
        return document.WithSyntaxRoot(root.ReplaceNode(combination, replacement));
    }

    private static IEnumerable<ExpressionSyntax> Leaves(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized when parenthesized.Expression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression }:
                return Leaves(parenthesized.Expression);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression } or:
                return Leaves(or.Left).Concat(Leaves(or.Right));
            default:
                return new[] { expression };
        }
    }
}
