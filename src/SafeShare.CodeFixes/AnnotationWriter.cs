using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeShare.CodeFixes;

/// <summary>
/// Writes SafeShare annotations (<c>[Article9Condition(...)]</c>, <c>[LawfulBasis(...)]</c>,
/// <c>[RetainUntil(...)]</c>) onto declarations so that the result reads as if a developer had typed it:
/// each annotation in its own attribute list, on its own line at the declaration's indentation (inline for
/// a parameter), after any doc comment and existing attributes.
/// </summary>
internal static class AnnotationWriter
{
    /// <summary>
    /// The declaration an annotation goes on for a diagnostic reported on the identifier of a type, a
    /// property, a single-variable field or a parameter; <see langword="null"/> for anything else.
    /// </summary>
    public static SyntaxNode? FindAnnotatedDeclaration(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Span != diagnostic.Location.SourceSpan)
        {
            return null;
        }

        SyntaxNode? declaration = token.Parent switch
        {
            BaseTypeDeclarationSyntax type when type.Identifier == token => type,
            PropertyDeclarationSyntax property when property.Identifier == token => property,
            ParameterSyntax parameter when parameter.Identifier == token => parameter,
            // One attribute list applies to every variable of a field declaration; annotate only when the
            // declaration declares just the flagged field.
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
            _ => null,
        };
        return declaration is not null && InSoundBraces(declaration) ? declaration : null;
    }

    /// <summary>
    /// Whether the declaration, and every type and namespace around it, has both its braces. Half-typed code
    /// without them (<c>class C { [PersonalData] string N</c>, or a class the parser found inside a broken
    /// statement) gets no offer: the host formats the annotated declaration after the fix, and Roslyn's formatter
    /// fails a contract on brace pairs whose closing brace is missing (found by fuzzing). The offer comes back
    /// as soon as the braces are typed.
    /// </summary>
    private static bool InSoundBraces(SyntaxNode declaration)
    {
        for (var node = declaration; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseTypeDeclarationSyntax type when type.OpenBraceToken.IsMissing || type.CloseBraceToken.IsMissing:
                case NamespaceDeclarationSyntax ns when ns.OpenBraceToken.IsMissing || ns.CloseBraceToken.IsMissing:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Adds each annotation to its declaration in one pass over the document. A declaration named more than
    /// once (two flagged parameters of one method, a Fix All over one type) gets its annotation once.
    /// </summary>
    public static async Task<Document> AddAnnotationsAsync(
        Document document,
        IEnumerable<(SyntaxNode Declaration, AttributeListSyntax Annotation)> annotations,
        CancellationToken cancellationToken)
    {
        var byDeclaration = new Dictionary<SyntaxNode, AttributeListSyntax>();
        foreach (var (declaration, annotation) in annotations)
        {
            if (!byDeclaration.ContainsKey(declaration))
            {
                byDeclaration.Add(declaration, annotation);
            }
        }

        if (byDeclaration.Count == 0)
        {
            return document;
        }

        // The root the declarations were found in, not the document's current one: a host may have
        // dropped and re-parsed the tree since the code action was offered, and its nodes would differ.
        var root = await byDeclaration.Keys.First().SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        var documentTree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        if (documentTree is null || !documentTree.GetText(cancellationToken).ContentEquals(root.SyntaxTree.GetText(cancellationToken)))
        {
            return document;
        }

        var endOfLine = EndOfLineOf(root);

        // ReplaceNodes hands nested declarations (a flagged member inside a flagged type) to the callback
        // already rewritten, so both annotations survive.
        var newRoot = root.ReplaceNodes(
            byDeclaration.Keys.Where(declaration => declaration.SyntaxTree == root.SyntaxTree),
            (original, rewritten) => AddAnnotation(rewritten, byDeclaration[original], endOfLine) ?? rewritten);
        return document.WithSyntaxRoot(newRoot);
    }

    private static SyntaxNode? AddAnnotation(SyntaxNode declaration, AttributeListSyntax annotation, SyntaxTrivia endOfLine) =>
        declaration switch
        {
            ParameterSyntax parameter => AddInline(parameter, annotation),
            MemberDeclarationSyntax member => AddOnOwnLine(member, member.AttributeLists, annotation, endOfLine, (node, lists) => ((MemberDeclarationSyntax)node).WithAttributeLists(lists)),
            LocalFunctionStatementSyntax function => AddOnOwnLine(function, function.AttributeLists, annotation, endOfLine, (node, lists) => ((LocalFunctionStatementSyntax)node).WithAttributeLists(lists)),
            _ => null,
        };

    // record Child([SpecialCategory(SpecialCategory.Health)] [Article9Condition(...)] string Diagnosis)
    private static ParameterSyntax AddInline(ParameterSyntax parameter, AttributeListSyntax annotation)
    {
        if (parameter.AttributeLists.Count > 0)
        {
            var last = parameter.AttributeLists[parameter.AttributeLists.Count - 1];
            var separator = last.GetTrailingTrivia();
            return parameter.WithAttributeLists(parameter.AttributeLists.Add(annotation.WithTrailingTrivia(separator.Count > 0 ? separator : TriviaList(Space))));
        }

        var leading = parameter.GetLeadingTrivia();
        return parameter
            .WithoutLeadingTrivia()
            .WithAttributeLists(SingletonList(annotation.WithLeadingTrivia(leading).WithTrailingTrivia(Space)));
    }

    private static SyntaxNode AddOnOwnLine(
        SyntaxNode declaration,
        SyntaxList<AttributeListSyntax> lists,
        AttributeListSyntax annotation,
        SyntaxTrivia endOfLine,
        System.Func<SyntaxNode, SyntaxList<AttributeListSyntax>, SyntaxNode> withAttributeLists)
    {
        if (lists.Count > 0)
        {
            var last = lists[lists.Count - 1];
            var placed = last.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia)
                ? annotation.WithLeadingTrivia(Indentation(lists[0].GetLeadingTrivia())).WithTrailingTrivia(endOfLine)
                : annotation.WithTrailingTrivia(last.GetTrailingTrivia()); // [A] [B] public int X — same-line style
            return withAttributeLists(declaration, lists.Add(placed));
        }

        // The doc comment and indentation in front of the declaration move in front of the annotation;
        // the declaration itself keeps only its indentation, on the next line.
        var leading = declaration.GetLeadingTrivia();
        var bare = declaration.WithLeadingTrivia(Indentation(leading));
        return withAttributeLists(bare, SingletonList(annotation.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine)));
    }

    // The whitespace after the last line break of a declaration's leading trivia: its indentation.
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var indentation = new List<SyntaxTrivia>();
        foreach (var trivia in leading)
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                indentation.Add(trivia);
            }
            else
            {
                indentation.Clear();
            }
        }

        return TriviaList(indentation);
    }

    private static SyntaxTrivia EndOfLineOf(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return CarriageReturnLineFeed;
    }
}
