using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace SafeShare.Tests.Log;

/// <summary>
/// Many threads and several processes appending to one log: nothing interleaved, nothing lost, one
/// unbroken chain.
/// </summary>
[Collection(LogProcessCollection.Name)]
public sealed class ConcurrencyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Eight_threads_in_one_process_lose_nothing()
    {
        var path = _folder.File("decisions.jsonl");
        var log = new JsonLinesDecisionLog(path);
        const int Threads = 8, Each = 150;
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < Each; i++)
            {
                log.Append(LogFiles.Decision($"T{t}-{i}", i));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var verification = log.Verify();
        Assert.True(verification.IsIntact, verification.ToString());
        Assert.Equal(Threads * Each, verification.Records);
        var subjects = log.ReadAll().Select(e => e.SubjectReference).ToList();
        Assert.Equal(Threads * Each, subjects.Distinct().Count());
        for (var t = 0; t < Threads; t++)
        {
            // Each thread's own records keep their order.
            var mine = subjects.Where(s => s.StartsWith($"T{t}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, Each).Select(i => $"T{t}-{i}"), mine);
        }
    }

    [Fact]
    public void Eight_threads_in_each_of_two_processes_and_this_one_lose_nothing()
    {
        var path = _folder.File("decisions.jsonl");
        const int Threads = 8, Each = 150;
        using var first = new LogWriterProcess(path, Threads, Each, "P1");
        using var second = new LogWriterProcess(path, Threads, Each, "P2");

        // This process appends too, through its own instance, while the children run.
        // Verifying and reading while they write sees a consistent log every time.
        var log = new JsonLinesDecisionLog(path);
        for (var i = 0; i < 100; i++)
        {
            log.Append(LogFiles.Decision($"P0-{i}", i));
            if (i % 10 == 9)
            {
                var during = log.Verify();
                Assert.True(during.IsIntact, during.ToString());
                Assert.True(log.ReadAll().Count() >= during.Records);
            }
        }

        Assert.True(first.WaitForExit(TimeSpan.FromMinutes(3)) == 0, first.Errors);
        Assert.True(second.WaitForExit(TimeSpan.FromMinutes(3)) == 0, second.Errors);

        var verification = log.Verify();
        Assert.True(verification.IsIntact, verification.ToString());
        var expected = 2 * Threads * Each + 100;
        Assert.Equal(expected, verification.Records);
        var subjects = new HashSet<string>(log.ReadAll().Select(e => e.SubjectReference));
        Assert.Equal(expected, subjects.Count);
        Assert.Equal(Threads * Each, first.Acknowledged.Count);
        Assert.Equal(Threads * Each, second.Acknowledged.Count);
        Assert.All(first.Acknowledged.Concat(second.Acknowledged), s => Assert.Contains(s, subjects));
    }
}

/// <summary>Tests that start child processes run one at a time: the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LogProcessCollection
{
    public const string Name = "Decision log processes";
}
