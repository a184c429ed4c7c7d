using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// Members found by the name they are written with, one file at a time (SAFE203's dangerous validator, SAFE204's
/// obsolete protocols), instead of an action on every member reference of the program.
/// </summary>
internal static class NameScan
{
    /// <summary>Whether the file's text holds one of the names, or a unicode escape (which could spell one).</summary>
    public static bool MayHold(SyntaxTree tree, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        // One pass over the backslashes, which are few, instead of one search each for \u and \U.
        for (var i = text.IndexOf('\\'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\\', i + 1))
        {
            if (text[i + 1] is 'u' or 'U')
            {
                return true;
            }
        }

        foreach (var name in names)
        {
            if (text.IndexOf(name, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every place a name in the set is written as an identifier: the member access or qualified name whose right-hand
    /// side it is, or the name itself; the node the semantic model gives the member reference's operation for.
    /// </summary>
    public static IEnumerable<SyntaxNode> References(SyntaxTree tree, ISet<string> names, CancellationToken cancellationToken)
    {
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || !names.Contains(token.ValueText) || token.Parent is not IdentifierNameSyntax name)
            {
                continue;
            }

            yield return name.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == name => access,
                QualifiedNameSyntax qualified when qualified.Right == name => qualified,
                _ => name,
            };
        }
    }
}
