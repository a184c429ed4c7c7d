using System.Text;

namespace SafeShare.Analyzers.Generation;

/// <summary>Writes generated C# with consistent indentation: one place decides how code is laid out.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>
    /// Starts a line (indented as <see cref="Line"/> indents) whose rest is written straight into the returned text, so
    /// that a large value (the inventory's JSON) is never held as a string of its own; <see cref="EndLine"/> ends it.
    /// </summary>
    public StringBuilder BeginLine(string start)
    {
        _text.Append(' ', _indent * 4).Append(start);
        return _text;
    }

    /// <summary>Ends a line started with <see cref="BeginLine"/>.</summary>
    public SourceWriter EndLine(string end = "")
    {
        _text.Append(end).Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes an XML doc element, one line per line of text.</summary>
    public SourceWriter Doc(string element, params string[] lines)
    {
        Line($"/// <{element}>");
        foreach (var line in lines)
        {
            Line("/// " + line);
        }

        return Line($"/// </{element.Split(' ')[0]}>");
    }

    public override string ToString() => _text.ToString();
}
