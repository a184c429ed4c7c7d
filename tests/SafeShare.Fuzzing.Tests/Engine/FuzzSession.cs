using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SafeShare.Fuzzing;

/// <summary>What a run is asked to do.</summary>
/// <param name="RunSeed">Fixes every mutant of the run (with the corpus).</param>
/// <param name="Mutants">How many mutants go through every analyzer and the generator.</param>
/// <param name="FixEvery">
/// The mutants of every n-th batch also go through every code fix offered (1: all of them). A batch with fixes is
/// checked in a workspace, the project of its mutants, and each document gets the fixes for its own diagnostics.
/// </param>
/// <param name="RegressionFolder">Where failing mutants are saved; <see langword="null"/> to save nothing.</param>
/// <param name="FirstMutant">The index of the first mutant, to continue or split a long run.</param>
public sealed record FuzzOptions(ulong RunSeed, long Mutants, int FixEvery, string? RegressionFolder, long FirstMutant = 0)
{
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Mutants checked together, as the files of one project: the per-compilation work (reference binding,
    /// analyzer and generator start-up, symbol lookups) is paid once per batch. A batch that fails is re-checked
    /// mutant by mutant, so the failure is pinned on the mutant that causes it.
    /// </summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>At most this many diagnostics per code fix per mutant get every action applied; Fix All sees all.</summary>
    public int? FixSample { get; init; } = 4;

    /// <summary>A check taking longer than this is reported as a hang.</summary>
    // A hang never finishes; a batch on a loaded CI machine (every test project at once, other work on the same two
    // cores) has taken more than two minutes and then replayed in seconds, so the limit leaves room for that.
    public TimeSpan MutantTimeout { get; init; } = TimeSpan.FromSeconds(300);

    public Action<string>? Log { get; init; }
}

/// <summary>One distinct failure of a run: its first mutant (minimised) and how many mutants hit it.</summary>
public sealed record FoundFailure(FuzzFailure Failure, Mutant Mutant, long Index, int Hits, string? SavedTo);

public sealed record FuzzReport(long Mutants, int BatchSize, FuzzCounters Counters, IReadOnlyList<FoundFailure> Failures, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Mutants} mutants in {Elapsed.TotalSeconds:F0} s, checked {BatchSize} to a compilation: {Counters} ({Counters.Timings}); {Failures.Count} distinct failure(s)" +
        string.Concat(Failures.Select(f => $"\n  {f.Failure.Signature} x{f.Hits} (mutant {f.Index}, seed 0x{f.Mutant.Seed:x16}){(f.SavedTo is null ? string.Empty : " -> " + f.SavedTo)}"));
}

/// <summary>Generates the mutants of a run from its seed, checks them in parallel batches, groups and saves what failed.</summary>
public static class FuzzSession
{
    /// <summary>The mutant <paramref name="index"/> of the run: a seed source with one to three mutations, sometimes a broken appsettings.json.</summary>
    public static Mutant Generate(Corpus corpus, ulong runSeed, long index)
    {
        var seed = FuzzRandom.MutantSeed(runSeed, index);
        var random = new FuzzRandom(seed);
        var (origin, text, applied) = Mutators.Mutate(random, corpus);
        string? appSettings = null;
        if (corpus.AppSettings.Count > 0 && random.Chance(10))
        {
            appSettings = Mutators.MutateJson(random, random.Pick(corpus.AppSettings).Text);
        }

        return new Mutant(seed, origin.Origin, applied, text, appSettings, origin.Text);
    }

    public static async Task<FuzzReport> RunAsync(Corpus corpus, FuzzOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var counters = new FuzzCounters();
        var found = new ConcurrentDictionary<string, (FuzzFailure Failure, Mutant Mutant, long Index, bool WithFixes, int Hits)>();
        long done = 0;

        void Record(IEnumerable<FuzzFailure> failures, Mutant mutant, long index, bool withFixes)
        {
            foreach (var failure in failures)
            {
                found.AddOrUpdate(
                    failure.Signature,
                    _ => (failure, mutant, index, withFixes, 1),
                    (_, old) => index < old.Index ? (failure, mutant, index, withFixes, old.Hits + 1) : old with { Hits = old.Hits + 1 });
            }
        }

        var batches = Enumerable.Range(0, checked((int)((options.Mutants + options.BatchSize - 1) / options.BatchSize)))
            .Select(b => (Number: b, Indexes: Enumerable.Range(0, options.BatchSize).Select(i => options.FirstMutant + ((long)b * options.BatchSize) + i).Where(i => i < options.FirstMutant + options.Mutants).ToList()));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (work, token) =>
        {
            var (number, indexes) = work;
            var withFixes = number % options.FixEvery == 0;
            var batchClock = Stopwatch.StartNew();
            var mutants = indexes.Select(i => (Index: i, Mutant: Generate(corpus, options.RunSeed, i))).ToList();
            var batch = mutants[0].Mutant with { Companions = mutants.Skip(1).Select(m => m.Mutant).ToList() };
            var failures = await CheckWithTimeoutAsync(batch, withFixes, counters, options.FixSample, options.MutantTimeout, token).ConfigureAwait(false);
            if (failures.Count > 0)
            {
                var alone = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (index, mutant) in mutants)
                {
                    var own = await CheckWithTimeoutAsync(mutant, withFixes, null, options.FixSample, options.MutantTimeout, token).ConfigureAwait(false);
                    Record(own, mutant, index, withFixes);
                    alone.UnionWith(own.Select(f => f.Signature));
                }

                // Failing only in company (two files declaring the same partial type, say): the batch is the case.
                Record(failures.Where(f => !alone.Contains(f.Signature)), batch, mutants[0].Index, withFixes);
            }

            if (batchClock.Elapsed > TimeSpan.FromSeconds(30))
            {
                options.Log?.Invoke($"slow batch: mutants {indexes[0]}..{indexes[^1]} took {batchClock.Elapsed.TotalSeconds:F0} s");
            }

            var n = Interlocked.Add(ref done, mutants.Count);
            if (options.Log is { } log && n % 1000 < options.BatchSize)
            {
                log($"{n}/{options.Mutants} mutants, {clock.Elapsed.TotalSeconds:F0} s, {found.Count} distinct failure(s)");
            }
        }).ConfigureAwait(false);

        var results = new List<FoundFailure>();
        foreach (var (signature, entry) in found.OrderBy(f => f.Value.Index))
        {
            var mutant = entry.Mutant;
            string? savedTo = null;
            if (options.RegressionFolder is { } folder)
            {
                async Task<bool> StillFails(Mutant m) =>
                    (await CheckWithTimeoutAsync(m, entry.WithFixes, null, options.FixSample, options.MutantTimeout, cancellationToken).ConfigureAwait(false)).Any(f => f.Signature == signature);
                mutant = await MinimiseAsync(mutant, StillFails).ConfigureAwait(false);
                savedTo = Regression.Save(folder, mutant, entry.Failure, entry.WithFixes, $"run seed {options.RunSeed}, mutant {entry.Index}");
            }

            results.Add(new FoundFailure(entry.Failure, mutant, entry.Index, entry.Hits, savedTo));
        }

        return new FuzzReport(options.Mutants, options.BatchSize, counters, results, clock.Elapsed);
    }

    /// <summary>Drops the companions and the keystroke before where the failure does not need them, then shrinks the text.</summary>
    private static async Task<Mutant> MinimiseAsync(Mutant mutant, Func<Mutant, Task<bool>> stillFails)
    {
        for (var i = mutant.Companions.Count - 1; i >= 0; i--)
        {
            var without = mutant with { Companions = mutant.Companions.Where((_, k) => k != i).ToList() };
            if (await stillFails(without).ConfigureAwait(false))
            {
                mutant = without;
            }
        }

        var files = mutant.Files.ToList();
        if (files.Any(f => f.Before is not null))
        {
            var withoutBefore = files[0] with { Before = null, Companions = files.Skip(1).Select(f => f with { Before = null }).ToList() };
            if (await stillFails(withoutBefore).ConfigureAwait(false))
            {
                mutant = withoutBefore;
            }
        }

        return await Shrinker.ShrinkAsync(mutant, stillFails).ConfigureAwait(false);
    }

    /// <summary>Checks a mutant, reporting a hang when it takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<FuzzFailure>> CheckWithTimeoutAsync(Mutant mutant, bool withFixes, FuzzCounters? counters, int? fixSample, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var hang = new[] { new FuzzFailure("hang", "timeout", $"System.TimeoutException: not done after {timeout.TotalSeconds:F0} s") };
        try
        {
            // Code that never looks at the token (a loop in an analyzer, say) is not stopped by cancelling it: after
            // twice the time the check is reported as a hang and left running, so the run goes on.
            var check = Task.Run(() => FuzzRunner.CheckAsync(mutant, withFixes, counters, fixSample, limit.Token), CancellationToken.None);
            if (await Task.WhenAny(check, Task.Delay(timeout + timeout, cancellationToken)).ConfigureAwait(false) != check)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return hang;
            }

            return await check.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return hang;
        }
    }
}
