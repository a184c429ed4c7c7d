using System.Globalization;
using System.Text;

namespace SafeShare.Analyzers.Generation;

/// <summary>
/// Writes JSON into a builder, either as it is or already escaped as the content of a C# string literal, so that the
/// inventory's constant is written in one pass with no copy of the JSON in between. Either way the text is
/// the same as escaping the plain JSON with <see cref="LegalText.Literal"/> (Roslyn's <c>SymbolDisplay.FormatLiteral</c>).
/// </summary>
internal readonly struct JsonText
{
    private readonly StringBuilder _text;
    private readonly bool _asCSharpLiteral;

    public JsonText(StringBuilder text, bool asCSharpLiteral)
    {
        _text = text;
        _asCSharpLiteral = asCSharpLiteral;
    }

    /// <summary>Writes the C# literal's quote (only when writing a literal).</summary>
    public JsonText Quote()
    {
        if (_asCSharpLiteral)
        {
            _text.Append('"');
        }

        return this;
    }

    /// <summary>Writes JSON syntax as it is: ASCII punctuation, property names and numbers.</summary>
    public JsonText Raw(string json)
    {
        Ascii(json);
        return this;
    }

    /// <summary>Writes a property's name and colon, after a comma unless it is the object's first.</summary>
    public JsonText Key(string name, bool first = false) => Raw(first ? "\"" : ",\"").Raw(name).Raw("\":");

    /// <summary>Writes a JSON string, or null.</summary>
    public JsonText Str(string? value)
    {
        if (value is null)
        {
            return Raw("null");
        }

        Raw("\"");
        // Printable ASCII other than the quote and the backslash is the same in JSON and in a literal: written in runs.
        var run = 0;
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c is >= ' ' and < (char)0x7F and not '"' and not '\\')
            {
                i++;
                continue;
            }

            _text.Append(value, run, i - run);
            if (c >= 0x7F)
            {
                // Past ASCII: a run kept whole (a surrogate pair must not be split) and passed to Roslyn's own escaping.
                var end = i + 1;
                while (end < value.Length && value[end] >= 0x7F)
                {
                    end++;
                }

                Beyond(value.Substring(i, end - i));
                i = end;
            }
            else
            {
                Ascii(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                });
                i++;
            }

            run = i;
        }

        _text.Append(value, run, value.Length - run);
        return Raw("\"");
    }

    // ASCII JSON text (syntax, or an escape such as \n): in a literal each quote and backslash is escaped in turn, the rest
    // written in runs between them, a million characters at 5,000 files.
    private void Ascii(string json)
    {
        if (!_asCSharpLiteral)
        {
            _text.Append(json);
            return;
        }

        var run = 0;
        for (var i = json.IndexOfAny(LiteralEscapes); i >= 0; i = json.IndexOfAny(LiteralEscapes, i + 1))
        {
            _text.Append(json, run, i - run).Append('\\');
            run = i;
        }

        _text.Append(json, run, json.Length - run);
    }

    private static readonly char[] LiteralEscapes = { '"', '\\' };

    // Characters from U+007F up, which JSON leaves as they are and a literal may escape.
    private void Beyond(string run)
    {
        if (!_asCSharpLiteral)
        {
            _text.Append(run);
            return;
        }

        var literal = LegalText.Literal(run);
        _text.Append(literal, 1, literal.Length - 2);
    }
}
