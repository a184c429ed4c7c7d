using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SafeShare.Testing;

/// <summary>
/// Runs one analyzer over markup sources and compares what it reports with the marked spans — like
/// <c>CSharpAnalyzerVerifier&lt;T&gt;.VerifyAnalyzerAsync</c>. <c>[|...|]</c> expects the analyzer's only
/// (or first) rule; <c>{|ID:...|}</c> names the rule. As in a build, SafeShare's generator runs first and the
/// analyzer sees its output. Fails on any analyzer exception (AD0001), on a compiler error the test does not name,
/// on a named error that does not occur, and on a diagnostic whose severity is not its rule's default (the tests run
/// with no configuration) or whose message has an argument missing or empty. Each rule page's example pins the whole
/// message text (see DocsExamplesTests).
/// </summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string markup, params string[] compilerErrors) =>
        VerifyAsync(new[] { markup }, compilerErrors);

    public static Task VerifyAsync(string[] markups, params string[] compilerErrors) =>
        VerifyAsync(markups, TestCompilation.References, null, compilerErrors);

    /// <summary>
    /// The markups compiled with <paramref name="references"/> (the framework and SafeShare, and the libraries the rule
    /// reads), and the analyzer given <paramref name="configOptions"/> as a build gives it .editorconfig settings.
    /// </summary>
    public static async Task VerifyAsync(
        string[] markups, ImmutableArray<MetadataReference> references, AnalyzerConfigOptionsProvider? configOptions, params string[] compilerErrors)
    {
        var analyzer = new TAnalyzer();
        var defaultId = analyzer.SupportedDiagnostics[0].Id;
        var parsed = markups.Select(Markup.Parse).ToArray();
        var compilation = TestCompilation.Create(parsed.Select(p => p.Source).ToArray(), references);

        var diagnostics = await GetDiagnosticsAsync(compilation, analyzer, configOptions, compilerErrors);

        var expected = parsed
            .SelectMany((p, file) => p.Spans.Select(s => (File: file, s.Span, Id: s.Id ?? defaultId)))
            .OrderBy(e => e.File).ThenBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var actual = diagnostics
            .Select(d => (File: compilation.SyntaxTrees.ToList().IndexOf(d.Location.SourceTree!), d.Location.SourceSpan, d.Id))
            .OrderBy(e => e.File).ThenBy(e => e.SourceSpan.Start).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();

        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail(Describe(parsed.Select(p => p.Source).ToArray(), expected, diagnostics));
        }
    }

    /// <summary>
    /// Runs SafeShare's generator, then the analyzer over the generated compilation, as csc does, and returns what the
    /// analyzer's rules report (the generator's diagnostics among them when the analyzer supports their ids). Fails on
    /// AD0001, on a compiler error whose id is not in <paramref name="compilerErrors"/>, on a named error that does not
    /// occur, and on any compiler error inside generated code.
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Compilation compilation, DiagnosticAnalyzer analyzer, params string[] compilerErrors) =>
        GetDiagnosticsAsync(compilation, analyzer, null, compilerErrors);

    /// <inheritdoc cref="GetDiagnosticsAsync(Compilation, DiagnosticAnalyzer, string[])"/>
    public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(
        Compilation compilation, DiagnosticAnalyzer analyzer, AnalyzerConfigOptionsProvider? configOptions, params string[] compilerErrors)
    {
        var (_, all, exceptions) = await CompilerRun.BuildAsync(compilation, ImmutableArray.Create(analyzer), configOptions: configOptions);

        Assert.True(exceptions.Count == 0, "The analyzer threw:\n" + string.Join("\n", exceptions));
        var ad0001 = all.Where(d => d.Id == "AD0001").ToList();
        Assert.True(ad0001.Count == 0, "AD0001:\n" + string.Join("\n", ad0001));
        CheckCompilerErrors(all, compilerErrors);

        var supported = analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        var reported = all.Where(d => supported.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        CheckMessages(reported, analyzer.SupportedDiagnostics);
        return reported;
    }

    /// <summary>
    /// Each diagnostic has its rule's default severity and a complete message: as many arguments as its format has
    /// placeholders, none of them null or blank (a message reading "'' is personal data" tells the user nothing).
    /// </summary>
    public static void CheckMessages(IEnumerable<Diagnostic> diagnostics, ImmutableArray<DiagnosticDescriptor> rules)
    {
        var problems = new List<string>();
        foreach (var d in diagnostics)
        {
            var rule = rules.First(r => r.Id == d.Id);
            if (d.Severity != rule.DefaultSeverity)
            {
                problems.Add($"{d.Id} reported as {d.Severity}, but its default severity is {rule.DefaultSeverity}: {d.GetMessage()}");
            }

            var format = rule.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var placeholders = System.Text.RegularExpressions.Regex.Matches(format, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
            var arguments = Arguments(d);
            if (arguments.Count != placeholders)
            {
                problems.Add($"{d.Id} has {arguments.Count} message argument(s) for {placeholders} placeholder(s): {d.GetMessage()}");
            }
            else if (arguments.Any(a => string.IsNullOrWhiteSpace(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture))))
            {
                problems.Add($"{d.Id} has a null or blank message argument: {d.GetMessage()}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Every compiler error is one the test names, none is in generated code, and every named one occurs.</summary>
    public static void CheckCompilerErrors(IEnumerable<Diagnostic> all, IReadOnlyCollection<string> compilerErrors)
    {
        var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SAFE", StringComparison.Ordinal)).ToList();
        var inGenerated = errors.Where(d => d.Location.SourceTree is { } tree && CompilerRun.IsGenerated(tree)).ToList();
        Assert.True(inGenerated.Count == 0, "The generated code does not compile:\n" + string.Join("\n", inGenerated));
        var unexpected = errors.Where(d => !compilerErrors.Contains(d.Id)).ToList();
        Assert.True(unexpected.Count == 0, "The test source does not compile:\n" + string.Join("\n", unexpected));
        var missing = compilerErrors.Where(id => !errors.Any(d => d.Id == id)).ToList();
        Assert.True(missing.Count == 0, "Compiler errors named by the test did not occur: " + string.Join(", ", missing));
    }

    // Roslyn keeps a diagnostic's message arguments internal; the testing library reads them the same way.
    private static IReadOnlyList<object?> Arguments(Diagnostic diagnostic) =>
        typeof(Diagnostic).GetProperty("Arguments", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)?.GetValue(diagnostic) as IReadOnlyList<object?>
        ?? throw new InvalidOperationException("This Roslyn does not expose Diagnostic.Arguments; the message check needs updating.");

    private static string Describe(string[] sources, IEnumerable<(int File, Microsoft.CodeAnalysis.Text.TextSpan Span, string Id)> expected, ImmutableArray<Diagnostic> actual)
    {
        var text = new StringBuilder();
        text.AppendLine("Expected:");
        foreach (var e in expected)
        {
            text.AppendLine($"  {e.Id} file {e.File} '{sources[e.File].Substring(e.Span.Start, e.Span.Length)}' {e.Span}");
        }

        text.AppendLine("Actual:");
        foreach (var d in actual)
        {
            var source = d.Location.SourceTree!.ToString();
            text.AppendLine($"  {d.Id} '{source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}' {d.Location.SourceSpan}: {d.GetMessage()}");
        }

        return text.ToString();
    }
}
