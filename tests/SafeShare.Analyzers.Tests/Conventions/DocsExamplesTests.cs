using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Conventions;

/// <summary>
/// Every rule page's examples are what they say they are. The one ```csharp block under "## Non-compliant" and
/// the one under "## Compliant" are each a whole C# file: it compiles (with SafeShare's generator run first, as
/// csc does), every SafeShare analyzer runs over it without throwing, the non-compliant file reports the page's
/// rule and the compliant file does not. The ```text block under "## Non-compliant" is what the build prints for the
/// page's rule, line for line (position, severity, ID and message with its arguments), so a page shows users the
/// warning they will see, and a change to a message or a severity changes its page.
/// </summary>
public class DocsExamplesTests
{
    /// <summary>Every docs/rules/SAFE*.md, read when the tests are discovered, so a new page is a new case.</summary>
    public static IEnumerable<object[]> Pages() =>
        Directory.GetFiles(Path.Combine(RuleCatalogueTests.RepoRoot(), "docs", "rules"), "SAFE*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name => new object[] { name! });

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Rule_page_examples_compile_and_show_the_rule(string page)
    {
        var id = page;
        var text = File.ReadAllText(Path.Combine(RuleCatalogueTests.RepoRoot(), "docs", "rules", page + ".md"));
        var failures = new StringBuilder();

        foreach (var (section, compliant) in new[] { ("Non-compliant", false), ("Compliant", true) })
        {
            var blocks = FencedBlocks(text, section, "csharp");
            if (blocks.Count != 1)
            {
                failures.AppendLine($"## {section}: expected exactly one ```csharp block, found {blocks.Count}" +
                    (SectionLines(text, section) is null ? " (the page has no such section)" : string.Empty));
                continue;
            }

            var (exceptions, diagnostics) = await AnalyseAsync(blocks[0]);
            var problems = new List<string>();
            problems.AddRange(exceptions.Select(e => "analyzer exception: " + e));
            problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => "AD0001: " + d.GetMessage()));
            var errors = diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SAFE", StringComparison.Ordinal))
                .Select(d => $"{d.Id} line {d.Location.GetLineSpan().StartLinePosition.Line + 1}")
                .ToList();
            if (errors.Count > 0)
            {
                problems.Add("compiler errors: " + string.Join(", ", errors));
            }

            var ofRule = diagnostics.Count(d => d.Id == id);
            if (!compliant && ofRule == 0)
            {
                problems.Add($"{id} is not reported");
            }

            if (compliant && ofRule > 0)
            {
                problems.Add($"{id} is reported {ofRule} time(s)");
            }

            if (!compliant)
            {
                var printed = diagnostics.Where(d => d.Id == id).Select(BuildOutput).ToList();
                var shown = FencedBlocks(text, section, "text");
                if (shown.Count != 1 || !shown[0].TrimEnd().Split('\n').Select(l => l.TrimEnd()).SequenceEqual(printed))
                {
                    problems.Add($"the ```text block (found {shown.Count}) should hold what the build prints for {id}:");
                    problems.AddRange(printed.Select(l => "  " + l));
                }
            }

            if (problems.Count > 0)
            {
                failures.AppendLine($"## {section}:");
                problems.ForEach(p => failures.AppendLine("  " + p));
                var reported = diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
                failures.AppendLine(reported.Count == 0 ? "  Reported: nothing" : "  Reported:");
                reported.ForEach(d => failures.AppendLine("    " + Describe(d)));
            }
        }

        Assert.True(failures.Length == 0, $"docs/rules/{page}.md:\n{failures}");
    }

    [Fact]
    public async Task Readme_examples_compile_and_say_what_they_claim()
    {
        var readme = File.ReadAllText(Path.Combine(RuleCatalogueTests.RepoRoot(), "README.md"));
        var blocks = Fences(readme.Replace("\r\n", "\n").Split('\n')).ToList();
        Assert.True(blocks.Count >= 2, "README.md should show the annotated type and the declared share");

        // The annotated type: clean as shown; without its Article 9 condition, SAFE001 on the special category member.
        var annotated = blocks[0];
        var (exceptions, diagnostics) = await AnalyseAsync(annotated);
        Assert.Empty(exceptions);
        Assert.True(!diagnostics.Any(d => d.Id.StartsWith("SAFE", StringComparison.Ordinal) || d.Severity == DiagnosticSeverity.Error),
            "README's annotated type:\n" + string.Join("\n", diagnostics.Select(Describe)));
        var start = annotated.IndexOf("    [Article9Condition(", StringComparison.Ordinal);
        var end = annotated.IndexOf(")]", start, StringComparison.Ordinal) + 2;
        (_, diagnostics) = await AnalyseAsync(annotated.Remove(start, end - start));
        Assert.Contains(diagnostics, d => d.Id == "SAFE001" && d.GetMessage().Contains("Assessment.Ethnicity", StringComparison.Ordinal));

        // The declared share, with a payload of the sample's shape: implemented by the generator, no error.
        var share = "using SafeShare;\n" + blocks[1] + """

            public sealed class StrategyReferral
            {
                [PersonalData(Subject = DataSubject.Child)] public string ChildName { get; init; } = "";
                [SpecialCategory(SpecialCategory.Health)] public string? RelevantHealthInformation { get; init; }
            }
            """;
        (exceptions, diagnostics) = await AnalyseAsync(share);
        Assert.Empty(exceptions);
        Assert.True(!diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("SAFE1", StringComparison.Ordinal) || d.Id.StartsWith("SAFE9", StringComparison.Ordinal)),
            "README's declared share:\n" + string.Join("\n", diagnostics.Select(Describe)));
    }

    private static IEnumerable<string> Fences(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var body = new StringBuilder();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                body.AppendLine(lines[i]);
            }

            yield return body.ToString();
        }
    }

    private static string Describe(Diagnostic d) =>
        $"{d.Id} ({d.Severity}) line {d.Location.GetLineSpan().StartLinePosition.Line + 1}" +
        (d.Location.SourceTree is { } tree && CompilerRun.IsGenerated(tree) ? " of generated code" : string.Empty) +
        $": {d.GetMessage()}";

    /// <summary>Generator, then every SafeShare analyzer, as in a build; what each reported and any exception.</summary>
    private static async Task<(IReadOnlyList<string> Exceptions, ImmutableArray<Diagnostic> Diagnostics)> AnalyseAsync(string source)
    {
        var analyzers = CompilerRun.AllAnalyzers();
        Assert.NotEmpty(analyzers);
        var (_, all, exceptions) = await CompilerRun.BuildAsync(TestCompilation.Create(source), analyzers);
        var diagnostics = all
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        return (exceptions, diagnostics);
    }

    /// <summary>What csc prints for a diagnostic in the example (the example is shown as Example.cs).</summary>
    private static string BuildOutput(Diagnostic d)
    {
        var position = d.Location.GetLineSpan().StartLinePosition;
        return $"Example.cs({position.Line + 1},{position.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>The bodies of the ```{language} fences in the section headed "## {heading}" (up to the next "## ").</summary>
    private static List<string> FencedBlocks(string page, string heading, string language)
    {
        var blocks = new List<string>();
        var lines = SectionLines(page, heading);
        if (lines is null)
        {
            return blocks;
        }

        StringBuilder? block = null;
        var inOtherFence = false;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (block is not null)
            {
                if (trimmed == "```")
                {
                    blocks.Add(block.ToString());
                    block = null;
                }
                else
                {
                    block.AppendLine(line);
                }
            }
            else if (inOtherFence)
            {
                inOtherFence = trimmed != "```";
            }
            else if (trimmed == "```" + language)
            {
                block = new StringBuilder();
            }
            else if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                inOtherFence = true;
            }
        }

        return blocks;
    }

    private static List<string>? SectionLines(string page, string heading)
    {
        var lines = page.Replace("\r\n", "\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "## " + heading);
        if (start < 0)
        {
            return null;
        }

        var section = new List<string>();
        var inFence = false;
        for (var i = start + 1; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence && lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                break;
            }

            section.Add(lines[i]);
        }

        return section;
    }
}
