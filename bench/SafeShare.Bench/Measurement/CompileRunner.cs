using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using SafeShare.Bench.Corpus;
using SafeShare.Bench.Hosting;

namespace SafeShare.Bench.Measurement;

/// <summary>One compile of one configuration: what it cost and what it found.</summary>
public sealed record CompileRun(
    string Config,
    double WallMs,
    double ParseMs,
    double GeneratorMs,
    double AnalyzersWallMs,
    double EmitMs,
    double AnalyzerExecutionMs,
    IReadOnlyDictionary<string, double> AnalyzerMs,
    IReadOnlyDictionary<string, double> RuleMs,
    IReadOnlyDictionary<string, int> Findings,
    int CompilerErrors,
    long AllocatedBytes,
    long PeakManagedBytes,
    long PeakWorkingSetBytes,
    double CpuMs,
    double GcPauseMs,
    double GeneratorGcPauseMs,
    int GeneratorGcCount,
    long GeneratorAllocatedBytes);

/// <summary>
/// Compiles a codebase the way a build does — parse, (generators), bind and emit with a PDB — with
/// one configuration's analyzers attached through <see cref="CompilationWithAnalyzers"/>, recording
/// Roslyn's per-analyzer execution time (logAnalyzerExecutionTime).
/// </summary>
public static class CompileRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true,
        concurrentBuild: true);

    public static ImmutableArray<SyntaxTree> Parse(Codebase codebase) => Parse(codebase.Files);

    public static ImmutableArray<SyntaxTree> Parse(IReadOnlyList<SourceFile> files)
    {
        var trees = new SyntaxTree[files.Count];
        Parallel.For(0, trees.Length, i =>
        {
            var file = files[i];
            trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(file.Text, System.Text.Encoding.UTF8), ParseOptions, path: "/src/" + file.Path);
        });
        return trees.ToImmutableArray();
    }

    /// <summary>
    /// What the SafeShare generator writes for a codebase, as plain source files. The configurations
    /// that do not run the generator compile these instead, so every configuration compiles the same
    /// program (the declared shares' partial methods need their generated implementations).
    /// </summary>
    public static IReadOnlyList<SourceFile> Pregenerate(Codebase codebase, AnalyzerSet safeShare)
    {
        var compilation = Create(Parse(codebase), safeShare, codebase);
        var driver = CSharpGeneratorDriver.Create(safeShare.Generators, parseOptions: ParseOptions).RunGenerators(compilation);
        return driver.GetRunResult().GeneratedTrees
            .Select(t => new SourceFile("obj/generated/" + System.IO.Path.GetFileName(t.FilePath), t.GetText().ToString(), FileKind.Core))
            .ToList();
    }

    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, AnalyzerSet set, Codebase codebase) =>
        CSharpCompilation.Create("Council.Children.CaseManagement", trees, References.For(codebase), CompilationOptions.WithSpecificDiagnosticOptions(set.RuleOptions));

    public static async Task<CompileRun> RunAsync(Codebase codebase, IReadOnlyList<SourceFile> pregenerated, AnalyzerSet set, CancellationToken cancellationToken = default)
    {
        Settle();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var sampler = MemorySampler.Start();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var total = Stopwatch.StartNew();

        var watch = Stopwatch.StartNew();
        var trees = Parse(set.Generators.IsEmpty ? codebase.Files.Concat(pregenerated).ToList() : codebase.Files);
        Compilation compilation = Create(trees, set, codebase);
        // Every configuration alike: the references bound (the assembly symbols of the ~170 framework assemblies). A
        // compile does this once whatever runs; csc's first stage to ask is the declaration stage, after the generators,
        // and the compilation a generator updates keeps the bound references, so a generator that asked first only
        // carried this work for the compiler. Done here, it is timed with the parse, not in the generator's time.
        _ = compilation.Assembly;
        // Every configuration alike: the collection the parse's allocations have made due, taken here and timed with the
        // parse. After the parse and the reference binding at 5,000 files, about 10 MB of the young generation's budget is
        // left, so whatever runs next (the generator in b, the declaration stage elsewhere) met a collection of the
        // freshly parsed trees, 65-175 ms, that the compile owes whether or not a generator runs.
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        var parseMs = watch.Elapsed.TotalMilliseconds;

        var generatorMs = 0.0;
        var generatorDiagnostics = ImmutableArray<Diagnostic>.Empty;
        var generatorPauseMs = 0.0;
        var generatorGcs = 0;
        var generatorAllocated = 0L;
        if (!set.Generators.IsEmpty)
        {
            var pauseAtGenerator = GC.GetTotalPauseDuration();
            var gcsAtGenerator = GC.CollectionCount(0);
            var allocatedAtGenerator = GC.GetTotalAllocatedBytes(precise: true);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(set.Generators, parseOptions: ParseOptions);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out compilation, out generatorDiagnostics, cancellationToken);
            generatorMs = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;
            generatorPauseMs = (GC.GetTotalPauseDuration() - pauseAtGenerator).TotalMilliseconds;
            generatorGcs = GC.CollectionCount(0) - gcsAtGenerator;
            generatorAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtGenerator;
        }

        // Every configuration alike: the parse and declaration diagnostics, as csc gets them (stopping on errors) before it
        // compiles any method body. csc starts its analyzer driver just before that stage, so the analyzers' compilation-
        // start lookups share the building of the assembly's symbols with it; here the stage comes first, so no analyzer's
        // telemetry (SafeShare's or a peer's) holds that compiler work, which whichever analyzer asked first used to carry.
        watch.Restart();
        var declarationErrors = compilation.GetParseDiagnostics(cancellationToken).Concat(compilation.GetDeclarationDiagnostics(cancellationToken))
            .Count(d => d.Severity == DiagnosticSeverity.Error);
        parseMs += watch.Elapsed.TotalMilliseconds;

        var analyzerMs = new Dictionary<string, double>(StringComparer.Ordinal);
        var ruleMs = new Dictionary<string, double>(StringComparer.Ordinal);
        var findings = new Dictionary<string, int>(StringComparer.Ordinal);
        var analyzersWallMs = 0.0;
        if (!set.Analyzers.IsEmpty)
        {
            watch.Restart();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(set.AdditionalFiles),
                onAnalyzerException: (exception, analyzer, _) => Console.Error.WriteLine($"  ! {analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(set.Analyzers, options);
            var result = await withAnalyzers.GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);
            analyzersWallMs = watch.Elapsed.TotalMilliseconds;
            foreach (var (analyzer, telemetry) in result.AnalyzerTelemetryInfo)
            {
                var ms = telemetry.ExecutionTime.TotalMilliseconds;
                var name = analyzer.GetType().Name;
                analyzerMs[name] = analyzerMs.GetValueOrDefault(name) + ms;
                var rules = set.RulesOf(analyzer);
                foreach (var rule in rules)
                {
                    // An analyzer serving several measured rules is counted in full against each of them.
                    ruleMs[rule] = ruleMs.GetValueOrDefault(rule) + ms;
                }
            }

            foreach (var diagnostic in result.GetAllDiagnostics())
            {
                findings[diagnostic.Id] = findings.GetValueOrDefault(diagnostic.Id) + 1;
            }
        }

        watch.Restart();
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emit = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb), cancellationToken: cancellationToken);
        var emitMs = watch.Elapsed.TotalMilliseconds;
        var wallMs = total.Elapsed.TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var (peakManaged, peakWorkingSet) = sampler.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var errors = declarationErrors + emit.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        foreach (var diagnostic in generatorDiagnostics)
        {
            findings[diagnostic.Id] = findings.GetValueOrDefault(diagnostic.Id) + 1;
        }

        return new CompileRun(set.Name, wallMs, parseMs, generatorMs, analyzersWallMs, emitMs,
            analyzerMs.Values.Sum(), analyzerMs, ruleMs, findings, errors, allocated, peakManaged, peakWorkingSet, cpuMs,
            (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds, generatorPauseMs, generatorGcs, generatorAllocated);
    }

    /// <summary>The first compiler errors of a codebase, to check the corpus compiles before measuring it.</summary>
    public static IReadOnlyList<Diagnostic> Errors(Codebase codebase, IReadOnlyList<SourceFile> pregenerated, AnalyzerSet bare)
    {
        var compilation = Create(Parse(codebase.Files.Concat(pregenerated).ToList()), bare, codebase);
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).ToList();
    }

    /// <summary>Starts each run from the same heap: the previous run's garbage collected and finalized.</summary>
    public static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}

/// <summary>The framework's reference assemblies as the runtime ships them, and the SafeShare runtime (as the tests compile).</summary>
public static class References
{
    public static ImmutableArray<MetadataReference> All { get; } = Load();

    // Microsoft.Extensions.Logging is a package, referenced only by the codebases that log with it.
    private static readonly ImmutableArray<MetadataReference> WithLogging = All.AddRange(new[]
    {
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
    });

    /// <summary>What the codebase compiles against.</summary>
    public static ImmutableArray<MetadataReference> For(Codebase codebase) => codebase.UsesLogging ? WithLogging : All;

    private static ImmutableArray<MetadataReference> Load()
    {
        var tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        return tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path =>
            {
                var name = Path.GetFileName(path);
                return name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll";
            })
            .OrderBy(path => Path.GetFileName(path), StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(PersonalDataAttribute).Assembly.Location))
            .ToImmutableArray();
    }
}

/// <summary>Samples the managed heap and the process working set every few milliseconds and keeps the peaks.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peakManaged;
    private long _peakWorkingSet;

    private MemorySampler()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public static MemorySampler Start() => new();

    public (long PeakManaged, long PeakWorkingSet) Stop()
    {
        _stop = true;
        _thread.Join();
        Sample();
        return (_peakManaged, _peakWorkingSet);
    }

    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }

    private void Loop()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(10);
        }
    }

    private void Sample()
    {
        _peakManaged = Math.Max(_peakManaged, GC.GetTotalMemory(forceFullCollection: false));
        _peakWorkingSet = Math.Max(_peakWorkingSet, Environment.WorkingSet);
    }
}
