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
/// (or first) rule; <c>{|ID:...|}</c> names the rule. Fails on any analyzer exception (AD0001) and on
/// compiler errors unless <paramref name="allowCompilerErrors"/> is set.
/// </summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string markup, bool allowCompilerErrors = false) =>
        VerifyAsync(new[] { markup }, allowCompilerErrors);

    public static async Task VerifyAsync(string[] markups, bool allowCompilerErrors = false)
    {
        var analyzer = new TAnalyzer();
        var defaultId = analyzer.SupportedDiagnostics[0].Id;
        var parsed = markups.Select(Markup.Parse).ToArray();
        var compilation = TestCompilation.Create(parsed.Select(p => p.Source).ToArray());

        var diagnostics = await GetDiagnosticsAsync(compilation, analyzer, allowCompilerErrors);

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

    /// <summary>Runs the analyzer and returns its diagnostics, failing on AD0001 and (unless allowed) compiler errors.</summary>
    public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Compilation compilation, DiagnosticAnalyzer analyzer, bool allowCompilerErrors = false)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (ex, a, d) => { lock (exceptions) { exceptions.Add($"{a.GetType().Name}: {ex}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options);
        var all = await withAnalyzers.GetAllDiagnosticsAsync();

        Assert.True(exceptions.Count == 0, "The analyzer threw:\n" + string.Join("\n", exceptions));
        var ad0001 = all.Where(d => d.Id == "AD0001").ToList();
        Assert.True(ad0001.Count == 0, "AD0001:\n" + string.Join("\n", ad0001));
        if (!allowCompilerErrors)
        {
            var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SAFE", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, "The test source does not compile:\n" + string.Join("\n", errors));
        }

        var supported = analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        return all.Where(d => supported.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

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
