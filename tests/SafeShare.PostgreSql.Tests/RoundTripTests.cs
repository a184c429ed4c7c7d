using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace SafeShare.PostgreSql.Tests;

/// <summary>The PostgreSQL log holds the same lines, byte for byte, as the JSON Lines log: one verifier serves both.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly TestDatabase _database = PostgresServer.Instance.NewDatabase();
    private readonly string _folder = Directory.CreateTempSubdirectory("safeshare-pg-test").FullName;

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [PostgresFact]
    public async Task The_export_is_byte_for_byte_the_json_lines_log_of_the_same_records_and_verifies()
    {
        using var log = new PostgresDecisionLog(_database.ConnectionString);
        await log.EnsureSchemaAsync();
        var file = new JsonLinesDecisionLog(Path.Combine(_folder, "decisions.jsonl"));
        SampleRecords.Write(12, log, file);

        var export = Path.Combine(_folder, "export.jsonl");
        using (var output = File.Create(export))
        {
            Assert.Equal(12, log.Export(output));
        }

        Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(export));
        var fromFile = JsonLinesDecisionLog.Verify(export);
        var fromDatabase = log.Verify();
        Assert.True(fromFile.IsIntact, fromFile.ToString());
        Assert.True(fromDatabase.IsIntact, fromDatabase.ToString());
        Assert.Equal(12, fromDatabase.Records);
        Assert.Equal(fromFile.HeadHash, fromDatabase.HeadHash);
        Assert.Equal(fromDatabase.HeadHash, ((string)_database.Scalar("SELECT hash FROM safeshare.decision_log_head")!).Trim());
    }

    [PostgresFact]
    public async Task Records_read_back_whole_and_by_subject_in_order()
    {
        using var log = new PostgresDecisionLog(_database.ConnectionString);
        await log.EnsureSchemaAsync();
        await log.AppendAsync(SampleRecords.Decision("CS-1", 1));
        await log.AppendAsync(SampleRecords.Decision("CS-2", 2));
        await log.AppendAsync(SampleRecords.Disclosure("CS-1", 3));

        var all = log.ReadAll().ToList();
        Assert.Equal(new long[] { 1, 2, 3 }, all.Select(e => e.Sequence));
        Assert.Equal("Police – Child Abuse Investigation Team", all[0].Decision!.Recipient);
        Assert.Equal(SampleRecords.Decision("CS-1", 1).Id, all[0].Decision!.Id);
        Assert.Equal(new[] { "NhsNumber", "DevelopmentalConcerns" }, all[2].Disclosure!.FieldsSent);

        var one = log.ReadSubject("CS-1").ToList();
        Assert.Equal(new long[] { 1, 3 }, one.Select(e => e.Sequence));
        Assert.Empty(log.ReadSubject("CS-404"));
    }

    [PostgresFact]
    public async Task Setting_up_the_schema_again_or_from_several_servers_at_once_changes_nothing()
    {
        using var first = new PostgresDecisionLog(_database.ConnectionString);
        using var second = new PostgresDecisionLog(_database.ConnectionString);
        await Task.WhenAll(first.EnsureSchemaAsync(), second.EnsureSchemaAsync(), first.EnsureSchemaAsync());
        first.Append(SampleRecords.Decision("CS-1", 1));
        await second.EnsureSchemaAsync();
        second.Append(SampleRecords.Decision("CS-2", 2));

        Assert.Equal(new[] { "CS-1", "CS-2" }, SampleRecords.Subjects(first));
        Assert.Equal(1L, _database.Scalar("SELECT count(*) FROM safeshare.decision_log_schema"));
        Assert.True(first.Verify().IsIntact);
    }

    [PostgresFact]
    public async Task Concurrent_appends_in_one_process_share_commits_and_keep_one_chain()
    {
        using var log = new PostgresDecisionLog(_database.ConnectionString);
        await log.EnsureSchemaAsync();
        const int Writers = 8;
        const int Each = 40;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < Each; i++)
            {
                await log.AppendAsync(SampleRecords.Decision($"W{w}-{i}", (w * Each) + i));
            }
        })));

        var subjects = SampleRecords.Subjects(log);
        Assert.Equal(Writers * Each, subjects.Count);
        Assert.Equal(Writers * Each, subjects.Distinct().Count());
        var verification = log.Verify();
        Assert.True(verification.IsIntact, verification.ToString());
        // Group commit: fewer transactions than records (each transaction takes one xid).
        var transactions = (long)_database.Scalar("SELECT count(DISTINCT xmin::text) FROM safeshare.decision_log")!;
        Assert.True(transactions < Writers * Each, $"{transactions} transactions for {Writers * Each} records");
    }
}
