using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace SafeShare.Testing;

/// <summary>
/// Like <see cref="AnalyzerVerifier{TAnalyzer}"/>, with AdditionalFiles (appsettings.json and the like) given
/// to the compiler. Markup in the additional files marks where the analyzer reports in them, the way
/// Microsoft.CodeAnalysis.Testing's <c>TestState.AdditionalFiles</c> does.
/// </summary>
public static class AdditionalFileVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static async Task VerifyAsync(string sourceMarkup, params (string Path, string Markup)[] additionalFiles)
    {
        var analyzer = new TAnalyzer();
        var defaultId = analyzer.SupportedDiagnostics[0].Id;
        var source = Markup.Parse(sourceMarkup);
        var files = additionalFiles.Select(f => (f.Path, Parsed: Markup.Parse(f.Markup))).ToArray();
        var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Parsed.Source)).ToImmutableArray();
        var (_, all, exceptions) = await CompilerRun.BuildAsync(TestCompilation.Create(source.Source), ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), texts);
        Assert.True(exceptions.Count == 0, "The analyzer threw:\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        AnalyzerVerifier<TAnalyzer>.CheckCompilerErrors(all, Array.Empty<string>());

        var supported = analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        var expected = source.Spans.Select(s => (Path: "/0/Test0.cs", s.Span, Id: s.Id ?? defaultId))
            .Concat(files.SelectMany(f => f.Parsed.Spans.Select(s => (f.Path, s.Span, Id: s.Id ?? defaultId))))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Span.Start).ToList();
        var actual = all.Where(d => supported.Contains(d.Id))
            .Select(d => (Path: d.Location.GetLineSpan().Path, Span: d.Location.SourceSpan, d.Id))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Span.Start).ToList();

        if (!expected.SequenceEqual(actual))
        {
            var text = new StringBuilder("Expected:\n");
            expected.ForEach(e => text.AppendLine($"  {e.Id} {e.Path} {e.Span}"));
            text.AppendLine("Actual:");
            foreach (var d in all.Where(d => supported.Contains(d.Id)))
            {
                text.AppendLine($"  {d.Id} {d.Location.GetLineSpan()} {d.Location.SourceSpan}: {d.GetMessage()}");
            }

            Assert.Fail(text.ToString());
        }
    }
}
