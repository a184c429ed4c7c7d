using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SafeShare.Testing;

namespace SafeShare.Fuzzing;

/// <summary>One way of breaking a source. Returns <see langword="null"/> when the source has nothing it applies to.</summary>
public sealed record Mutator(string Name, Func<FuzzRandom, string, Corpus, string?> Apply);

/// <summary>
/// The mutations: what half-typed code, bad merges, generated files and hostile input look like to an analyzer.
/// Text-level mutations (truncation, stray braces and quotes) break the parser; syntax-aware ones (duplicated
/// members, wrong attribute arguments, swapped targets) keep most of the tree and reach the semantic rules.
/// </summary>
public static class Mutators
{
    private static readonly string[] SafeShareAttributes =
    {
        "PersonalData", "SpecialCategory", "CriminalOffenceData", "LawfulBasis", "Article9Condition", "RetainUntil",
        "AppropriatePolicyDocument", "Share", "SafeShare.PersonalData", "global::SafeShare.LawfulBasisAttribute",
        "Microsoft.AspNetCore.Identity.PersonalData", "ProtectedPersonalData",
    };

    // Wrong types, missing values, half-typed lists, out-of-range enums, nameof of nothing.
    private static readonly string[] AttributeArguments =
    {
        "", "()", "(", "(,)", "(\"Health\")", "(42)", "(null)", "(default)", "(1.5)", "(true)", "('x')", "(typeof(int))",
        "(new[] { 1, 2 })", "((SafeShare.LawfulBasis)99)", "((SpecialCategory)(-1))", "((Article9Condition)0)",
        "(LawfulBasis.PublicTask, LawfulBasis.PublicTask)", "(LawfulBasis.)", "(LawfulBasis.PublicTask, Gateway = 17)",
        "(Gateway = null)", "(Gateway = \"\")", "(Article9Condition.SubstantialPublicInterest, Schedule1 = \"para 18\")",
        "(Article9Condition.SubstantialPublicInterest, Schedule1 = (Schedule1Condition)12345)", "(Schedule1 = )",
        "(nameof(Missing), Years = 25)", "(nameof(), Years = 1)", "(\"\", Years = -1)", "(\"DateOfBirth\", Years = int.MaxValue, Months = int.MaxValue)",
        "(Years = \"x\", Months = 1.5)", "(nameof(DateOfBirth), ReviewEveryYears = -5)", "(\"Name\")", "(\"Name\", Years = 0, Months = 0)",
        "(OfficialAuthority = \"\")", "(OfficialAuthority = null, Schedule1 = 18)", "(Subject = (DataSubject)77)",
        "(Subject = DataSubject.)", "(\"Police\", \"\")", "(\"\", \"\")", "(null, null)", "(\"Police\")", "(\"Police\", \"Purpose\", \"extra\")",
        "(Fields = new[] { \"Name\", null })", "(Fields = new string[0])", "(Fields = null)", "(\"a\" + 1)", "($\"{1}\")",
        "(\"\"\"\n raw \n\"\"\")", "(@\"verbatim\")", "(x => x)", "(throw null)", "(await x)", "(__arglist)", "(ref x)", "(out var y)",
    };

    private static readonly string[] AttributeTargets = { "assembly", "module", "type", "method", "field", "property", "param", "return", "event", "typevar", "nonsense", "" };

    // Identifiers that are valid (or nearly) but unusual: escapes, astral planes, combining marks, RTL, keywords.
    private static readonly string[] OddIdentifiers =
    {
        "\\u0041ge", "Nam\\u0065", "@class", "@Name", "ℌ𝔢𝔞𝔩𝔱𝔥", "𝒳", "Ångström", "A\u0301ge", "na\u200Dme", "_\u0640", "Ⅻ", "日付",
        "ДатаРождения", "\u05E9\u05DD", "x\u200Eyz", "_", "__", "a1", "value", "global", "nameof", "var", "record", "partial", "@", "\\u", "\\U0001D4B3x",
    };

    private static readonly string[] Strays = { "{", "}", "(", ")", "[", "]", "\"", "'", "\"\"\"", "$\"", "@\"", "/*", "*/", "<", ">", ";", ",", "=>", "#", "\\", "`", "?", "!", ":", "::", "$$\"\"\"{{" };

    private static readonly string[] Directives =
    {
        "#if DEBUG", "#if false", "#if !NOPE", "#elif X", "#else", "#endif", "#region r", "#endregion", "#nullable disable", "#nullable enable",
        "#pragma warning disable SAFE001", "#line 1 \"other.cs\"", "#line hidden", "#line default", "#error broken", "#define X", "#undef X",
        "#pragma checksum \"a.cs\" \"{406EA660-64CF-4C82-B6F0-42D48172A799}\" \"ab\"", "#!", "#r \"x.dll\"", "#load \"y.csx\"",
    };

    private static readonly string[] TopLevelStatements =
    {
        "System.Console.WriteLine(\"top\");", "var child = new Child(\"n\", null, default);", "return;", "await System.Threading.Tasks.Task.Yield();",
        "int Local([PersonalData] string s) => 0;", "[PersonalData] int local = 1;", "args[0].ToString();", "using var c = new System.Net.Mail.SmtpClient(\"mail\");",
        "new System.Uri(\"http://example.org/ftp\");", "goto end; end: ;",
    };

    private static readonly string[] TypeReplacements =
    {
        "void", "int", "string", "dynamic", "object", "T", "DecisionRecord", "DecisionRecord?", "SafeShare.DecisionRecord", "IDecisionLog", "ref int",
        "System.Threading.Tasks.Task<DecisionRecord>", "Missing", "int[]", "(int, string)", "delegate*<void>", "Child", "var", "Span<int>",
    };

    private static readonly string[] Modifiers = { "partial", "static", "abstract", "sealed", "public", "private", "file", "readonly", "ref", "unsafe", "extern", "new", "override", "async", "required" };

    private static readonly string[] TypeKeywords = { "class", "struct", "interface", "record", "record struct", "enum", "partial class", "static class", "delegate", "namespace" };

    public static IReadOnlyList<Mutator> All { get; } = new Mutator[]
    {
        new("truncate", Truncate),
        new("delete-tokens", DeleteTokens),
        new("delete-lines", DeleteLines),
        new("duplicate-member", DuplicateMember),
        new("attribute-arguments", ReplaceAttributeArguments),
        new("add-attribute", AddAttribute),
        new("swap-attribute-target", SwapAttributeTarget),
        new("stray-bracket-or-quote", InsertStray),
        new("huge-literal", HugeLiteral),
        new("deep-nesting", DeepNesting),
        new("odd-identifier", OddIdentifier),
        new("preprocessor", Preprocessor),
        new("top-level-statements", TopLevel),
        new("swap-type", SwapType),
        new("toggle-modifier", ToggleModifier),
        new("swap-type-keyword", SwapTypeKeyword),
        new("splice", Splice),
        new("swap-literal", SwapLiteral),
    };

    /// <summary>Applies one to three mutations to a seed chosen by <paramref name="random"/>.</summary>
    public static (Seed Seed, string Text, IReadOnlyList<string> Applied) Mutate(FuzzRandom random, Corpus corpus)
    {
        var seed = random.Pick(corpus.Sources);
        var text = seed.Text;
        var applied = new List<string>();
        var count = random.Next(1, 4);
        for (var attempt = 0; applied.Count < count && attempt < count * 4; attempt++)
        {
            var mutator = random.Pick(All);
            var mutated = mutator.Apply(random, text, corpus);
            if (mutated is not null && mutated != text)
            {
                text = mutated;
                applied.Add(mutator.Name);
            }
        }

        return (seed, text, applied);
    }

    /// <summary>Text-level mutations for an appsettings.json additional file.</summary>
    public static string MutateJson(FuzzRandom random, string json) => random.Next(6) switch
    {
        0 => Truncate(random, json, null!)!,
        1 => DeleteLines(random, json, null!) ?? json,
        2 => InsertStray(random, json, null!)!,
        3 => json.Insert(random.Next(json.Length + 1), "\"Encrypt=False;Server=" + new string('x', random.Next(1, 5000)) + "\""),
        4 => json.Replace("\\", "\\\\\\", StringComparison.Ordinal).Replace("\"", random.Chance(50) ? "\\\"" : "\"\"", StringComparison.Ordinal),
        _ => json + new string('{', random.Next(1, 300)),
    };

    private static SyntaxNode Parse(string text) => CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions).GetRoot();

    private static string Replace(string text, TextSpan span, string replacement) =>
        text.Substring(0, span.Start) + replacement + text.Substring(span.End);

    private static T? PickNode<T>(FuzzRandom random, SyntaxNode root)
        where T : SyntaxNode
    {
        var nodes = root.DescendantNodes().OfType<T>().ToList();
        return nodes.Count == 0 ? null : nodes[random.Next(nodes.Count)];
    }

    private static string? Truncate(FuzzRandom random, string text, Corpus corpus) =>
        text.Length == 0 ? null : text.Substring(0, random.Next(text.Length));

    private static string? DeleteTokens(FuzzRandom random, string text, Corpus corpus)
    {
        var tokens = Parse(text).DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        var first = random.Next(tokens.Count);
        var last = Math.Min(tokens.Count - 1, first + (random.Chance(70) ? 0 : random.Next(1, 6)));
        return Replace(text, TextSpan.FromBounds(tokens[first].SpanStart, tokens[last].Span.End), string.Empty);
    }

    private static string? DeleteLines(FuzzRandom random, string text, Corpus corpus)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count < 2)
        {
            return null;
        }

        var first = random.Next(lines.Count);
        lines.RemoveRange(first, Math.Min(lines.Count - first, random.Chance(60) ? 1 : random.Next(2, 8)));
        return string.Join("\n", lines);
    }

    private static string? DuplicateMember(FuzzRandom random, string text, Corpus corpus)
    {
        // Annotated members most of the time: two [Share] methods or two [RetainUntil] partial types with one
        // name are what the generator has to survive (overloads, a bad merge, a half-done rename).
        var root = Parse(text);
        var annotated = root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m.AttributeLists.Count > 0 && m is not BaseNamespaceDeclarationSyntax).ToList();
        var member = random.Chance(60) && annotated.Count > 0 ? annotated[random.Next(annotated.Count)] : PickNode<MemberDeclarationSyntax>(random, root);
        if (member is null)
        {
            return null;
        }

        var copies = random.Chance(80) ? 1 : random.Next(2, 5);
        var copy = member.ToFullString();
        return text.Insert(member.FullSpan.End, string.Concat(Enumerable.Repeat("\n" + copy, copies)));
    }

    private static string? ReplaceAttributeArguments(FuzzRandom random, string text, Corpus corpus)
    {
        var attribute = PickNode<AttributeSyntax>(random, Parse(text));
        if (attribute is null)
        {
            return null;
        }

        var arguments = random.Pick(AttributeArguments);
        return attribute.ArgumentList is { } list
            ? Replace(text, list.Span, arguments)
            : text.Insert(attribute.Span.End, arguments);
    }

    private static string? AddAttribute(FuzzRandom random, string text, Corpus corpus)
    {
        var root = Parse(text);
        var targets = root.DescendantNodes().Where(n => n is MemberDeclarationSyntax or ParameterSyntax or TypeParameterSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax).ToList();
        var attribute = $"[{random.Pick(SafeShareAttributes)}{random.Pick(AttributeArguments)}]";
        if (random.Chance(15) || targets.Count == 0)
        {
            attribute = $"[assembly: {random.Pick(SafeShareAttributes)}{random.Pick(AttributeArguments)}]\n";
            var usingsEnd = root is CompilationUnitSyntax { Usings.Count: > 0 } unit ? unit.Usings.Last().FullSpan.End : 0;
            return text.Insert(usingsEnd, attribute);
        }

        var target = targets[random.Next(targets.Count)];
        return text.Insert(target.SpanStart, attribute + " ");
    }

    private static string? SwapAttributeTarget(FuzzRandom random, string text, Corpus corpus)
    {
        var list = PickNode<AttributeListSyntax>(random, Parse(text));
        if (list is null)
        {
            return null;
        }

        var target = random.Pick(AttributeTargets);
        var replacement = target.Length == 0 ? string.Empty : target + ": ";
        return list.Target is { } existing
            ? Replace(text, existing.Span, replacement)
            : text.Insert(list.OpenBracketToken.Span.End, replacement);
    }

    private static string? InsertStray(FuzzRandom random, string text, Corpus corpus)
    {
        var stray = random.Pick(Strays);
        // Repeated raw or interpolated string openers ($$"""{{ x28) keep the compiler itself busy for minutes
        // (mutant 2508 of run seed 20250607): a Roslyn cost, not SafeShare's, so only plain strays are repeated.
        if (random.Chance(20) && !stray.Contains('"', StringComparison.Ordinal))
        {
            stray = string.Concat(Enumerable.Repeat(stray, random.Next(2, 40)));
        }

        return text.Insert(random.Next(text.Length + 1), stray);
    }

    private static string? HugeLiteral(FuzzRandom random, string text, Corpus corpus)
    {
        var literals = Parse(text).DescendantNodes().OfType<LiteralExpressionSyntax>().ToList();
        // Mostly tens of kilobytes; the megabyte case is PathologicalInputTests' (and would spend the run in the compiler).
        var length = random.Chance(97) ? random.Next(1_000, 20_000) : random.Next(50_000, 200_000);
        var huge = random.Next(7) switch
        {
            0 => "\"" + new string('a', length) + "\"",
            1 => "\"http://" + new string('h', length) + ".example/\"",
            2 => "@\"" + string.Concat(Enumerable.Repeat("Encrypt=False;\n", length / 15)) + "\"",
            3 => "\"\"\"\n" + new string('r', length) + "\n\"\"\"",
            4 => new string('9', random.Next(20, 400)),
            5 => "\"" + string.Concat(Enumerable.Repeat("\\u0041", length / 6)) + "\"",
            // Thousands of holes cost the compiler seconds (interpolation binding), not SafeShare.
            _ => "$\"http://" + string.Concat(Enumerable.Repeat("{1}", Math.Min(200, length / 3))) + "\"",
        };
        return literals.Count == 0
            ? text.Insert(random.Next(text.Length + 1), huge)
            : Replace(text, literals[random.Next(literals.Count)].Span, huge);
    }

    private static string? DeepNesting(FuzzRandom random, string text, Corpus corpus)
    {
        var root = Parse(text);
        var depth = random.Chance(80) ? random.Next(5, 60) : random.Next(100, 600);
        switch (random.Next(4))
        {
            case 0 when PickNode<TypeDeclarationSyntax>(random, root) is { } type:
                // The type, nested inside partial classes that carry annotations too.
                var open = string.Concat(Enumerable.Range(0, depth).Select(i => $"[PersonalData] public partial class N{i} {{\n"));
                return Replace(text, type.FullSpan, open + type.ToFullString() + new string('}', depth) + "\n");
            case 1 when PickNode<BlockSyntax>(random, root) is { } block:
                return text.Insert(block.OpenBraceToken.Span.End, new string('{', depth) + "var s = \"http://x\";" + new string('}', depth));
            case 2 when PickNode<ExpressionSyntax>(random, root) is { } expression:
                return Replace(text, expression.Span, new string('(', depth) + expression + new string(')', depth));
            default:
                var lambdas = string.Concat(Enumerable.Range(0, depth).Select(i => $"(string p{i} = \"ftp://x\") => "));
                return text + $"\nclass DeepLambdas {{ object o = {lambdas} 0; }}\n";
        }
    }

    private static string? OddIdentifier(FuzzRandom random, string text, Corpus corpus)
    {
        var identifiers = Parse(text).DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
        if (identifiers.Count == 0)
        {
            return null;
        }

        var token = identifiers[random.Next(identifiers.Count)];
        var odd = random.Pick(OddIdentifiers);
        // Renaming every occurrence keeps references bound, so the semantic rules see the odd name.
        return random.Chance(60)
            ? System.Text.RegularExpressions.Regex.Replace(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(token.ValueText)}\b", odd.Replace("$", "$$", StringComparison.Ordinal))
            : Replace(text, token.Span, odd);
    }

    private static string? Preprocessor(FuzzRandom random, string text, Corpus corpus)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count + 1);
        if (random.Chance(50))
        {
            var end = Math.Min(lines.Count, at + random.Next(1, 10));
            lines.Insert(end, random.Chance(80) ? "#endif" : "#else");
            lines.Insert(at, random.Pick(new[] { "#if DEBUG", "#if false", "#if X || !Y", "#if true" }));
        }
        else
        {
            lines.Insert(at, random.Pick(Directives));
        }

        return string.Join("\n", lines);
    }

    private static string? TopLevel(FuzzRandom random, string text, Corpus corpus)
    {
        var root = Parse(text) as CompilationUnitSyntax;
        var statements = string.Join("\n", Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Pick(TopLevelStatements))) + "\n";
        if (random.Chance(30) && root is not null && PickNode<MethodDeclarationSyntax>(random, root) is { Body: { } body })
        {
            // A method's body lifted out to the top of the file.
            statements = body.Statements.ToFullString() + "\n" + statements;
        }

        var at = root is { Usings.Count: > 0 } ? root.Usings.Last().FullSpan.End : 0;
        return random.Chance(70) ? text.Insert(at, statements) : text + "\n" + statements;
    }

    private static string? SwapType(FuzzRandom random, string text, Corpus corpus)
    {
        var types = Parse(text).DescendantNodes().OfType<TypeSyntax>()
            .Where(t => t.Parent is ParameterSyntax or MethodDeclarationSyntax or PropertyDeclarationSyntax or VariableDeclarationSyntax or BaseTypeSyntax or TypeArgumentListSyntax)
            .ToList();
        return types.Count == 0 ? null : Replace(text, types[random.Next(types.Count)].Span, random.Pick(TypeReplacements));
    }

    private static string? ToggleModifier(FuzzRandom random, string text, Corpus corpus)
    {
        var member = PickNode<MemberDeclarationSyntax>(random, Parse(text));
        if (member is null || member is NamespaceDeclarationSyntax or FileScopedNamespaceDeclarationSyntax)
        {
            return null;
        }

        if (member.Modifiers.Count > 0 && random.Chance(50))
        {
            return Replace(text, member.Modifiers[random.Next(member.Modifiers.Count)].Span, string.Empty);
        }

        var at = member.Modifiers.Count > 0 ? member.Modifiers.First().SpanStart : member.AttributeLists.Count > 0 ? member.AttributeLists.Last().Span.End : member.SpanStart;
        return text.Insert(at, " " + random.Pick(Modifiers) + " ");
    }

    private static string? SwapTypeKeyword(FuzzRandom random, string text, Corpus corpus)
    {
        var type = PickNode<BaseTypeDeclarationSyntax>(random, Parse(text));
        if (type is null)
        {
            return null;
        }

        var keyword = type switch
        {
            RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.None) ? r.Keyword.Span : TextSpan.FromBounds(r.Keyword.SpanStart, r.ClassOrStructKeyword.Span.End),
            TypeDeclarationSyntax t => t.Keyword.Span,
            EnumDeclarationSyntax e => e.EnumKeyword.Span,
            _ => default,
        };
        return keyword.IsEmpty ? null : Replace(text, keyword, random.Pick(TypeKeywords));
    }

    // A piece of another seed dropped into this one: two half-files, as after a bad merge.
    private static string? Splice(FuzzRandom random, string text, Corpus corpus)
    {
        var other = random.Pick(corpus.Sources).Text;
        var start = random.Next(other.Length);
        var piece = other.Substring(start, Math.Min(other.Length - start, random.Next(1, 600)));
        return text.Insert(random.Next(text.Length + 1), piece);
    }

    private static string? SwapLiteral(FuzzRandom random, string text, Corpus corpus)
    {
        var literals = Parse(text).DescendantNodes().Where(n => n is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax).ToList();
        if (literals.Count == 0)
        {
            return null;
        }

        var replacement = random.Pick(new[]
        {
            "\"\"", "null", "default", "\"http://\"", "\"ftp://a\"", "\"http://[::1\"", "\"http://%zz\"", "\"Encrypt=\"", "\"Encrypt=False;;;==\"",
            "\"Server=x;TrustServerCertificate\"", "\"SslMode=\"", "\"\\u0000\"", "\"http://\\u0130.example\"", "\"HTTP://EXAMPLE\"", "\"telnet:\"",
            "$\"http://{x}\"", "$\"{\"http\"}://a\"", "\"http\" + \"://\" + 1", "0", "-1", "int.MinValue", "1e400", "'\\uD800'", "(System.Security.Authentication.SslProtocols)(-1)",
            "(System.Net.SecurityProtocolType)48", "System.Net.SecurityProtocolType.Ssl3 | System.Net.SecurityProtocolType.Tls", "u8\"http://x\"", "\"http://x\"u8",
        });
        return Replace(text, literals[random.Next(literals.Count)].Span, replacement);
    }
}
