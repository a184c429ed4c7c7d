using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.CodeFixes;

/// <summary>One annotation a fix offers for one diagnostic: what the user sees, and what it writes where.</summary>
internal sealed class AnnotationChoice
{
    public AnnotationChoice(string title, string equivalenceKey, SyntaxNode declaration, AttributeListSyntax annotation)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Declaration = declaration;
        Annotation = annotation;
    }

    /// <summary>The code action's title, e.g. "Add Article 9(2)(a) explicit consent".</summary>
    public string Title { get; }

    /// <summary>Which of the fix's offers this is; Fix All applies the same offer everywhere.</summary>
    public string EquivalenceKey { get; }

    /// <summary>The declaration (in the document's current tree) the annotation goes on.</summary>
    public SyntaxNode Declaration { get; }

    /// <summary>The attribute list to add.</summary>
    public AttributeListSyntax Annotation { get; }

    /// <summary>An offer, or <see langword="null"/> when its attribute could not be built.</summary>
    public static AnnotationChoice? Create(string title, string equivalenceKey, SyntaxNode declaration, AttributeListSyntax? annotation) =>
        annotation is null ? null : new AnnotationChoice(title, equivalenceKey, declaration, annotation);

    /// <summary>The offers that could be built.</summary>
    public static ImmutableArray<AnnotationChoice> All(params AnnotationChoice?[] choices)
    {
        var built = ImmutableArray.CreateBuilder<AnnotationChoice>(choices.Length);
        foreach (var choice in choices)
        {
            if (choice is not null)
            {
                built.Add(choice);
            }
        }

        return built.ToImmutable();
    }

    /// <summary>Computes the offers for one diagnostic; empty when the syntax is not what the fix expects.</summary>
    public delegate Task<ImmutableArray<AnnotationChoice>> Provider(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>Registers one code action per offer for each diagnostic in the context.</summary>
    public static async Task RegisterAsync(CodeFixContext context, Provider provider)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var choices = await provider(context.Document, root, diagnostic, context.CancellationToken).ConfigureAwait(false);
            foreach (var choice in choices)
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        choice.Title,
                        cancellationToken => AnnotationWriter.AddAnnotationsAsync(document, new[] { (choice.Declaration, choice.Annotation) }, cancellationToken),
                        choice.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// Fix All that applies the chosen offer to every diagnostic of a document in one syntax pass, rather
    /// than merging text changes as the batch fixer does: two diagnostics can lead to the same declaration
    /// (two flagged parameters of one method both add <c>[LawfulBasis]</c> to the method), and the merge
    /// would either drop one change as a conflict or write the attribute twice.
    /// </summary>
    public static FixAllProvider CreateFixAllProvider(Provider provider) =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || context.CodeActionEquivalenceKey is null)
            {
                return document;
            }

            var annotations = new List<(SyntaxNode, AttributeListSyntax)>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var choices = await provider(document, root, diagnostic, context.CancellationToken).ConfigureAwait(false);
                var chosen = choices.FirstOrDefault(c => string.Equals(c.EquivalenceKey, context.CodeActionEquivalenceKey, StringComparison.Ordinal));
                if (chosen is not null)
                {
                    annotations.Add((chosen.Declaration, chosen.Annotation));
                }
            }

            return await AnnotationWriter.AddAnnotationsAsync(document, annotations, context.CancellationToken).ConfigureAwait(false);
        });
}
