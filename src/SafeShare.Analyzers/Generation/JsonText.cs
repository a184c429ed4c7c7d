using System.Globalization;
using System.Text;

namespace SafeShare.Analyzers.Generation;

/// <summary>
/// Writes JSON into a builder, either as it is or already escaped as the content of a C# string literal, so that the
/// inventory's constant is written in one pass with no copy of the JSON in between (issue 6). Either way the text is
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

    /// <summary>Writes JSON syntax as it is: ASCII punctuation, property names and numbers, with no backslash.</summary>
    public JsonText Raw(string json)
    {
        if (!_asCSharpLiteral)
        {
            _text.Append(json);
            return this;
        }

        foreach (var c in json)
        {
            if (c == '"')
            {
                _text.Append('\\');
            }

            _text.Append(c);
        }

        return this;
    }

    /// <summary>Writes a JSON string, or null.</summary>
    public JsonText Str(string? value)
    {
        if (value is null)
        {
            return Raw("null");
        }

        Raw("\"");
        var start = -1;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x7F)
            {
                // Past ASCII: a run kept whole (a surrogate pair must not be split) and passed to Roslyn's own escaping.
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                Beyond(value.Substring(start, i - start));
                start = -1;
            }

            switch (c)
            {
                case '"': Escaped("\\\""); break;
                case '\\': Escaped("\\\\"); break;
                case '\n': Escaped("\\n"); break;
                case '\r': Escaped("\\r"); break;
                case '\t': Escaped("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        Escaped("\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }

        if (start >= 0)
        {
            Beyond(value.Substring(start));
        }

        return Raw("\"");
    }

    // A JSON escape: a backslash and ASCII, each backslash doubled in a literal.
    private void Escaped(string jsonEscape)
    {
        if (!_asCSharpLiteral)
        {
            _text.Append(jsonEscape);
            return;
        }

        foreach (var c in jsonEscape)
        {
            if (c is '\\' or '"')
            {
                _text.Append('\\');
            }

            _text.Append(c);
        }
    }

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
