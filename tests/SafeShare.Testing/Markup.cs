using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SafeShare.Testing;

/// <summary>An expected diagnostic parsed from markup: a span and, for <c>{|ID:...|}</c>, the rule ID.</summary>
public sealed record ExpectedSpan(TextSpan Span, string? Id);

/// <summary>
/// Parses the markup of Microsoft.CodeAnalysis.Testing: <c>[|text|]</c> marks a span where the rule
/// under test reports, <c>{|SAFE001:text|}</c> a span where a named rule reports.
/// </summary>
public static class Markup
{
    public static (string Source, IReadOnlyList<ExpectedSpan> Spans) Parse(string markup)
    {
        var output = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var open = new Stack<(int Start, string? Id)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((output.Length, null));
                i++;
            }
            else if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|' && TryReadId(markup, i + 2, out var id, out var end))
            {
                open.Push((output.Length, id));
                i = end;
            }
            else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"Markup closes a span at offset {i} that was never opened.");
                }

                var (start, spanId) = open.Pop();
                if ((markup[i + 1] == ']') != (spanId is null))
                {
                    throw new FormatException($"Markup at offset {i} closes a span with the wrong bracket.");
                }

                spans.Add(new ExpectedSpan(TextSpan.FromBounds(start, output.Length), spanId));
                i++;
            }
            else
            {
                output.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("Markup opens a span that is never closed.");
        }

        spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Id, b.Id));
        return (output.ToString(), spans);
    }

    private static bool Starts(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    // {|SAFE001:  — an ID is letters and digits followed by a colon.
    private static bool TryReadId(string text, int index, out string id, out int colon)
    {
        var j = index;
        while (j < text.Length && char.IsLetterOrDigit(text[j]))
        {
            j++;
        }

        if (j > index && j < text.Length && text[j] == ':')
        {
            id = text.Substring(index, j - index);
            colon = j;
            return true;
        }

        id = string.Empty;
        colon = -1;
        return false;
    }
}
