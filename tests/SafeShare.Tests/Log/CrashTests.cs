using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SafeShare.Tests.Log;

/// <summary>
/// Writers killed at random points lose nothing they acknowledged; a torn last line is moved aside
/// (kept, not deleted) and the chain verifies again.
/// </summary>
[Collection(LogProcessCollection.Name)]
public sealed class CrashTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Writers_killed_at_random_points_lose_no_acknowledged_record()
    {
        var path = _folder.File("decisions.jsonl");
        var random = new Random(20261120);
        var acknowledged = new List<string>();
        const int Kills = 20;
        for (var run = 0; run < Kills; run++)
        {
            using var writer = new LogWriterProcess(path, threads: 4, perThread: 0, tag: $"R{run}");
            // Kill after a random number of acknowledgements: mid-batch, mid-flush, mid-lock — wherever it lands.
            var after = random.Next(1, 120);
            Assert.True(writer.WaitForAcknowledged(after, TimeSpan.FromMinutes(1)), "the writer acknowledged nothing: " + writer.Errors);
            writer.Kill();
            acknowledged.AddRange(writer.Acknowledged);

            var log = new JsonLinesDecisionLog(path);
            var verification = log.Verify();
            if (!verification.IsIntact)
            {
                // The only damage a crash may leave is a torn last line, which recovery moves aside
                // (or, if the write stopped just before its line break, completes).
                Assert.True(verification.Problem!.Contains("is torn") || verification.Problem.Contains("lacks its line break"), verification.ToString());
                var recovery = log.Recover();
                Assert.True(recovery.BytesRemoved == 0 || File.Exists(recovery.QuarantinePath));
                verification = log.Verify();
            }

            Assert.True(verification.IsIntact, $"after kill {run}: {verification}");
            var present = new HashSet<string>(log.ReadAll().Select(e => e.SubjectReference));
            var lost = acknowledged.Where(s => !present.Contains(s)).ToList();
            Assert.True(lost.Count == 0, $"after kill {run}, {lost.Count} acknowledged record(s) are missing, e.g. {lost.FirstOrDefault()}");
        }

        Assert.True(acknowledged.Count >= Kills);
    }

    [Fact]
    public void A_torn_last_line_is_moved_aside_by_the_next_append_and_nothing_acknowledged_is_lost()
    {
        var path = _folder.File("decisions.jsonl");
        var log = LogFiles.Written(path, 5);
        var whole = File.ReadAllBytes(path);
        var torn = LogFiles.Bytes("{\"v\":1,\"seq\":6,\"prev\":\"" + log.ReadAll().Last().Hash + "\",\"kind\":\"decis");
        File.WriteAllBytes(path, whole.Concat(torn).ToArray());

        var verification = JsonLinesDecisionLog.Verify(path);
        Assert.Equal(6, verification.FirstBadLine);
        Assert.Contains("line 6 is torn", verification.Problem);
        Assert.Equal(5, verification.Records);

        // Another writer (a new instance, as after a restart) appends: the torn bytes go to a side file.
        new JsonLinesDecisionLog(path).Append(LogFiles.Decision("CS-6", 6));
        Assert.True(JsonLinesDecisionLog.Verify(path).IsIntact);
        Assert.Equal(new[] { "CS-1", "CS-2", "CS-3", "CS-4", "CS-5", "CS-6" }, log.ReadAll().Select(e => e.SubjectReference));
        var quarantined = Assert.Single(Directory.GetFiles(_folder.Path, "decisions.jsonl.torn-*"));
        Assert.Equal(torn, File.ReadAllBytes(quarantined));
        Assert.Equal(whole, File.ReadAllBytes(path).Take(whole.Length));
    }

    [Fact]
    public void A_whole_last_line_that_lost_its_line_break_is_kept_not_moved_aside()
    {
        var path = _folder.File("decisions.jsonl");
        LogFiles.Written(path, 3);
        var whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole.Take(whole.Length - 1).ToArray());
        Assert.Contains("line 3 is whole and sealed but lacks its line break", JsonLinesDecisionLog.Verify(path).Problem);

        var log = new JsonLinesDecisionLog(path);
        Assert.Equal(0, log.Recover().BytesRemoved);
        Assert.Equal(whole, File.ReadAllBytes(path));
        log.Append(LogFiles.Decision("CS-4", 4));
        Assert.True(log.Verify().IsIntact);
        Assert.Equal(4, log.ReadAll().Count());
        Assert.Empty(Directory.GetFiles(_folder.Path, "decisions.jsonl.torn-*"));
    }

    [Fact]
    public void Recover_on_an_intact_log_changes_nothing()
    {
        var path = _folder.File("decisions.jsonl");
        var log = LogFiles.Written(path, 3);
        var before = File.ReadAllBytes(path);
        var recovery = log.Recover();
        Assert.Equal(0, recovery.BytesRemoved);
        Assert.Null(recovery.QuarantinePath);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_torn_tail_after_a_line_that_is_not_ours_is_left_alone()
    {
        var path = _folder.File("decisions.jsonl");
        var content = LogFiles.Bytes("not a log\n{\"v\":1,\"seq\":2");
        File.WriteAllBytes(path, content);
        Assert.Throws<DecisionLogException>(() => new JsonLinesDecisionLog(path).Append(LogFiles.Decision("CS-1")));
        Assert.Throws<DecisionLogException>(() => new JsonLinesDecisionLog(path).Recover());
        Assert.Equal(content, File.ReadAllBytes(path));
    }
}
