using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Analyzers.Generation;

/// <summary>
/// Whether two versions of a file declare the same things: the same tokens outside member bodies, and the same
/// preprocessor directives. What the generator reads from a compilation (types, members, their attributes and
/// attribute arguments, base types, usings) lies wholly outside those parts, so an edit that changes only them
/// cannot change what the generator reads about any declaration of another file.
/// </summary>
/// <remarks>
/// Left out of the comparison: method, constructor, operator and accessor bodies (block or <c>=&gt;</c>), and
/// the initialisers of fields and properties, except constants that code outside their type could use (an
/// attribute argument elsewhere may read a public constant; a private one can only be read from its own type,
/// whose declarations are the generator's dependencies). Top-level statements are compared in full.
/// </remarks>
internal static class DeclarationSkeleton
{
    public static bool Same(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        if (!Equals(before.Options, after.Options))
        {
            return false;
        }

        var a = (CSharpSyntaxNode)before.GetRoot(cancellationToken);
        var b = (CSharpSyntaxNode)after.GetRoot(cancellationToken);
        if (a.ContainsDirectives || b.ContainsDirectives)
        {
            var directivesA = Directives(a);
            var directivesB = Directives(b);
            if (directivesA.Count != directivesB.Count || directivesA.Zip(directivesB, (x, y) => x.IsEquivalentTo(y)).Any(same => !same))
            {
                return false;
            }
        }

        using var tokensA = a.DescendantTokens(Descend).GetEnumerator();
        using var tokensB = b.DescendantTokens(Descend).GetEnumerator();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hasA = tokensA.MoveNext();
            var hasB = tokensB.MoveNext();
            if (hasA != hasB)
            {
                return false;
            }

            if (!hasA)
            {
                return true;
            }

            if (tokensA.Current.RawKind != tokensB.Current.RawKind || tokensA.Current.Text != tokensB.Current.Text)
            {
                return false;
            }
        }
    }

    private static List<DirectiveTriviaSyntax> Directives(CSharpSyntaxNode root)
    {
        var directives = new List<DirectiveTriviaSyntax>();
        for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            directives.Add(directive);
        }

        return directives;
    }

    private static bool Descend(SyntaxNode node) => node switch
    {
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax } => false,
        ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax } => false,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => false,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } } => IsVisibleConstant(field),
        _ => true,
    };

    // A constant another type could read: not private (an interface's members are public by default).
    private static bool IsVisibleConstant(FieldDeclarationSyntax field)
    {
        if (!field.Modifiers.Any(SyntaxKind.ConstKeyword))
        {
            return false;
        }

        var modifiers = field.Modifiers;
        if (modifiers.Any(SyntaxKind.PublicKeyword) || modifiers.Any(SyntaxKind.InternalKeyword) || modifiers.Any(SyntaxKind.ProtectedKeyword))
        {
            return true;
        }

        return modifiers.Any(SyntaxKind.PrivateKeyword) ? false : field.Parent is InterfaceDeclarationSyntax;
    }
}
