using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

using SafeShare.Tests.Log;

namespace SafeShare.PostgreSql.Tests;

/// <summary>
/// Several processes on one log, writers killed mid-append, and the server itself stopped abruptly and
/// restarted: every acknowledged record is in the log exactly once and the chain verifies.
/// </summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TestDatabase _database = PostgresServer.Instance.NewDatabase();

    public void Dispose() => _database.Dispose();

    private async Task<PostgresDecisionLog> Log()
    {
        var log = new PostgresDecisionLog(_database.ConnectionString);
        await log.EnsureSchemaAsync();
        return log;
    }

    [PostgresFact]
    public async Task Several_processes_of_several_threads_keep_every_acknowledged_record_once_in_one_chain()
    {
        using var log = await Log();
        const int Processes = 3;
        const int Threads = 4;
        const int Each = 30;
        var writers = Enumerable.Range(1, Processes).Select(p => LogWriterProcess.Postgres(_database.ConnectionString, "safeshare", Threads, Each, $"P{p}")).ToList();
        var acknowledged = new List<string>();
        foreach (var writer in writers)
        {
            using (writer)
            {
                Assert.True(writer.WaitForExit(TimeSpan.FromMinutes(3)) == 0, writer.Errors);
                acknowledged.AddRange(writer.Acknowledged);
            }
        }

        Assert.Equal(Processes * Threads * Each, acknowledged.Count);
        var present = SampleRecords.Subjects(log);
        Assert.Equal(acknowledged.OrderBy(s => s, StringComparer.Ordinal), present.OrderBy(s => s, StringComparer.Ordinal));
        var verification = log.Verify();
        Assert.True(verification.IsIntact, verification.ToString());
        Assert.Equal(acknowledged.Count, verification.Records);
    }

    [PostgresFact]
    public async Task Writers_killed_mid_append_again_and_again_lose_no_acknowledged_record()
    {
        using var log = await Log();
        var random = new Random(20261207);
        var acknowledged = new List<string>();
        const int Kills = 8;
        for (var run = 0; run < Kills; run++)
        {
            using var writer = LogWriterProcess.Postgres(_database.ConnectionString, "safeshare", threads: 4, perThread: 0, tag: $"R{run}");
            Assert.True(writer.WaitForAcknowledged(random.Next(1, 150), TimeSpan.FromMinutes(1)), "the writer acknowledged nothing: " + writer.Errors);
            writer.Kill(); // SIGKILL: mid-transaction, mid-COMMIT, wherever it lands
            acknowledged.AddRange(writer.Acknowledged);

            var verification = log.Verify();
            Assert.True(verification.IsIntact, $"after kill {run}: {verification}");
            var present = new HashSet<string>(SampleRecords.Subjects(log));
            var lost = acknowledged.Where(s => !present.Contains(s)).ToList();
            Assert.True(lost.Count == 0, $"after kill {run}, {lost.Count} acknowledged record(s) are missing, e.g. {lost.FirstOrDefault()}");
        }

        var subjects = SampleRecords.Subjects(log);
        Assert.Equal(subjects.Count, subjects.Distinct().Count());
    }

    [PostgresFact]
    public async Task The_server_stopped_abruptly_fails_appends_in_flight_clearly_loses_nothing_acknowledged_and_appends_resume()
    {
        var server = PostgresServer.Instance;
        using var log = await Log();
        using var writer = LogWriterProcess.Postgres(_database.ConnectionString, "safeshare", threads: 4, perThread: 0, tag: "S");
        Assert.True(writer.WaitForAcknowledged(100, TimeSpan.FromMinutes(1)), writer.Errors);
        var before = writer.Acknowledged.Count;
        server.Kill();
        try
        {
            // While it is down, appends fail: each with one line that names the server.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!writer.Errors.Contains("fail ", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(50);
            }
        }
        finally
        {
            server.Restart();
        }

        var failures = writer.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("fail ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Contains("Cannot append to the PostgreSQL decision log", f));
        Assert.All(failures, f => Assert.Contains("127.0.0.1", f));

        // Appends resume once it is back.
        var resumedFrom = writer.Acknowledged.Count;
        Assert.True(writer.WaitForAcknowledged(resumedFrom + 100, TimeSpan.FromMinutes(1)), "appends did not resume after the restart: " + writer.Errors);
        writer.Kill();

        var acknowledged = writer.Acknowledged;
        Assert.True(acknowledged.Count > before);
        var present = SampleRecords.Subjects(log);
        var lost = acknowledged.Except(present).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged record(s) are missing, e.g. {lost.FirstOrDefault()}");
        Assert.Equal(present.Count, present.Distinct().Count());
        var verification = log.Verify();
        Assert.True(verification.IsIntact, verification.ToString());
    }
}
