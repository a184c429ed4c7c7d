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
/// <param name="FirstRunMs">GetTimingInfo of the first run, step tracking off.</param>
/// <param name="RerunMs">Median GetTimingInfo of the re-run (each on a fresh edited compilation), step tracking off.</param>
/// <param name="RerunSamplesMs">Every re-run timed, step tracking off.</param>
/// <param name="TrackedFirstRunMs">The first run of the separate tracked driver (step tracking on): not used by the targets.</param>
/// <param name="TrackedRerunMs">The re-run of the tracked driver: not used by the targets.</param>
/// <param name="FirstRunStepMs">Time inside each step, from the tracked driver's first run.</param>
public sealed record GeneratorRun(
    double FirstRunMs,
    double FirstRunWallMs,
    double RerunMs,
    double RerunWallMs,
    IReadOnlyList<double> RerunSamplesMs,
    double TrackedFirstRunMs,
    double TrackedRerunMs,
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
/// again after one line of an ordinary business file changed. Timing comes from a driver with step tracking
/// off, as in a real build or IDE (tracking records every step's inputs and outputs, which costs time those
/// hosts do not pay); the re-run is repeated from the same first-run state, each time on a freshly edited
/// compilation, and the median taken. A second, separate driver runs the same sequence with step tracking on,
/// on its own compilations, so that every step's run reasons (New, Cached, Unchanged, Modified, Removed) and
/// the time inside each step can be read.
/// </summary>
public static class GeneratorRunner
{
    /// <summary>How many times the re-run is timed (each on a fresh edited compilation); the median is reported.</summary>
    public const int RerunSamples = 5;

    public static GeneratorRun Run(Codebase codebase, AnalyzerSet safeShare)
    {
        var trees = CompileRunner.Parse(codebase);

        // The one-line edit, applied as an editor does: a text change on the old tree (incremental reparse).
        var tree = trees[codebase.EditFileIndex];
        var text = tree.GetText();
        var at = text.ToString().IndexOf(codebase.EditFrom, StringComparison.Ordinal);
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, codebase.EditFrom.Length), codebase.EditTo)));

        // Timed: tracking off, as a build or the IDE runs the generator.
        CompileRunner.Settle();
        var compilation = CompileRunner.Create(trees, safeShare, codebase);
        _ = compilation.Assembly; // references bound first, as in CompileRunner: compiler work, not the generator's
        var driver = CreateDriver(safeShare, trackSteps: false);
        var watch = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        var firstWall = watch.Elapsed.TotalMilliseconds;
        var first = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;
        var generated = driver.GetRunResult().GeneratedTrees.Length;

        // The driver is immutable: each sample re-runs from the same first-run state, on a new edited
        // compilation (a reused one would already hold the symbols and bindings the previous sample made).
        var rerunSamples = new List<double>();
        var rerunWalls = new List<double>();
        for (var i = 0; i < RerunSamples; i++)
        {
            var editedCompilation = compilation.ReplaceSyntaxTree(tree, edited);
            watch.Restart();
            var rerunDriver = driver.RunGenerators(editedCompilation);
            rerunWalls.Add(watch.Elapsed.TotalMilliseconds);
            rerunSamples.Add(rerunDriver.GetTimingInfo().ElapsedTime.TotalMilliseconds);
        }

        // Tracked: a separate driver on its own compilations, for the run reasons and the per-step times.
        CompileRunner.Settle();
        var trackedCompilation = CompileRunner.Create(trees, safeShare, codebase);
        _ = trackedCompilation.Assembly;
        var tracked = CreateDriver(safeShare, trackSteps: true);
        tracked = tracked.RunGenerators(trackedCompilation);
        var trackedFirst = tracked.GetTimingInfo().ElapsedTime.TotalMilliseconds;
        var firstSteps = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, runs) in tracked.GetRunResult().Results.Single().TrackedSteps)
        {
            firstSteps[name] = runs.Sum(r => r.ElapsedTime.TotalMilliseconds);
        }

        tracked = tracked.RunGenerators(trackedCompilation.ReplaceSyntaxTree(tree, edited));
        var trackedRerun = tracked.GetTimingInfo().ElapsedTime.TotalMilliseconds;
        var result = tracked.GetRunResult().Results.Single();
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

        return new GeneratorRun(
            first, firstWall, Median(rerunSamples), Median(rerunWalls), rerunSamples, trackedFirst, trackedRerun, generated, steps, outputs, firstSteps);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static GeneratorDriver CreateDriver(AnalyzerSet safeShare, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            safeShare.Generators,
            parseOptions: CompileRunner.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

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
