using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Fuzzing;
using SafeShare.Testing;

// dotnet run -c Release --project bench/SafeShare.Fuzzing.Harness -- fuzz [--mutants N] [--seed S] [--fix-every K] [--batch B] [--from I] [--no-save]
// dotnet run -c Release --project bench/SafeShare.Fuzzing.Harness -- scale
// dotnet run -c Release --project bench/SafeShare.Fuzzing.Harness -- profile [--mutants N]
// dotnet run -c Release --project bench/SafeShare.Fuzzing.Harness -- one (--index I | --file F [--save])
// dotnet run -c Release --project bench/SafeShare.Fuzzing.Harness -- build [--mutants N] [--seed S] [--from I] [--keep DIR] [--with-syntax-errors]
var command = args.FirstOrDefault() ?? "fuzz";
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
if (!long.TryParse(Option("--mutants") ?? "50000", out var mutants) || mutants < 1 ||
    !ulong.TryParse(Option("--seed") ?? "20250607", out var seed) ||
    !int.TryParse(Option("--fix-every") ?? "1", out var fixEvery) || fixEvery < 1 ||
    !long.TryParse(Option("--from") ?? "0", out var from) || from < 0 ||
    !int.TryParse(Option("--batch") ?? "8", out var batchSize) || batchSize < 1)
{
    Console.Error.WriteLine("error: --mutants, --fix-every and --batch take a whole number of at least 1, --from one of at least 0, --seed an unsigned number");
    return 2;
}

switch (command)
{
    case "fuzz":
        return await Fuzz();
    case "scale":
        await Scale();
        return 0;
    case "one":
        await One();
        return 0;
    case "profile":
        await Profile();
        return 0;
    case "build":
        return PackageBuild.Run(Corpus.Load(), seed, from, Option("--mutants") is null ? 300 : mutants, Option("--keep"), args.Contains("--with-syntax-errors"));
    default:
        Console.Error.WriteLine("commands: fuzz, scale, one, profile, build");
        return 2;
}

async Task<int> Fuzz()
{
    var corpus = Corpus.Load();
    Console.WriteLine($"Fuzzing {mutants} mutants from run seed {seed} (first {from}), {(fixEvery == 1 ? "every mutant" : $"the mutants of every {fixEvery}th batch")} also through every code fix; corpus {corpus.Sources.Count} sources, {corpus.AppSettings.Count} appsettings files; {Environment.ProcessorCount} cores");
    var folder = args.Contains("--no-save") ? null : Regression.Folder(Corpus.RepositoryRoot());
    var report = await FuzzSession.RunAsync(corpus, new FuzzOptions(seed, mutants, fixEvery, folder, from) { BatchSize = batchSize, Log = line => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}") });
    Console.WriteLine(report);
    return report.Failures.Count == 0 ? 0 : 1;
}

// Times each pathological shape at 1/8, 1/4, 1/2 and full size, best of three, each on a fresh compilation (as a
// build makes): the compiler alone (GetDiagnostics), then SafeShare's own time, which is what grows with SafeShare's
// algorithms: every analyzer's execution time from Roslyn's telemetry plus the generator driver's time. Growth is read
// off the per-1,000-units columns; no check here asserts a time.
async Task Scale()
{
    await Measure(PathologicalSources.ManyMembers(200)); // warm-up (JIT)
    Console.WriteLine("| input | size | compiler alone | SafeShare analyzers | SafeShare generator | SafeShare per 1,000 units |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var shape in PathologicalSources.All)
    {
        foreach (var fraction in new[] { 8, 4, 2, 1 })
        {
            var size = shape.Full / fraction;
            var source = shape.Build(size);
            var best = (Compiler: double.MaxValue, Analyzers: double.MaxValue, Generator: double.MaxValue);
            for (var i = 0; i < 3; i++)
            {
                var run = await Measure(source);
                best = (Math.Min(best.Compiler, run.Compiler), Math.Min(best.Analyzers, run.Analyzers), Math.Min(best.Generator, run.Generator));
            }

            Console.WriteLine($"| {shape.Name} | {size:N0} {shape.Unit} | {best.Compiler:N0} ms | {best.Analyzers:N0} ms | {best.Generator:N0} ms | {(best.Analyzers + best.Generator) * 1000 / size:N2} ms |");
        }
    }
}

static async Task<(double Compiler, double Analyzers, double Generator)> Measure(string source)
{
    CSharpCompilation Fresh() => CSharpCompilation.Create("Scale", new[] { CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions) }, TestCompilation.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    var clock = Stopwatch.StartNew();
    Fresh().GetDiagnostics();
    var compiler = clock.Elapsed.TotalMilliseconds;

    var driver = CSharpGeneratorDriver.Create(FuzzRunner.Generators).RunGeneratorsAndUpdateCompilation(Fresh(), out var withGenerated, out _);
    var generator = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;
    if (driver.GetRunResult().Results.Select(r => r.Exception).FirstOrDefault(e => e is not null) is { } thrown)
    {
        throw new InvalidOperationException("generator threw", thrown);
    }

    var withAnalyzers = withGenerated.WithAnalyzers(FuzzRunner.Analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
        onAnalyzerException: (exception, analyzer, _) => throw new InvalidOperationException(analyzer.GetType().Name + " threw", exception),
        concurrentAnalysis: false,
        logAnalyzerExecutionTime: true));
    var result = await withAnalyzers.GetAnalysisResultAsync(default);
    var analyzers = result.AnalyzerTelemetryInfo.Values.Sum(t => t.ExecutionTime.TotalMilliseconds);
    return (compiler, analyzers, generator);
}

// One mutant, analyzer by analyzer: dotnet ... one --index I
async Task One()
{
    var corpus = Corpus.Load();
    var mutant = Option("--file") is { } file
        ? new Mutant(0, file, new[] { "file" }, System.IO.File.ReadAllText(file))
        : Option("--shape") is { } shape
        ? new Mutant(0, shape, new[] { "pathological" }, PathologicalSources.All.Single(s => s.Name.StartsWith(shape, StringComparison.Ordinal)).Build(int.Parse(Option("--size") ?? "1000")))
        : FuzzSession.Generate(corpus, seed, long.Parse(Option("--index") ?? "0"));
    foreach (var failure in args.Contains("--check") ? await FuzzRunner.CheckAsync(mutant, withFixes: true, fixSample: 12) : Array.Empty<FuzzFailure>())
    {
        Console.WriteLine($"FAILURE {failure.Stage} {failure.Component}: {failure.Exception}");
        if (args.Contains("--save"))
        {
            Console.WriteLine("saved " + Regression.Save(Regression.Folder(Corpus.RepositoryRoot()), mutant, failure, withFixes: true, "one --file"));
        }
    }

    Console.WriteLine($"{string.Join(",", mutant.Mutations)}: {mutant.Source.Length} chars\n{(mutant.Source.Length > 3000 ? mutant.Source.Substring(0, 1500) + "\n...\n" + mutant.Source.Substring(mutant.Source.Length - 1500) : mutant.Source)}".Split('\n').Take(args.Contains("--quiet") ? 1 : int.MaxValue).Aggregate((a, b) => a + "\n" + b));
    var compilation = CSharpCompilation.Create("Fuzz", new[] { CSharpSyntaxTree.ParseText(mutant.Source, TestCompilation.ParseOptions) }, TestCompilation.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    var clock = Stopwatch.StartNew();
    compilation.GetDiagnostics();
    Console.WriteLine($"compiler: {clock.ElapsedMilliseconds} ms");
    foreach (var analyzer in FuzzRunner.Analyzers)
    {
        clock.Restart();
        await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        Console.WriteLine($"{analyzer.GetType().Name}: {clock.ElapsedMilliseconds} ms");
    }

    clock.Restart();
    CSharpGeneratorDriver.Create(FuzzRunner.Generators).RunGeneratorsAndUpdateCompilation(compilation, out _, out _);
    Console.WriteLine($"generator: {clock.ElapsedMilliseconds} ms");
}

// Which analyzer takes the time on ordinary mutants (logAnalyzerExecutionTime).
async Task Profile()
{
    var corpus = Corpus.Load();
    var totals = FuzzRunner.Analyzers.ToDictionary(a => a.GetType().Name, _ => TimeSpan.Zero);
    var empty = CSharpCompilation.Create("Fuzz", null, TestCompilation.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    var compilerOnly = TimeSpan.Zero;
    var analysis = TimeSpan.Zero;
    var slowest = new System.Collections.Generic.List<(TimeSpan, string)>();
    var batched = TimeSpan.Zero;
    var batch = batchSize;
    for (var i = 0; i < 64; i++)
    {
        await empty.AddSyntaxTrees(CSharpSyntaxTree.ParseText(FuzzSession.Generate(corpus, seed + 1, i).Source, TestCompilation.ParseOptions)).WithAnalyzers(FuzzRunner.Analyzers).GetAnalyzerDiagnosticsAsync();
    }

    for (var i = 0; i < Math.Min(mutants, 2000); i += batch)
    {
        var trees = Enumerable.Range(i, batch).Select(k => CSharpSyntaxTree.ParseText(FuzzSession.Generate(corpus, seed, k).Source, TestCompilation.ParseOptions, path: $"/{k}.cs"));
        var clock = Stopwatch.StartNew();
        await empty.AddSyntaxTrees(trees).WithAnalyzers(FuzzRunner.Analyzers).GetAnalyzerDiagnosticsAsync();
        batched += clock.Elapsed;
    }

    for (var i = 0; i < Math.Min(mutants, 2000); i++)
    {
        var mutant = FuzzSession.Generate(corpus, seed, i);
        var compilation = empty.AddSyntaxTrees(CSharpSyntaxTree.ParseText(mutant.Source, TestCompilation.ParseOptions));
        var clock = Stopwatch.StartNew();
        compilation.GetDiagnostics();
        compilerOnly += clock.Elapsed;
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(FuzzRunner.Analyzers, options);
        clock.Restart();
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        analysis += clock.Elapsed;
        slowest.Add((clock.Elapsed, $"{i}: {string.Join(",", mutant.Mutations)} ({mutant.Source.Length} chars, {mutant.Origin})"));
        foreach (var analyzer in FuzzRunner.Analyzers)
        {
            totals[analyzer.GetType().Name] += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime;
        }
    }

    Console.WriteLine($"compiler alone (GetDiagnostics): {compilerOnly.TotalSeconds:F1} s; with analyzers one mutant a compilation: {analysis.TotalSeconds:F1} s; {batch} mutants a compilation: {batched.TotalSeconds:F1} s");
    foreach (var (time, what) in slowest.OrderByDescending(s => s.Item1).Take(15))
    {
        Console.WriteLine($"{time.TotalMilliseconds:F0} ms {what}");
    }

    foreach (var (name, time) in totals.OrderByDescending(t => t.Value))
    {
        Console.WriteLine($"{name}: {time.TotalSeconds:F1} s");
    }
}
