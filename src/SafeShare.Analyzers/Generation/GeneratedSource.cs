using System;
using System.Collections.Generic;
using System.Linq;

namespace SafeShare.Analyzers.Generation;

/// <summary>
/// A generated file before it is named: what it implements (exact, case-sensitive), the readable name it
/// would like, and its text. Emitting stays per declaration and cached; only the naming looks at every file.
/// </summary>
/// <param name="Identity">The declaration the file implements: namespace, enclosing types, and for a share the method and its parameter types.</param>
/// <param name="PreferredName">The hint name without ".g.cs", e.g. "CaseManagement.Sharing.PoliceReferrals.ReferToPolice.Share".</param>
/// <param name="Text">The emitted source.</param>
internal sealed record GeneratedSource(string Identity, string PreferredName, string Text)
{
    /// <summary>
    /// Gives every file a hint name no other file has. The compiler throws (and the IDE drops the generator)
    /// on a second file with a name already used, compared ignoring case; readable names collide for
    /// overloaded [Share] methods, for types whose names differ only in case or in characters the name cannot
    /// hold, and for a nested type against a namespace of the same dotted name. Where names collide the file
    /// with the ordinally first identity keeps the plain name, the others get ".2", ".3". The same declaration
    /// found twice (a method declared twice, [RetainUntil] on two parts of one type) is emitted once.
    /// </summary>
    public static IEnumerable<(string HintName, string Text)> Name(IEnumerable<GeneratedSource> sources)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var declaration in sources.GroupBy(s => s.Identity, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var source = declaration.OrderBy(s => s.Text, StringComparer.Ordinal).First();
            var name = source.PreferredName;
            for (var n = 2; !taken.Add(name + ".g.cs"); n++)
            {
                name = $"{source.PreferredName}.{n}";
            }

            yield return (name + ".g.cs", source.Text);
        }
    }
}
