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
    public static bool MayHold(SyntaxTree tree, Names names, CancellationToken cancellationToken)
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

        // Then one pass stopping only at an anchor (each name's rarest letter), instead of a search per name.
        var stops = names.Stops;
        for (var i = Next(text, stops, 0); i >= 0; i = Next(text, stops, i + 1))
        {
            var c = text[i];
            foreach (var (name, anchor) in names.Anchored)
            {
                if (name[anchor] == c && i >= anchor && string.CompareOrdinal(text, i - anchor, name, 0, name.Length) == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A single anchor is searched for as a character, which is quicker than a set of one.
    private static int Next(string text, char[] stops, int from) =>
        from >= text.Length ? -1 : stops.Length == 1 ? text.IndexOf(stops[0], from) : text.IndexOfAny(stops, from);

    /// <summary>
    /// Names to scan for, each with the position of its anchor: the letter <see cref="MayHold"/> stops at, the one of its
    /// letters that code writes least often (a capital such as the V of Validator rather than the D of Dangerous).
    /// </summary>
    internal sealed class Names
    {
        // Roughly from the rarest to the commonest in C# identifiers; a name with none of them is anchored at its first character.
        private const string Rarity = "QZJXKVWYUBHGFONMLIERAPCSDTqzjxkvwybgfpmhcudlsnortiae";

        public Names(IEnumerable<string> names)
        {
            Set = new HashSet<string>(names, StringComparer.Ordinal);
            var anchored = new List<(string, int)>();
            var stops = new List<char>();
            foreach (var name in Set)
            {
                if (name.Length == 0)
                {
                    continue;
                }

                var anchor = 0;
                var best = int.MaxValue;
                for (var i = 0; i < name.Length; i++)
                {
                    var rank = Rarity.IndexOf(name[i]);
                    if (rank >= 0 && rank < best)
                    {
                        (anchor, best) = (i, rank);
                    }
                }

                anchored.Add((name, anchor));
                if (!stops.Contains(name[anchor]))
                {
                    stops.Add(name[anchor]);
                }
            }

            Anchored = anchored.ToArray();
            Stops = stops.ToArray();
        }

        /// <summary>The names, for <see cref="References"/>.</summary>
        public HashSet<string> Set { get; }

        internal (string Name, int Anchor)[] Anchored { get; }

        /// <summary>The anchors, each once.</summary>
        internal char[] Stops { get; }
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
