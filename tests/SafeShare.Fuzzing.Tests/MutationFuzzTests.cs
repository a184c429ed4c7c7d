using System;
using System.Linq;
using System.Threading.Tasks;
using SafeShare.Fuzzing;
using Xunit.Abstractions;

namespace SafeShare.Fuzzing.Tests;

/// <summary>
/// The fixed-seed run inside <c>dotnet test Analyzers.sln</c>. Every mutant goes through every analyzer, the
/// generator and every code fix offered, eight mutants to a project (a failing batch is re-checked mutant by
/// mutant): each action offered for up to four diagnostics per fix is applied, and Fix All per offer. Longer runs:
/// <c>SAFESHARE_FUZZ_MUTANTS=50000</c> (and <c>SAFESHARE_FUZZ_SEED</c>, <c>SAFESHARE_FUZZ_FIX_EVERY</c>) on this
/// test, or bench/SafeShare.Fuzzing.Harness (see docs/robustness.md).
/// </summary>
public sealed class MutationFuzzTests
{
    public const ulong RunSeed = 20250607;
    public const int DefaultMutants = 2000;
    public const int DefaultFixEvery = 1;
    private const int MutationFuzzBatch = 8;

    private readonly ITestOutputHelper _output;

    public MutationFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Two_thousand_mutants_through_every_analyzer_the_generator_and_every_code_fix()
    {
        var mutants = long.TryParse(Environment.GetEnvironmentVariable("SAFESHARE_FUZZ_MUTANTS"), out var m) ? m : DefaultMutants;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("SAFESHARE_FUZZ_SEED"), out var s) ? s : RunSeed;
        var fixEvery = int.TryParse(Environment.GetEnvironmentVariable("SAFESHARE_FUZZ_FIX_EVERY"), out var f) ? f : DefaultFixEvery;
        var corpus = Corpus.Load();
        var report = await FuzzSession.RunAsync(corpus, new FuzzOptions(seed, mutants, fixEvery, Regression.Folder(Corpus.RepositoryRoot())) { Log = _output.WriteLine });
        _output.WriteLine(report.ToString());

        Assert.True(report.Failures.Count == 0, "Mutants made SafeShare throw (saved under Regressions/):\n" + string.Join("\n\n", report.Failures.Select(x => $"{x.Failure.Signature} x{x.Hits}\n{x.Failure.Exception}")));
        Assert.Equal(mutants, report.Counters.Analyzed);
        Assert.True(report.Counters.FixChecked >= mutants / fixEvery - MutationFuzzBatch, report.Counters.ToString());
        Assert.True(report.Counters.ActionsApplied > 0 && report.Counters.FixAllApplied > 0, "no code fix was applied: " + report.Counters);
    }

    [Fact]
    public void The_corpus_holds_the_test_cases_and_the_sample()
    {
        var corpus = Corpus.Load();
        Assert.True(corpus.Sources.Count >= 150, $"only {corpus.Sources.Count} seed sources");
        Assert.Contains(corpus.Sources, s => s.Origin.StartsWith("samples/CaseManagement/", StringComparison.Ordinal));
        Assert.Contains(corpus.Sources, s => s.Origin.StartsWith("tests/SafeShare.Analyzers.Tests/Transport/", StringComparison.Ordinal));
        Assert.Contains(corpus.Sources, s => s.Origin.StartsWith("tests/SafeShare.CodeFixes.Tests/", StringComparison.Ordinal));
        Assert.NotEmpty(corpus.AppSettings);
        Assert.DoesNotContain(corpus.Sources, s => s.Text.Contains("[|", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_analyzer_fix_and_generator_is_discovered()
    {
        Assert.True(FuzzRunner.Analyzers.Length >= 10, string.Join(", ", FuzzRunner.Analyzers.Select(a => a.GetType().Name)));
        Assert.Contains(FuzzRunner.Analyzers, a => a.GetType().Namespace!.EndsWith(".Classification", StringComparison.Ordinal));
        Assert.Contains(FuzzRunner.Analyzers, a => a.GetType().Namespace!.EndsWith(".Transport", StringComparison.Ordinal));
        Assert.Single(FuzzRunner.Generators);
        Assert.True(FuzzRunner.CodeFixes.Length >= 7);
    }

    [Fact]
    public void A_run_seed_makes_the_same_mutants_every_time()
    {
        var corpus = Corpus.Load();
        for (var i = 0; i < 50; i++)
        {
            var (a, b) = (FuzzSession.Generate(corpus, RunSeed, i), FuzzSession.Generate(corpus, RunSeed, i));
            Assert.Equal((a.Seed, a.Origin, a.Source, a.AppSettings), (b.Seed, b.Origin, b.Source, b.AppSettings));
            Assert.Equal(a.Mutations, b.Mutations);
        }

        Assert.NotEqual(FuzzSession.Generate(corpus, RunSeed, 0).Source, FuzzSession.Generate(corpus, RunSeed + 1, 0).Source);
    }

    [Fact]
    public void Every_mutator_applies_to_some_seed()
    {
        var corpus = Corpus.Load();
        foreach (var mutator in Mutators.All)
        {
            var applied = Enumerable.Range(0, 40).Any(i =>
            {
                var random = new FuzzRandom((ulong)i);
                var seed = random.Pick(corpus.Sources);
                return mutator.Apply(random, seed.Text, corpus) is { } mutated && mutated != seed.Text;
            });
            Assert.True(applied, mutator.Name + " never changed a seed");
        }
    }
}
