using System;
using System.Collections.Generic;
using System.Text;

namespace SafeShare.Fuzzing;

/// <summary>
/// Inputs at the size a generated or legacy file reaches: a type with thousands of annotated members, deep
/// nesting, a megabyte literal, a method tens of thousands of lines long. Each is built to trigger every rule
/// family (personal data, special category, retention, shares, clear-text transport) at every repetition, so
/// the size lands on the analyzers, the generator and the fixes rather than on the compiler alone.
/// </summary>
public static class PathologicalSources
{
    public sealed record Shape(string Name, string Unit, Func<int, string> Build, int Full);

    public static IReadOnlyList<Shape> All { get; } = new Shape[]
    {
        new("type with many members", "members", ManyMembers, 10_000),
        new("deep nesting", "levels", DeepNesting, 50),
        new("huge string literal", "bytes", HugeLiteral, 1 << 20),
        new("long method", "lines", LongMethod, 20_000),
    };

    private const string Usings = "using System;\nusing System.Net;\nusing System.Net.Mail;\nusing SafeShare;\n";

    /// <summary>One partial type with <paramref name="members"/> members: personal data, special category, fields, methods with clear-text URLs.</summary>
    public static string ManyMembers(int members)
    {
        var text = new StringBuilder(Usings);
        text.Append("namespace Big;\n[RetainUntil(nameof(M0), Years = 7)]\npublic sealed partial class Register\n{\n    public DateTime M0 { get; init; }\n");
        for (var i = 1; i < members; i++)
        {
            text.Append((i % 5) switch
            {
                0 => $"    [PersonalData(Subject = DataSubject.Child)] public string? M{i} {{ get; set; }}\n",
                1 => $"    [SpecialCategory(SpecialCategory.Health)] public string? M{i};\n",
                2 => $"    [CriminalOffenceData] public string? M{i} {{ get; init; }}\n",
                3 => $"    public Uri M{i}() => new Uri(\"http://host{i}.gov.uk/case\");\n",
                _ => $"    public void M{i}([PersonalData] string name) {{ var c = new SmtpClient(\"smtp{i}\") {{ EnableSsl = false }}; }}\n",
            });
        }

        return text.Append("}\n").ToString();
    }

    /// <summary><paramref name="depth"/> nested partial annotated types, in as many nested blocks and lambdas.</summary>
    public static string DeepNesting(int depth)
    {
        var text = new StringBuilder(Usings);
        text.Append("namespace Deep;\n");
        for (var i = 0; i < depth; i++)
        {
            text.Append($"[LawfulBasis(LawfulBasis.PublicTask)] [RetainUntil(nameof(D{i}), Years = {i + 1})]\npublic partial class N{i}\n{{\n");
            text.Append($"    public DateOnly D{i} {{ get; init; }}\n    [PersonalData] public string? Name{i} {{ get; set; }}\n    [SpecialCategory(SpecialCategory.Health)] public string? Health{i};\n");
        }

        text.Append("    public object Body()\n    {\n");
        for (var i = 0; i < depth; i++)
        {
            text.Append($"        {{ var u{i} = \"http://deep{i}.example.gov.uk\"; Func<string, object> f{i} = (string p{i} = \"ftp://x\") => \n");
        }

        text.Append("        new Uri(\"http://innermost.gov.uk\")");
        for (var i = 0; i < depth; i++)
        {
            text.Append("; }\n");
        }

        text.Append("        return new object();\n    }\n");
        text.Append(new string('}', depth)).Append('\n');
        return text.ToString();
    }

    /// <summary>A string literal of <paramref name="bytes"/> characters: a clear-text URL, and a connection string turning encryption off.</summary>
    public static string HugeLiteral(int bytes)
    {
        var padding = new string('a', Math.Max(0, bytes - 64));
        return Usings + $$"""
            namespace Huge;
            public static class Endpoints
            {
                public const string Url = "http://{{padding}}.gov.uk/case";
                public static readonly string Connection = "Server=db;Encrypt=False;Application Name={{padding}}";
                [PersonalData] public static string? Name;
                public static Uri Address() => new Uri("http://x.gov.uk/" + Url);
            }
            """;
    }

    /// <summary>A method of <paramref name="lines"/> statements touching every transport rule.</summary>
    public static string LongMethod(int lines)
    {
        var text = new StringBuilder(Usings);
        text.Append("namespace Long;\npublic static class Export\n{\n    public static void Run([PersonalData] string child)\n    {\n");
        for (var i = 0; i < lines; i++)
        {
            text.Append((i % 4) switch
            {
                0 => $"        var u{i} = new Uri(\"http://host{i}.gov.uk/\" + child);\n",
                1 => $"        var m{i} = new SmtpClient(\"smtp{i}\") {{ EnableSsl = false }};\n",
                2 => $"        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;\n",
                _ => $"        var s{i} = \"Server=db{i};Encrypt=False\";\n",
            });
        }

        return text.Append("    }\n}\n").ToString();
    }
}
