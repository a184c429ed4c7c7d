using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SafeShare.Analyzers.Generation;
using SafeShare.Bench.Corpus;
using SafeShare.Bench.Hosting;
using SafeShare.Bench.Measurement;

namespace SafeShare.Bench.Reporting;

/// <summary>The medians of one configuration at one size.</summary>
public sealed record ConfigSummary(
    string Config,
    string Description,
    double WallMs,
    double AnalyzerExecutionMs,
    double GeneratorMs,
    double CostMs,
    double CostPercentOfBare,
    double WallPercentOfBare,
    double AllocatedMB,
    double PeakManagedMB,
    double PeakWorkingSetMB,
    double CpuMs,
    double GcPauseMs,
    IReadOnlyDictionary<string, double> AnalyzerMs,
    IReadOnlyDictionary<string, double> RuleMs,
    IReadOnlyDictionary<string, int> Findings,
    int CompilerErrors,
    IReadOnlyList<CompileRun> Runs);

/// <summary>A SafeShare transport rule against one peer rule doing the same job.</summary>
public sealed record RulePair(string SafeShareRule, double SafeShareMs, string PeerRule, double PeerMs)
{
    public double Ratio => PeerMs == 0 ? double.PositiveInfinity : SafeShareMs / PeerMs;

    public bool SafeShareCheaper => SafeShareMs < PeerMs;
}

/// <summary>The generator's first run and re-run, medians.</summary>
public sealed record GeneratorSummary(
    double FirstRunMs,
    double RerunMs,
    double RerunPercentOfFirst,
    int GeneratedFiles,
    bool AllStepsCachedOrUnchanged,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> RerunStepReasons,
    IReadOnlyDictionary<string, int> RerunOutputReasons,
    IReadOnlyList<GeneratorRun> Runs);

/// <summary>Everything measured at one size.</summary>
public sealed record SizeResult(
    int Files,
    int Lines,
    IReadOnlyDictionary<string, int> Mix,
    IReadOnlyList<ConfigSummary> Configs,
    IReadOnlyList<RulePair> Pairs,
    GeneratorSummary Generator,
    GeneratorSummary? BaselineGenerator,
    GeneratorSummary? AttributeLookupAlone)
{
    public ConfigSummary Config(string name) => Configs.Single(c => c.Config == name);

    public static SizeResult From(int files, Codebase codebase, ImmutableArray<AnalyzerSet> sets, IReadOnlyList<CompileRun> runs, IReadOnlyList<GeneratorRun> generatorRuns, IReadOnlyList<GeneratorRun> baselineGeneratorRuns, IReadOnlyList<GeneratorRun> lookupRuns)
    {
        var bareWall = Median(runs.Where(r => r.Config == AnalyzerSets.Bare).Select(r => r.WallMs));
        var configs = sets.Where(set => runs.Any(r => r.Config == set.Name)).Select(set =>
        {
            var mine = runs.Where(r => r.Config == set.Name).ToList();
            var wall = Median(mine.Select(r => r.WallMs));
            var cost = Median(mine.Select(r => r.AnalyzerExecutionMs + r.GeneratorMs));
            return new ConfigSummary(
                set.Name,
                set.Description,
                wall,
                Median(mine.Select(r => r.AnalyzerExecutionMs)),
                Median(mine.Select(r => r.GeneratorMs)),
                cost,
                100 * cost / bareWall,
                100 * (wall - bareWall) / bareWall,
                Median(mine.Select(r => r.AllocatedBytes / 1048576.0)),
                Median(mine.Select(r => r.PeakManagedBytes / 1048576.0)),
                Median(mine.Select(r => r.PeakWorkingSetBytes / 1048576.0)),
                Median(mine.Select(r => r.CpuMs)),
                Median(mine.Select(r => r.GcPauseMs)),
                MedianByKey(mine.Select(r => r.AnalyzerMs)),
                MedianByKey(mine.Select(r => r.RuleMs)),
                mine[0].Findings.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value),
                mine.Max(r => r.CompilerErrors),
                mine);
        }).ToList();

        var ruleMs = configs.Where(c => c.Config != AnalyzerSets.Baseline).SelectMany(c => c.RuleMs).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var pairs = AnalyzerSets.Pairs
            .SelectMany(p => p.PeerRules.Where(ruleMs.ContainsKey).Select(peer => new RulePair(p.SafeShareRule, ruleMs.GetValueOrDefault(p.SafeShareRule), peer, ruleMs.GetValueOrDefault(peer))))
            .ToList();

        return new SizeResult(files, codebase.Lines, codebase.Mix.OrderBy(m => m.Key).ToDictionary(m => m.Key.ToString(), m => m.Value), configs, pairs,
            Summarise(generatorRuns)!, Summarise(baselineGeneratorRuns), Summarise(lookupRuns));
    }

    private static GeneratorSummary? Summarise(IReadOnlyList<GeneratorRun> generatorRuns)
    {
        if (generatorRuns.Count == 0)
        {
            return null;
        }

        var first = Median(generatorRuns.Select(r => r.FirstRunMs));
        var rerun = Median(generatorRuns.Select(r => r.RerunMs));
        var last = generatorRuns[^1];
        var allCached = generatorRuns.All(r => r.NamedStepsCachedOrUnchanged);
        return new GeneratorSummary(first, rerun, 100 * rerun / first, last.GeneratedFiles, allCached, last.RerunStepReasons, last.RerunOutputReasons, generatorRuns);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static IReadOnlyDictionary<string, double> MedianByKey(IEnumerable<IReadOnlyDictionary<string, double>> runs)
    {
        var list = runs.ToList();
        return list.SelectMany(r => r.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal)
            .ToDictionary(k => k, k => Median(list.Select(r => r.GetValueOrDefault(k))));
    }
}

/// <summary>One of the targets, with the measurement that decides it.</summary>
public sealed record TargetResult(string Target, string Measured, bool Met);

/// <summary>The whole run, as written to JSON.</summary>
public sealed record BenchReport(
    string Command,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    int Seed,
    int Repetitions,
    int? PeerRepetitions,
    MachineInfo Machine,
    string Method,
    IReadOnlyList<string> Configurations,
    IReadOnlyList<SizeResult> Sizes,
    IReadOnlyList<TargetResult> Targets)
{
    public static readonly string MethodText =
        "Each repetition compiles the codebase from source in every configuration (order rotated per repetition): parse (parallel), " +
        "create the compilation and bind its references (every configuration alike: a compile binds them once whatever runs, and the compilation a generator updates keeps them, so a generator that asked first would only carry the compiler's work), collect the young generation (every configuration alike, timed with the parse: the collection the parse has made due would otherwise fall on whatever runs next, the generator in b), run the generators (b only), get the parse and declaration diagnostics (as csc does before it compiles method bodies; so no analyzer is timed building the assembly's symbols), run the configuration's analyzers through CompilationWithAnalyzers " +
        "(concurrentAnalysis and logAnalyzerExecutionTime on) and emit the DLL and a portable PDB to memory. " +
        "Analyzer time is Roslyn's per-analyzer execution time from the analysis result's telemetry (time inside the analyzers' callbacks); " +
        "generator time is GeneratorDriver.GetTimingInfo(). Cost = analyzer time + generator time; 'cost / bare' divides it by the median " +
        "wall time of configuration a. 'Wall vs bare' is the whole-run difference and also includes the analyzer host's own work " +
        "(a second binding pass for the semantic models and operation trees that every analyzer package pays), so it is not SafeShare's alone. " +
        "Peak heap and working set are sampled every 10 ms during the run; allocated is GC.GetTotalAllocatedBytes over the run; GC pauses is GC.GetTotalPauseDuration over the run (the collector stops every thread, so a pause is charged to whichever analyzer or generator callback was running: one cause of the spread between repetitions). " +
        "Generator first run and re-run: GeneratorDriver.GetTimingInfo() of a driver with step tracking off, on a compilation whose references are bound, as a build or the IDE runs it " +
        "(tracking records every step's inputs and outputs, a cost those hosts do not pay): the first run on the codebase, then the re-run of " +
        "that driver after a one-line edit (a paging constant) in an ordinary business file; the re-run is repeated " + GeneratorRunner.RerunSamples + " times from the same " +
        "first-run state, each on a freshly edited compilation, and its median taken. The step run reasons on the re-run and the time inside each " +
        "step on the first run come from a separate driver with step tracking on, run through the same sequence on its own compilations " +
        "(its timings are listed as 'tracked' and are not used by the targets).";

    public static BenchReport Create(BenchOptions options, MachineInfo machine, DateTimeOffset started, ImmutableArray<AnalyzerSet> sets, IReadOnlyList<SizeResult> sizes)
    {
        var targets = new List<TargetResult>();
        var largest = sizes.OrderBy(s => s.Files).Last();
        var safeShare = largest.Config(AnalyzerSets.SafeShare);
        targets.Add(new TargetResult(
            $"SafeShare analyzers + generator ≤ 3 % of the bare compile at {largest.Files:N0} files",
            $"{safeShare.CostMs:F0} ms of {largest.Config(AnalyzerSets.Bare).WallMs:F0} ms = {safeShare.CostPercentOfBare:F2} %",
            safeShare.CostPercentOfBare <= 3.0));

        foreach (var size in sizes)
        {
            foreach (var group in size.Pairs.GroupBy(p => p.SafeShareRule))
            {
                targets.Add(new TargetResult(
                    $"{group.Key} cheaper than {string.Join(", ", group.Select(p => p.PeerRule))} at {size.Files:N0} files",
                    string.Join("; ", group.Select(p => $"{p.SafeShareRule} {p.SafeShareMs:F1} ms vs {p.PeerRule} {p.PeerMs:F1} ms")),
                    group.All(p => p.SafeShareCheaper)));
            }
        }

        var thousand = sizes.FirstOrDefault(s => s.Files == 1000);
        var fiveThousand = sizes.FirstOrDefault(s => s.Files == 5000);
        if (thousand is not null && fiveThousand is not null)
        {
            var growth = fiveThousand.Config(AnalyzerSets.SafeShare).CostMs / thousand.Config(AnalyzerSets.SafeShare).CostMs;
            targets.Add(new TargetResult(
                "SafeShare cost grows ≤ 5.5× from 1,000 to 5,000 files",
                $"{thousand.Config(AnalyzerSets.SafeShare).CostMs:F0} ms → {fiveThousand.Config(AnalyzerSets.SafeShare).CostMs:F0} ms = {growth:F2}×",
                growth <= 5.5));
        }

        foreach (var size in sizes)
        {
            targets.Add(new TargetResult(
                $"Generator after an unrelated edit at {size.Files:N0} files: every step Cached/Unchanged, re-run ≤ 5 ms",
                 $"{(size.Generator.AllStepsCachedOrUnchanged ? "named steps and outputs all Cached/Unchanged" : "a named step or output did work")}; re-run {size.Generator.RerunMs:F2} ms",
                size.Generator.AllStepsCachedOrUnchanged && size.Generator.RerunMs <= 5.0));
            if (size.BaselineGenerator is { } before)
            {
                targets.Add(new TargetResult(
                    $"Generator's first run at {size.Files:N0} files no slower than 1.5× the baseline's",
                    $"{size.Generator.FirstRunMs:F1} ms against {before.FirstRunMs:F1} ms = {size.Generator.FirstRunMs / before.FirstRunMs:F2}×",
                    size.Generator.FirstRunMs <= 1.5 * before.FirstRunMs));
            }
        }

        return new BenchReport(options.CommandLine, started, DateTimeOffset.UtcNow, options.Seed, options.Repetitions, options.PeerRepetitions, machine, MethodText,
            sets.Select(s => $"{s.Name}: {s.Description}").ToList(), sizes, targets);
    }
}

/// <summary>The Markdown tables of a run.</summary>
public static class MarkdownReport
{
    public static string Render(BenchReport report)
    {
        var sb = new System.Text.StringBuilder();
        var m = report.Machine;
        sb.AppendLine("# SafeShare build-time cost");
        sb.AppendLine();
        sb.AppendLine($"`{report.Command}`");
        sb.AppendLine();
        sb.AppendLine($"Measured {report.Started:yyyy-MM-dd HH:mm} UTC at commit {m.Commit} on a **shared {m.Processors}-core machine** ({m.Cpu}, {m.MemoryBytes / 1073741824.0:F0} GiB, {m.Os}, {m.Runtime}, Roslyn {m.Roslyn}, {m.GarbageCollector}); " +
            $"its cores are shared with other work (load average at start {m.LoadAverageAtStart}, at end {m.LoadAverageAtEnd}). " +
            $"Medians of {report.Repetitions} repetitions{(report.PeerRepetitions is { } peer && peer != report.Repetitions ? $" ({peer} at the sizes where the peers ran)" : string.Empty)}; seed {report.Seed}. Process peak working set {m.PeakWorkingSetBytes / 1048576.0:F0} MB.");
        sb.AppendLine();
        sb.AppendLine("Configurations:");
        foreach (var c in report.Configurations)
        {
            sb.AppendLine($"- {c}");
        }

        sb.AppendLine();
        sb.AppendLine("## Compile cost");
        sb.AppendLine();
        sb.AppendLine("| Files | Configuration | Wall (ms) | Wall vs bare | Process CPU (ms) | GC pauses (ms) | Analyzer time (ms) | Generator (ms) | Cost / bare compile | Allocated (MB) | Peak heap (MB) | Peak working set (MB) | Findings |");
        sb.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var size in report.Sizes)
        {
            foreach (var c in size.Configs)
            {
                var bare = c.Config == AnalyzerSets.Bare;
                sb.AppendLine($"| {size.Files:N0} | {c.Config} | {c.WallMs:N0} | {(bare ? "—" : $"{c.WallPercentOfBare:+0.0;-0.0} %")} | {c.CpuMs:N0} | {c.GcPauseMs:N0} | {(bare ? "—" : c.AnalyzerExecutionMs.ToString("N1"))} | " +
                    $"{(c.GeneratorMs == 0 ? "—" : c.GeneratorMs.ToString("N1"))} | {(bare ? "—" : $"{c.CostPercentOfBare:F2} %")} | {c.AllocatedMB:N0} | {c.PeakManagedMB:N0} | {c.PeakWorkingSetMB:N0} | " +
                    $"{(c.Findings.Count == 0 ? (c.CompilerErrors > 0 ? $"{c.CompilerErrors} errors" : "—") : string.Join(", ", c.Findings.Select(f => $"{f.Key}×{f.Value}")))} |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("## Each SafeShare transport rule against the peer rules doing the same job (analyzer time, ms)");
        sb.AppendLine();
        sb.AppendLine("| Files | SafeShare rule | ms | Peer rule | ms | SafeShare / peer |");
        sb.AppendLine("|---:|---|---:|---|---:|---:|");
        foreach (var size in report.Sizes)
        {
            foreach (var p in size.Pairs)
            {
                sb.AppendLine($"| {size.Files:N0} | {p.SafeShareRule} | {p.SafeShareMs:N1} | {p.PeerRule} | {p.PeerMs:N1} | {p.Ratio:F2}× |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("## SafeShare analyzers one by one (analyzer time, ms)");
        sb.AppendLine();
        var analyzers = report.Sizes.SelectMany(s => s.Config(AnalyzerSets.SafeShare).AnalyzerMs.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        sb.AppendLine("| Analyzer | " + string.Join(" | ", report.Sizes.Select(s => $"{s.Files:N0} files")) + " |");
        sb.AppendLine("|---|" + string.Concat(report.Sizes.Select(_ => "---:|")));
        foreach (var a in analyzers)
        {
            sb.AppendLine($"| {a} | " + string.Join(" | ", report.Sizes.Select(s => s.Config(AnalyzerSets.SafeShare).AnalyzerMs.GetValueOrDefault(a).ToString("N1"))) + " |");
        }

        sb.AppendLine($"| SafeShareGenerator (driver) | " + string.Join(" | ", report.Sizes.Select(s => s.Config(AnalyzerSets.SafeShare).GeneratorMs.ToString("N1"))) + " |");
        if (report.Sizes.Any(s => s.Configs.Any(c => c.Config == AnalyzerSets.Baseline)))
        {
            sb.AppendLine();
            sb.AppendLine("Before and after the fixes, in the same run (b0 is the baseline build, b the current one; analyzer time, ms):");
            sb.AppendLine();
            var withBaseline = report.Sizes.Where(s => s.Configs.Any(c => c.Config == AnalyzerSets.Baseline)).ToList();
            sb.AppendLine("| Analyzer | " + string.Join(" | ", withBaseline.Select(s => $"{s.Files:N0} files: before → after")) + " |");
            sb.AppendLine("|---|" + string.Concat(withBaseline.Select(_ => "---:|")));
            var names = withBaseline.SelectMany(s => s.Config(AnalyzerSets.Baseline).AnalyzerMs.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
            foreach (var a in names)
            {
                sb.AppendLine($"| {a} | " + string.Join(" | ", withBaseline.Select(s => $"{s.Config(AnalyzerSets.Baseline).AnalyzerMs.GetValueOrDefault(a):N1} → {s.Config(AnalyzerSets.SafeShare).AnalyzerMs.GetValueOrDefault(a):N1}")) + " |");
            }

            sb.AppendLine("| SafeShareGenerator (driver) | " + string.Join(" | ", withBaseline.Select(s => $"{s.Config(AnalyzerSets.Baseline).GeneratorMs:N1} → {s.Config(AnalyzerSets.SafeShare).GeneratorMs:N1}")) + " |");
            sb.AppendLine("| **Total cost (analyzers + generator)** | " + string.Join(" | ", withBaseline.Select(s => $"{s.Config(AnalyzerSets.Baseline).CostMs:N0} → {s.Config(AnalyzerSets.SafeShare).CostMs:N0} ({s.Config(AnalyzerSets.Baseline).CostPercentOfBare:F1} % → {s.Config(AnalyzerSets.SafeShare).CostPercentOfBare:F1} % of bare)")) + " |");
        }
        sb.AppendLine();
        sb.AppendLine("## Generator: first run and re-run after an unrelated one-line edit");
        sb.AppendLine();
        sb.AppendLine("| Files | Generator | Generated files | First run (ms) | Re-run (ms) | Re-run / first | Tracked first run / re-run (ms) | Step run reasons on the re-run | Outputs |");
        sb.AppendLine("|---:|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var (size, design, g) in report.Sizes.SelectMany(s =>
                     (s.BaselineGenerator is { } b ? new[] { (s, "b0. baseline", b) } : new (SizeResult, string, GeneratorSummary)[0])
                     .Append((s, "b. current", s.Generator))
                     .Concat(s.AttributeLookupAlone is { } l ? new[] { (s, AnalyzerSets.AttributeLookup, l) } : new (SizeResult, string, GeneratorSummary)[0])))
        {
            var steps = string.Join("; ", g.RerunStepReasons
                .Where(s => s.Key.StartsWith("SafeShare.", StringComparison.Ordinal))
                .Select(s => $"{s.Key.Substring("SafeShare.".Length)}: {string.Join(" ", s.Value.Select(r => $"{r.Key} {r.Value}"))}"));
            var others = g.RerunStepReasons.Where(s => !s.Key.StartsWith("SafeShare.", StringComparison.Ordinal)).SelectMany(s => s.Value)
                .GroupBy(r => r.Key).Select(r => $"{r.Key} {r.Sum(x => x.Value)}");
            sb.AppendLine($"| {size.Files:N0} | {design} | {g.GeneratedFiles} | {g.FirstRunMs:N1} | {g.RerunMs:N2} | {g.RerunPercentOfFirst:F2} % | {SizeResult.Median(g.Runs.Select(r => r.TrackedFirstRunMs)):N1} / {SizeResult.Median(g.Runs.Select(r => r.TrackedRerunMs)):N2} | {steps}; Roslyn's internal per-tree steps: {string.Join(" ", others)} | {string.Join(" ", g.RerunOutputReasons.Select(r => $"{r.Key} {r.Value}"))} |");
        }

        sb.AppendLine();
        sb.AppendLine("Roslyn's internal steps are the per-file syntax steps; those of the edited file are Modified by definition. The target reads SafeShare's named steps and the outputs. " +
            "'g. attribute lookup alone' is the current generator's inputs with SafeShare's work taken out (the same ForAttributeWithMetadataName lookups and the same reading of each file's type declarations, each transform returning a position): what Roslyn spends finding and binding the attributed declarations; the current generator's time beyond it is SafeShare's own reading.");
        sb.AppendLine();
        sb.AppendLine("Time inside each step on the tracked driver's first run (ms, median; Roslyn's internal steps by name):");
        sb.AppendLine();
        var stepNames = report.Sizes.SelectMany(s => s.Generator.Runs.SelectMany(r => r.FirstRunStepMs.Keys)).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        sb.AppendLine("| Step | " + string.Join(" | ", report.Sizes.Select(s => $"{s.Files:N0} files")) + " |");
        sb.AppendLine("|---|" + string.Concat(report.Sizes.Select(_ => "---:|")));
        foreach (var step in stepNames)
        {
            sb.AppendLine($"| {step} | " + string.Join(" | ", report.Sizes.Select(s => SizeResult.Median(s.Generator.Runs.Select(r => r.FirstRunStepMs.GetValueOrDefault(step))).ToString("N1"))) + " |");
        }

        sb.AppendLine();
        sb.AppendLine("## Targets");
        sb.AppendLine();
        sb.AppendLine("| Target | Measured | Met |");
        sb.AppendLine("|---|---|:---:|");
        foreach (var t in report.Targets)
        {
            sb.AppendLine($"| {t.Target} | {t.Measured} | {(t.Met ? "yes" : "**no**")} |");
        }

        sb.AppendLine();
        sb.AppendLine("## Method");
        sb.AppendLine();
        sb.AppendLine(report.Method);
        sb.AppendLine();
        sb.AppendLine($"Codebases (seed {report.Seed}): " + string.Join("; ", report.Sizes.Select(s => $"{s.Files:N0} files, {s.Lines:N0} lines ({string.Join(", ", s.Mix.Select(x => $"{x.Key} {x.Value}"))})")) + ".");
        return sb.ToString();
    }
}
