using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Analyzers;

/// <summary>What a name in source can stand for, from syntax alone: the checks that decide whether semantic work is needed.</summary>
internal static class SyntaxNames
{
    /// <summary>The identifier a name ends with (<c>PersonalData</c> for <c>global::SafeShare.PersonalData</c>), or null.</summary>
    public static string? Rightmost(TypeSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        NullableTypeSyntax nullable => Rightmost(nullable.ElementType),
        _ => null,
    };

    /// <summary>
    /// Whether a using alias is declared in the node's file or an enclosing namespace, through which a name could stand for
    /// a type it does not spell (conservatively, any alias). Global aliases of other files are not seen here.
    /// </summary>
    public static bool UsingAliasInScope(SyntaxNode node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            var usings = parent switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            foreach (var directive in usings)
            {
                if (directive.Alias is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
