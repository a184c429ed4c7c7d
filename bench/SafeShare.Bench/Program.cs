using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Tasks;
using SafeShare.Bench.Corpus;
using SafeShare.Bench.Hosting;
using SafeShare.Bench.Measurement;
using SafeShare.Bench.Reporting;

namespace SafeShare.Bench;

/// <summary>
/// SafeShare's build-time cost next to the peer analyzers users already run.
/// <code>dotnet run -c Release --project bench/SafeShare.Bench -- [--sizes 200,1000,5000] [--reps 5] [--seed 6] [--out bench/results] [--label latest] [--corpus casework|services|logging] [--emit-corpus DIR]</code>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: SafeShare.Bench [--sizes 200,1000,5000] [--reps 5] [--seed 6] [--out bench/results] [--label latest] [--corpus casework|services|logging] [--configs a,b,c,d,e] [--peer-sizes 200,1000] [--peer-reps 9] [--baseline OLD/SafeShare.Analyzers.dll --baseline-label TEXT] [--emit-corpus DIR]");
            return 2;
        }

        var started = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Capture();
        Console.WriteLine($"SafeShare.Bench: sizes {string.Join(", ", options.Sizes)}, {options.Repetitions} repetitions, seed {options.Seed}");
        Console.WriteLine($"  {machine.Processors} cores, {machine.Os}, {machine.Runtime}, Roslyn {machine.Roslyn}, load {machine.LoadAverageAtStart}");

        var sets = AnalyzerSets.Create();
        if (options.Configs is { } only)
        {
            // For quick iterations while fixing. The targets are measured against a and b, so those always run.
            sets = sets.Where(s => s.Name == AnalyzerSets.Bare || s.Name == AnalyzerSets.SafeShare || only.Contains(s.Name.Split('.')[0])).ToImmutableArray();
        }
        if (options.Baseline is { } baselinePath)
        {
            var list = sets.ToList();
            list.Insert(2, AnalyzerSets.CreateBaseline(baselinePath, options.BaselineLabel ?? baselinePath));
            sets = list.ToImmutableArray();
        }

        foreach (var set in sets)
        {
            Console.WriteLine($"  {set.Name}: {set.Description}");
        }

        if (options.EmitCorpus is { } corpusDirectory)
        {
            foreach (var size in options.Sizes)
            {
                var codebase = CaseManagementCorpus.Generate(size, options.Seed, options.Corpus);
                foreach (var file in codebase.Files)
                {
                    var path = Path.Combine(corpusDirectory, size.ToString(), file.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllTextAsync(path, file.Text);
                }
            }

            Console.WriteLine($"  corpus written to {corpusDirectory}");
            return 0;
        }

        // The corpus must compile: a benchmark of broken code measures error recovery, not builds.
        var safeShare = sets.Single(s => s.Name == AnalyzerSets.SafeShare);
        var warmup = CaseManagementCorpus.Generate(Math.Min(200, options.Sizes.Min()), options.Seed, options.Corpus);
        var warmupGenerated = CompileRunner.Pregenerate(warmup, safeShare);
        var errors = CompileRunner.Errors(warmup, warmupGenerated, sets[0]);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine("The synthetic codebase does not compile:");
            foreach (var error in errors)
            {
                Console.Error.WriteLine("  " + error);
            }

            return 1;
        }

        // Warm-up (JIT, analyzer loading, metadata): one untimed run of everything.
        Console.WriteLine("  warm-up...");
        foreach (var set in sets)
        {
            await CompileRunner.RunAsync(warmup, warmupGenerated, set);
        }

        GeneratorRunner.Run(warmup, safeShare);
        var lookup = AnalyzerSets.CreateAttributeLookupOnly();
        GeneratorRunner.Run(warmup, lookup);

        var sizes = new List<SizeResult>();
        foreach (var size in options.Sizes)
        {
            var codebase = CaseManagementCorpus.Generate(size, options.Seed, options.Corpus);
            var pregenerated = CompileRunner.Pregenerate(codebase, safeShare);
            Console.WriteLine($"== {size} files ({codebase.Lines:N0} lines): {string.Join(", ", codebase.Mix.OrderBy(m => m.Key).Select(m => $"{m.Key} {m.Value}"))}");
            var runs = new List<CompileRun>();
            // Peers and the baseline can be limited to some sizes (the largest takes long on a shared machine);
            // a and b run at every size, as the targets need them.
            var sizeSets = options.IsPeerSize(size)
                ? sets
                : sets.Where(s => s.Name is AnalyzerSets.Bare or AnalyzerSets.SafeShare).ToImmutableArray();
            var repetitions = options.RepetitionsAt(size);
            for (var rep = 0; rep < repetitions; rep++)
            {
                // Rotate the order every repetition so that a burst of load from the machine's other
                // users does not always land on the same configuration.
                foreach (var set in sizeSets.Skip(rep % sizeSets.Length).Concat(sizeSets.Take(rep % sizeSets.Length)))
                {
                    var run = await CompileRunner.RunAsync(codebase, pregenerated, set);
                    runs.Add(run);
                    Console.WriteLine($"  rep {rep + 1} {set.Name,-20} wall {run.WallMs,9:F0} ms  analyzers {run.AnalyzerExecutionMs,8:F1} ms  generator {run.GeneratorMs,7:F1} ms (allocated {run.GeneratorAllocatedBytes / 1048576.0,5:F1} MB, {run.GeneratorGcCount} GCs pausing {run.GeneratorGcPauseMs,5:F1} ms)  GC pauses {run.GcPauseMs,6:F0} ms  errors {run.CompilerErrors}");
                }
            }

            var generatorRuns = new List<GeneratorRun>();
            for (var rep = 0; rep < options.Repetitions; rep++)
            {
                var run = GeneratorRunner.Run(codebase, safeShare);
                generatorRuns.Add(run);
                Console.WriteLine($"  rep {rep + 1} generator first {run.FirstRunMs,8:F1} ms  re-run {run.RerunMs,7:F2} ms (median of {run.RerunSamplesMs.Count}: {string.Join(" ", run.RerunSamplesMs.Select(r => r.ToString("F1")))})  tracked {run.TrackedFirstRunMs,8:F1} / {run.TrackedRerunMs,7:F2} ms  ({string.Join(", ", run.RerunOutputReasons.Select(r => $"{r.Key} {r.Value}"))})");
            }

            // The baseline's generator, run the same way beside the current one (at the sizes the baseline runs).
            var baselineGeneratorRuns = new List<GeneratorRun>();
            if (sizeSets.FirstOrDefault(s => s.Name == AnalyzerSets.Baseline) is { } baseline)
            {
                for (var rep = 0; rep < options.Repetitions; rep++)
                {
                    var run = GeneratorRunner.Run(codebase, baseline);
                    baselineGeneratorRuns.Add(run);
                    Console.WriteLine($"  rep {rep + 1} baseline generator first {run.FirstRunMs,8:F1} ms  re-run {run.RerunMs,7:F2} ms");
                }
            }

            // The same inputs with SafeShare's work taken out: what Roslyn's attribute lookup costs on its own.
            var lookupRuns = new List<GeneratorRun>();
            for (var rep = 0; rep < options.Repetitions; rep++)
            {
                var run = GeneratorRunner.Run(codebase, lookup);
                lookupRuns.Add(run);
                Console.WriteLine($"  rep {rep + 1} attribute lookup alone first {run.FirstRunMs,8:F1} ms  re-run {run.RerunMs,7:F2} ms");
            }

            sizes.Add(SizeResult.From(size, codebase, sizeSets, runs, generatorRuns, baselineGeneratorRuns, lookupRuns));
        }

        machine = machine with { LoadAverageAtEnd = MachineInfo.LoadAverage(), PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64 };
        var report = BenchReport.Create(options, machine, started, sets, sizes);
        Directory.CreateDirectory(options.Output);
        var json = Path.Combine(options.Output, options.Label + ".json");
        var markdown = Path.Combine(options.Output, options.Label + ".md");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        await File.WriteAllTextAsync(markdown, MarkdownReport.Render(report));
        Console.WriteLine();
        Console.WriteLine(MarkdownReport.Render(report));
        Console.WriteLine($"Wrote {markdown} and {json}");
        return 0;
    }
}

/// <summary>The command line.</summary>
public sealed record BenchOptions(
    int[] Sizes, int Repetitions, int Seed, string Output, string Label, string? EmitCorpus,
    string[]? Configs = null, int[]? PeerSizes = null, string? Baseline = null, string? BaselineLabel = null, int? PeerRepetitions = null,
    CorpusShape Corpus = CorpusShape.Casework, bool LabelGiven = false)
{
    /// <summary>
    /// Repetitions at a size: <see cref="PeerRepetitions"/> where the peers run (the per-rule comparisons are a few
    /// milliseconds each, so their medians need more repetitions than the totals), otherwise <see cref="Repetitions"/>.
    /// </summary>
    public int RepetitionsAt(int size) => PeerRepetitions is { } peer && IsPeerSize(size) ? peer : Repetitions;

    /// <summary>Whether the peers (and a baseline) run at this size: every size unless --peer-sizes names some.</summary>
    public bool IsPeerSize(int size) => PeerSizes is null || PeerSizes.Contains(size);

    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions(new[] { 200, 1000, 5000 }, 5, 6, Path.Combine("bench", "results"), "latest", null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--sizes" when value is not null:
                    options = options with { Sizes = value.Split(',').Select(int.Parse).ToArray() };
                    i++;
                    break;
                case "--reps" when value is not null:
                    options = options with { Repetitions = int.Parse(value) };
                    i++;
                    break;
                case "--seed" when value is not null:
                    options = options with { Seed = int.Parse(value) };
                    i++;
                    break;
                case "--out" when value is not null:
                    options = options with { Output = value };
                    i++;
                    break;
                case "--label" when value is not null:
                    options = options with { Label = value, LabelGiven = true };
                    i++;
                    break;
                case "--peer-reps" when value is not null:
                    options = options with { PeerRepetitions = int.Parse(value) };
                    i++;
                    break;
                case "--peer-sizes" when value is not null:
                    options = options with { PeerSizes = value.Split(',').Select(int.Parse).ToArray() };
                    i++;
                    break;
                case "--baseline" when value is not null:
                    options = options with { Baseline = value };
                    i++;
                    break;
                case "--baseline-label" when value is not null:
                    options = options with { BaselineLabel = value };
                    i++;
                    break;
                case "--configs" when value is not null:
                    options = options with { Configs = value.Split(',') };
                    i++;
                    break;
                case "--corpus" when value is not null && Enum.TryParse<CorpusShape>(value, ignoreCase: true, out var shape):
                    options = options with { Corpus = shape };
                    i++;
                    break;
                case "--emit-corpus" when value is not null:
                    options = options with { EmitCorpus = value };
                    i++;
                    break;
                default:
                    return null;
            }
        }

        // Each shape of codebase keeps its own results file unless a label is given.
        return options.LabelGiven || options.Corpus == CorpusShape.Casework
            ? options
            : options with { Label = options.Label + "-" + options.Corpus.ToString().ToLowerInvariant() };
    }

    public string CommandLine =>
        $"dotnet run -c Release --project bench/SafeShare.Bench -- --sizes {string.Join(",", Sizes)} --reps {Repetitions} --seed {Seed}" +
        (PeerSizes is null ? string.Empty : $" --peer-sizes {string.Join(",", PeerSizes)}") +
        (PeerRepetitions is null ? string.Empty : $" --peer-reps {PeerRepetitions}") +
        (Configs is null ? string.Empty : $" --configs {string.Join(",", Configs)}") +
        (Corpus == CorpusShape.Casework ? string.Empty : $" --corpus {Corpus.ToString().ToLowerInvariant()}");
}

/// <summary>Where the numbers were measured.</summary>
public sealed record MachineInfo(
    int Processors,
    string Cpu,
    long MemoryBytes,
    string Os,
    string Runtime,
    string Roslyn,
    string GarbageCollector,
    string Commit,
    string LoadAverageAtStart,
    string? LoadAverageAtEnd,
    long PeakWorkingSetBytes,
    string Note)
{
    public static MachineInfo Capture() => new(
        Environment.ProcessorCount,
        ReadCpu(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly.GetName().Version?.ToString() ?? "?",
        GarbageCollectorMode(),
        ReadCommit(),
        LoadAverage(),
        null,
        0,
        "Shared machine: its cores are shared with other work, so times are noisy; medians are reported.");

    /// <summary>
    /// The collector this process runs: server GC, as csc and VBCSCompiler do (their runtimeconfig.json sets
    /// System.GC.Server), unless DOTNET_gcServer=0 asks for the workstation collector.
    /// </summary>
    public static string GarbageCollectorMode() =>
        (System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC") +
        (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? ", not concurrent" : ", concurrent");

    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string ReadCpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string ReadCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true });
            var commit = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            using var status = Process.Start(new ProcessStartInfo("git", "status --porcelain -- src bench/SafeShare.Bench") { RedirectStandardOutput = true, RedirectStandardError = true });
            var dirty = status!.StandardOutput.ReadToEnd().Trim().Length > 0;
            status.WaitForExit();
            return git.ExitCode == 0 ? commit + (dirty ? " (with uncommitted changes)" : string.Empty) : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
