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
    /// <summary>Whether the file's text holds one of the names, or a unicode escape (which could spell one). SAFE204's scan.</summary>
    public static bool MayHold(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken) =>
        MayHold(tree, names, shared: null, cancellationToken);

    /// <summary>
    /// Whether the file's text holds one of the names, or a unicode escape. The names that contain
    /// <paramref name="shared"/> are found with one search for it, checking each name around every place it is written:
    /// SAFE204's enum names share "Protocol", and a search for one of them compares its first and last letters at every
    /// position, S and s, S and e, both common, so it stops often. Over the 1,000-file bench program in a harness the
    /// backslash and "Protocol" took 1.0-1.3 ms, the backslash and both names 1.3-1.6.
    /// </summary>
    public static bool MayHold(SyntaxTree tree, HashSet<string> names, string? shared, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();

        // Unicode escapes (\u and \U) are rare and backslashes are not: string escapes, paths, the generated inventory's
        // JSON. A stop at every backslash cost a third of the scan of a 1,000-file program, most of it in a few files;
        // instead the text is searched for a backslash once and, only when it has one, for the two escapes.
        var backslash = text.IndexOf('\\');
        if (backslash >= 0 &&
            (text.IndexOf("\\u", backslash, StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", backslash, StringComparison.Ordinal) >= 0))
        {
            return true;
        }

        // Then one ordinal search per name that does not hold the shared part, and one for the shared part. The runtime's
        // search is vectorised and compares two of the needle's characters at every position. The anchor-letter loop
        // before it stopped at every capital P of the program for SAFE204's names (9,618 stops at 1,000 files): 1.2-1.7
        // ms against 1.0-1.1 for a search per name, and 4.2-5.2 against 2.2-2.4 ms for the five member names.
        var sharedByAny = false;
        foreach (var name in names)
        {
            if (shared is { Length: > 0 } && name.IndexOf(shared, StringComparison.Ordinal) >= 0)
            {
                sharedByAny = true;
            }
            else if (name.Length > 0 && text.IndexOf(name, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return sharedByAny && HoldsAroundShared(text, names, shared!);
    }

    /// <summary>Whether a name containing <paramref name="shared"/> is written around one of the places it is.</summary>
    private static bool HoldsAroundShared(string text, HashSet<string> names, string shared)
    {
        for (var at = text.IndexOf(shared, StringComparison.Ordinal); at >= 0; at = text.IndexOf(shared, at + 1, StringComparison.Ordinal))
        {
            foreach (var name in names)
            {
                // A written name has the shared part where the name first holds it, and the search stops at every place.
                var offset = name.IndexOf(shared, StringComparison.Ordinal);
                var start = at - offset;
                if (offset >= 0 && start >= 0 && start + name.Length <= text.Length && string.CompareOrdinal(text, start, name, 0, name.Length) == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the file's text holds the name, or a unicode escape (which could spell it), in one pass where it can: the
    /// runtime's search for two characters, a backslash and the name's rare character, stopping at each occurrence of
    /// either. A file without a backslash (most of them) is read once; from its first backslash the rest is searched for
    /// the escapes and then for the name. Two searches over every file, a backslash's and the name's, cost 0.89-0.97 ms
    /// on the 1,000-file bench program in a harness (caches cold), this one 0.70-0.77.
    /// </summary>
    public static bool MayHold(SyntaxTree tree, RareName name, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        for (var at = text.IndexOfAny(name.Stops); at >= 0; at = text.IndexOfAny(name.Stops, at + 1))
        {
            if (text[at] == '\\')
            {
                return text.IndexOf("\\u", at, StringComparison.Ordinal) >= 0 ||
                    text.IndexOf("\\U", at, StringComparison.Ordinal) >= 0 ||
                    HoldsFrom(text, name, at);
            }

            if (name.IsAt(text, at))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsFrom(string text, RareName name, int from)
    {
        if (name.Name.Length == 0)
        {
            return false;
        }

        for (var at = text.IndexOf(name.Rare, from); at >= 0; at = text.IndexOf(name.Rare, at + 1))
        {
            if (name.IsAt(text, at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name and a character of it that is rare in source text, for <see cref="MayHold(SyntaxTree, RareName, CancellationToken)"/>.</summary>
    public sealed class RareName
    {
        /// <param name="name">The name searched for.</param>
        /// <param name="rare">
        /// A character of the name that few places of a program hold: the scan stops at each. If the name does not hold it,
        /// its first character is used (a slower scan, the same answer).
        /// </param>
        public RareName(string name, char rare)
        {
            var offset = name.IndexOf(rare);
            if (offset < 0 && name.Length > 0)
            {
                (rare, offset) = (name[0], 0);
            }

            Name = name;
            Rare = rare;
            Offset = offset;
            // The empty name is never searched for, as in the set's scan: only the escapes are.
            Stops = name.Length == 0 ? new[] { '\\' } : new[] { '\\', rare };
        }

        public string Name { get; }

        public char Rare { get; }

        /// <summary>Where the rare character first is in the name: a text holding the name has it that far in.</summary>
        public int Offset { get; }

        /// <summary>What the single pass stops at: a backslash or the rare character.</summary>
        public char[] Stops { get; }

        /// <summary>Whether the name is written in the text with its rare character at this position.</summary>
        public bool IsAt(string text, int rareAt)
        {
            var start = rareAt - Offset;
            return Name.Length > 0 && start >= 0 && start + Name.Length <= text.Length && string.CompareOrdinal(text, start, Name, 0, Name.Length) == 0;
        }
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
