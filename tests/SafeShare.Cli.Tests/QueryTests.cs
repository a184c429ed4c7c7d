using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SafeShare.Cli.Tests;

/// <summary><c>safeshare query</c>: what a subject access request needs, from the sample's log.</summary>
public sealed class QueryTests(SampleLogFixture sample) : IClassFixture<SampleLogFixture>
{
    [Fact]
    public void Lists_every_decision_and_disclosure_about_one_child_in_time_order()
    {
        var result = Tool.Process("query", sample.LogPath, "--subject", "CS-2024-00417");
        Assert.True(result.ExitCode == 0, result.ToString());
        var o = result.Output;
        Assert.Contains("found   : 2 decision(s), 2 disclosure(s)", o);
        // Who decided, what, with whom, why, basis, consent.
        Assert.Contains("decided by : A. Patel, Team Manager, Children's Social Care", o);
        Assert.Contains("with       : Police – Child Abuse Investigation Team", o);
        Assert.Contains("why        : Strategy discussion: reasonable cause to suspect significant harm (Children Act 1989 s47)", o);
        Assert.Contains("basis      : UK GDPR Art. 6(1)(e) public task, under Children Act 1989 s47", o);
        Assert.Contains("Art. 9     : UK GDPR Art. 9(2)(g) substantial public interest, with DPA 2018 Schedule 1 para 18", o);
        Assert.Contains("consent    : not sought: Seeking consent from the mother would alert her partner", o);
        Assert.Contains("consent    : refused, and overridden: Mother refused", o);
        Assert.Contains("channel    : MASH secure portal (encrypted)", o);
        Assert.DoesNotContain("CS-2021-00230", o);
        Assert.DoesNotContain("Amara", o); // references and field names only, never the values shared
        var police = o.IndexOf("DECISION: share", StringComparison.Ordinal);
        var sent = o.IndexOf("DISCLOSURE: delivered", StringComparison.Ordinal);
        var mash = o.IndexOf("with       : Multi-Agency Safeguarding Hub", StringComparison.Ordinal);
        Assert.True(police >= 0 && police < sent && sent < mash, o);
    }

    [Fact]
    public void Json_output_has_one_entry_per_record_in_time_order()
    {
        var result = Tool.InProcess("query", sample.LogPath, "--subject", "CS-2024-00417", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.True(json.RootElement.GetProperty("intact").GetBoolean());
        var records = json.RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(new[] { "decision", "disclosure", "decision", "disclosure" }, records.Select(r => r.GetProperty("kind").GetString()));
        var times = records.Select(r => r.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderBy(t => t), times);
        Assert.Equal("NotSought", records[0].GetProperty("consent").GetProperty("status").GetString());
        Assert.Equal("PublicTask", records[0].GetProperty("lawfulBasis").GetString());
        Assert.Equal("A. Patel, Team Manager, Children's Social Care", records[0].GetProperty("decidedBy").GetString());
        Assert.Equal(records[0].GetProperty("id").GetString(), records[1].GetProperty("decisionId").GetString());
    }

    [Fact]
    public void From_and_to_limit_the_period()
    {
        var all = Tool.InProcess("query", sample.LogPath, "--subject", "CS-2023-00981");
        Assert.Contains("found   : 1 decision(s), 0 disclosure(s)", all.Output);
        Assert.Contains("DECISION: NOT to share", all.Output);

        var before = Tool.InProcess("query", sample.LogPath, "--subject", "CS-2023-00981", "--to", "2001-01-01");
        Assert.Equal(0, before.ExitCode);
        Assert.Contains("found   : 0 decision(s), 0 disclosure(s)", before.Output);
        Assert.Contains("holds no decision or disclosure about CS-2023-00981 in that period", before.Output);

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var within = Tool.InProcess("query", sample.LogPath, "--subject", "CS-2023-00981", "--from", "2001-01-01", "--to", today);
        Assert.Contains("found   : 1 decision(s)", within.Output);
    }

    [Fact]
    public void An_unknown_subject_is_an_answer_not_an_error()
    {
        var result = Tool.InProcess("query", sample.LogPath, "--subject", "CS-0000-00000");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("The log holds no decision or disclosure about CS-0000-00000.", result.Output);
    }

    [Fact]
    public void A_log_that_is_not_intact_is_still_listed_with_a_warning_and_exit_code_1()
    {
        var path = sample.Copy("query-tampered.jsonl");
        var lines = File.ReadAllLines(path).ToList();
        lines.RemoveAt(6);
        File.WriteAllLines(path, lines);
        var result = Tool.InProcess("query", path, "--subject", "CS-2024-00417");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("found   : 2 decision(s), 2 disclosure(s)", result.Output);
        Assert.StartsWith("safeshare: warning: the log is not intact at line 7", result.Error);
    }
}
