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
    public static bool MayHold(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();

        // Unicode escapes (\u and \U) are rare and backslashes are not: string escapes, paths, the generated inventory's
        // JSON. A stop at every backslash cost a third of the scan of a 1,000-file program, most of it in a few files
        // (issue 6); instead the text is searched for a backslash once and, only when it has one, for the two escapes.
        var backslash = text.IndexOf('\\');
        if (backslash >= 0 &&
            (text.IndexOf("\\u", backslash, StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", backslash, StringComparison.Ordinal) >= 0))
        {
            return true;
        }

        // Then one ordinal search per name. The runtime's search is vectorised and compares two of the name's characters
        // at every position, so each name costs about one pass and almost never stops falsely. The anchor-letter loop
        // before it stopped at every capital P of the program for SAFE204's names (9,618 stops at 1,000 files): 1.2-1.7
        // ms against 1.0-1.1 for the two searches, and 4.2-5.2 against 2.2-2.4 ms for the five member names (issue 6).
        foreach (var name in names)
        {
            if (name.Length > 0 && text.IndexOf(name, StringComparison.Ordinal) >= 0)
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
