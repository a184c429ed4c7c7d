using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SafeShare.Bench.Corpus;
using SafeShare.Bench.Hosting;

namespace SafeShare.Bench.Measurement;

/// <summary>One first run of the generator and its re-run after an unrelated one-line edit.</summary>
public sealed record GeneratorRun(
    double FirstRunMs,
    double FirstRunWallMs,
    double RerunMs,
    double RerunWallMs,
    int GeneratedFiles,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> RerunStepReasons,
    IReadOnlyDictionary<string, int> RerunOutputReasons,
    IReadOnlyDictionary<string, double> FirstRunStepMs)
{
    /// <summary>SafeShare's own (named) steps and the outputs did no work: Roslyn's internal per-tree steps of the edited file are expected to.</summary>
    public bool NamedStepsCachedOrUnchanged =>
        RerunStepReasons.Where(s => s.Key.StartsWith("SafeShare.", StringComparison.Ordinal)).All(s => s.Value.Keys.All(k => k is "Cached" or "Unchanged")) &&
        RerunOutputReasons.Keys.All(k => k is "Cached" or "Unchanged");
}

/// <summary>
/// Runs the SafeShare generator the way an IDE or an incremental build does: once on the codebase, then
/// again after one line of an ordinary business file changed, with step tracking on, so that every
/// step's run reasons (New, Cached, Unchanged, Modified, Removed) can be read.
/// </summary>
public static class GeneratorRunner
{
    public static GeneratorRun Run(Codebase codebase, AnalyzerSet safeShare)
    {
        CompileRunner.Settle();
        var trees = CompileRunner.Parse(codebase);
        var compilation = CompileRunner.Create(trees, safeShare);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            safeShare.Generators,
            parseOptions: CompileRunner.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        var watch = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        var firstWall = watch.Elapsed.TotalMilliseconds;
        var first = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;
        var generated = driver.GetRunResult().GeneratedTrees.Length;
        var firstSteps = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, runs) in driver.GetRunResult().Results.Single().TrackedSteps)
        {
            firstSteps[name] = runs.Sum(r => r.ElapsedTime.TotalMilliseconds);
        }

        // The one-line edit, applied as an editor does: a text change on the old tree (incremental reparse).
        var tree = trees[codebase.EditFileIndex];
        var text = tree.GetText();
        var at = text.ToString().IndexOf(codebase.EditFrom, StringComparison.Ordinal);
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, codebase.EditFrom.Length), codebase.EditTo)));
        var editedCompilation = compilation.ReplaceSyntaxTree(tree, edited);

        watch.Restart();
        driver = driver.RunGenerators(editedCompilation);
        var rerunWall = watch.Elapsed.TotalMilliseconds;
        var rerun = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;

        var result = driver.GetRunResult().Results.Single();
        var steps = new SortedDictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (name, runs) in result.TrackedSteps)
        {
            steps[name] = Reasons(runs);
        }

        var outputs = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, runs) in result.TrackedOutputSteps)
        {
            foreach (var (reason, count) in Reasons(runs))
            {
                outputs[reason] = outputs.GetValueOrDefault(reason) + count;
            }
        }

        return new GeneratorRun(first, firstWall, rerun, rerunWall, generated, steps, outputs, firstSteps);
    }

    private static IReadOnlyDictionary<string, int> Reasons(ImmutableArray<IncrementalGeneratorRunStep> runs)
    {
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            foreach (var (_, reason) in run.Outputs)
            {
                reasons[reason.ToString()] = reasons.GetValueOrDefault(reason.ToString()) + 1;
            }
        }

        return reasons;
    }
}
