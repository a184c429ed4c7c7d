using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SafeShare.Cli.Tests.Browser;
using Xunit.Abstractions;

namespace SafeShare.Cli.Tests;

/// <summary>
/// <c>safeshare report --log</c>: the decisions a log recorded, summarised beside the record, with the log's
/// verification at the top; a log that is not intact still gives the report, saying so, with exit code 1.
/// </summary>
public sealed class BoardPackLogTests : IClassFixture<SampleLogFixture>, IDisposable
{
    private const string Police = "PoliceReferrals.ReferForStrategyDiscussion";
    private const string School = "SchoolReferrals.ReferToFrontDoor";
    private const string Retired = "Retired.OldShare";

    private readonly SampleLogFixture _sample;
    private readonly ITestOutputHelper _output;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "safeshare-board-pack-log-" + Guid.NewGuid().ToString("N"));

    public BoardPackLogTests(SampleLogFixture sample, ITestOutputHelper output)
    {
        _sample = sample;
        _output = output;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A log of decisions over three months, some without reasons, some disclosures sent unencrypted; and what was written.</summary>
    private (string Path, List<DecisionRecord> Decisions, List<DisclosureRecord> Disclosures) WriteLog()
    {
        var path = Path.Combine(_folder, "decisions.jsonl");
        var log = new JsonLinesDecisionLog(path);
        var decisions = new List<DecisionRecord>();
        var disclosures = new List<DisclosureRecord>();
        var consents = new[] { Consent.NotSought("would place the child at risk"), Consent.NotRequired(), Consent.RefusedAndOverridden("risk of significant harm"), Consent.Obtained("Parent", new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)) };
        var plan = new (string Share, int Month, DecisionOutcome Outcome, bool Reasons)[]
        {
            (Police, 9, DecisionOutcome.Shared, true), (Police, 10, DecisionOutcome.Shared, false), (Police, 10, DecisionOutcome.NotShared, true),
            (School, 10, DecisionOutcome.Shared, true), (School, 11, DecisionOutcome.Shared, false), (School, 11, DecisionOutcome.Shared, true),
            (Retired, 9, DecisionOutcome.NotShared, false),
        };
        for (var i = 0; i < plan.Length; i++)
        {
            var (share, month, outcome, reasons) = plan[i];
            var decision = new DecisionRecord
            {
                DecidedAt = new DateTimeOffset(2026, month, 3 + i, 10, 0, 0, TimeSpan.Zero),
                DecidedBy = "A. Patel, Team Manager",
                SubjectReference = $"CS-2026-{i:D5}",
                Outcome = outcome,
                Share = share,
                Recipient = share == School ? "Children's Social Care – Front Door" : "Police",
                Purpose = "Safeguarding",
                LawfulBasis = LawfulBasis.PublicTask,
                Gateway = "Children Act 1989 s47",
                Consent = consents[i % consents.Length],
                Risk = RiskLevel.Medium,
                Reasons = reasons ? "Reasonable cause to suspect significant harm." : null,
            };
            log.Append(decision);
            decisions.Add(decision);
            if (outcome == DecisionOutcome.Shared)
            {
                var disclosure = new DisclosureRecord
                {
                    DecisionId = decision.Id,
                    SubjectReference = decision.SubjectReference,
                    SentAt = decision.DecidedAt.AddMinutes(5),
                    Recipient = decision.Recipient,
                    FieldsSent = new[] { "ChildName" },
                    Channel = i % 2 == 0 ? "Egress secure email" : "Email <plain>",
                    Encrypted = i % 2 == 0,
                    Outcome = DisclosureOutcome.Delivered,
                };
                log.Append(disclosure);
                disclosures.Add(disclosure);
            }
        }

        return (path, decisions, disclosures);
    }

    [Fact]
    public async Task The_log_view_counts_what_was_recorded_and_shows_the_verified_head_at_the_top()
    {
        var (log, decisions, disclosures) = WriteLog();
        var verify = Tool.InProcess("verify", log);
        Assert.Equal(0, verify.ExitCode);
        var head = verify.Output.Trim().Split(' ').Last();

        var result = Tool.InProcess("report", Tool.SampleDll, "--log", log, "--format", "html", "--out", _folder, "--date", "2026-12-01");
        Assert.True(result.ExitCode == 0, result.ToString());
        var html = Path.Combine(_folder, "board-pack.html");
        var raw = File.ReadAllText(html);
        Assert.Contains($"Decision log verified: intact.</strong> {log}: {decisions.Count + disclosures.Count} record(s)", raw);
        Assert.Contains(head, raw);
        Assert.True(raw.IndexOf(head, StringComparison.Ordinal) < raw.IndexOf("id=\"map\"", StringComparison.Ordinal), "the verification is at the top");
        Assert.Contains("Email &lt;plain&gt;", raw);

        var view = await BoardPackPage.CheckAsync(html, BoardPackPage.Expected(Tool.SampleDll), "board-pack-with-log", _output);

        var charts = view.GetProperty("charts").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("bars").EnumerateArray().Select(b => (b[0].GetString()!, b[1].GetInt32(), b[2].GetInt32())).ToArray());
        var shares = new[] { "ConferenceReports.ShareHouseholdRisk", "HealthToMash.ShareHealthSummary", Police, School, Retired };
        Assert.Equal(shares.Select(s => (s, decisions.Count(d => d.Share == s && d.Outcome == DecisionOutcome.Shared), decisions.Count(d => d.Share == s && d.Outcome == DecisionOutcome.NotShared))), charts["chart-shares"]);
        Assert.Equal(new[] { "2026-09", "2026-10", "2026-11" }.Select(m => (m, decisions.Count(d => d.DecidedAt.ToString("yyyy-MM") == m && d.Outcome == DecisionOutcome.Shared), decisions.Count(d => d.DecidedAt.ToString("yyyy-MM") == m && d.Outcome == DecisionOutcome.NotShared))), charts["chart-months"]);
        Assert.Equal(decisions.Count, charts["chart-consent"].Sum(b => b.Item2));
        Assert.Equal(decisions.Count(d => d.Consent.Status == ConsentStatus.NotSought), charts["chart-consent"].Single(b => b.Item1 == "not sought").Item2);

        var text = view.GetProperty("text").GetString()!;
        Assert.Contains($"{disclosures.Count(d => !d.Encrypted)} disclosure(s) not encrypted in transit", text);
        Assert.Contains($"{decisions.Count(d => d.Reasons is null)} decision(s) recorded without reasons", text);
        Assert.Contains("Shares in the log that no assembly declares: " + Retired, text);
    }

    [Fact]
    public void Markdown_and_json_carry_the_same_summary()
    {
        var (log, decisions, _) = WriteLog();
        var md = Tool.InProcess("report", Tool.SampleDll, "--log", log);
        Assert.True(md.ExitCode == 0, md.ToString());
        var summary = md.Output.Substring(md.Output.IndexOf("# Decisions recorded in the log: ", StringComparison.Ordinal));
        Assert.Contains("**Verified: intact.**", summary);
        Assert.Contains($"| `{Police}` | 2 | 1 | 3 |", summary);
        Assert.Contains("| 2026-10 | 2 | 1 | 3 |", summary);
        Assert.Contains($"| `{School}` | 1 | ", summary); // one School decision without reasons

        var json = Tool.InProcess("report", Tool.SampleDll, "--log", log, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement.GetProperty("log");
        Assert.True(root.GetProperty("intact").GetBoolean());
        Assert.Equal(decisions.Count, root.GetProperty("decisions").GetInt32());

        using var without = JsonDocument.Parse(Tool.InProcess("report", Tool.SampleDll, "--format", "json").Output);
        Assert.False(without.RootElement.TryGetProperty("log", out _));
        Assert.False(without.RootElement.TryGetProperty("map", out _));
    }

    [Fact]
    public void A_log_that_is_not_intact_still_gives_the_report_saying_so_first_with_exit_code_1()
    {
        var path = _sample.Copy("edited-for-report.jsonl");
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.UTF8.GetString(bytes);
        var line3 = text.IndexOf('\n', text.IndexOf('\n') + 1) + 1;
        bytes[text.IndexOf("\"risk\":\"", line3, StringComparison.Ordinal) + 8] = (byte)'L';
        File.WriteAllBytes(path, bytes);

        var result = Tool.InProcess("report", Tool.SampleDll, "--log", path, "--format", "html", "--out", _folder);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("safeshare: warning: the decision log is not intact: NOT INTACT at line 3 (", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        var raw = File.ReadAllText(Path.Combine(_folder, "board-pack.html"));
        var alert = raw.IndexOf("<div class=\"verification not-intact\" role=\"alert\">", StringComparison.Ordinal);
        Assert.True(alert > 0 && alert < raw.IndexOf("id=\"map\"", StringComparison.Ordinal), "the failure is stated before anything else");
        Assert.Contains("Decision log NOT INTACT.</strong>", raw);
        Assert.Contains("line 3 was altered", raw);

        var md = Tool.InProcess("report", Tool.SampleDll, "--log", path);
        Assert.Equal(1, md.ExitCode);
        Assert.Contains("**NOT INTACT.** NOT INTACT at line 3", md.Output);
    }

    [Fact]
    public void A_line_that_cannot_be_read_ends_the_summary_there_and_says_so()
    {
        var path = _sample.Copy("garbled-for-report.jsonl");
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(4, "this is not a decision-log line");
        File.WriteAllLines(path, lines);

        var result = Tool.InProcess("report", Tool.SampleDll, "--log", path);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("reading stopped there: Line 5 of", result.Output);
        Assert.Contains("only the 4 record(s) before it are counted.", result.Output);
    }

    [Fact]
    public void The_documented_commands_run_on_the_sample()
    {
        var root = BoardPackPage.RepoRoot();
        Assert.True(root is not null, "The tests do not run from a clone of the repository.");
        var commands = File.ReadAllLines(Path.Combine(root, "docs", "board-pack.md")).Where(l => l.StartsWith("safeshare report ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, commands.Length);
        foreach (var command in commands.Where(c => !c.Contains("--postgres", StringComparison.Ordinal)))
        {
            // The page's placeholders, replaced by the sample's assembly and log and a scratch folder.
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(a => a switch { "publish/" => Tool.SampleDll, "decision-log.jsonl" => _sample.LogPath, "board-pack/" => _folder, _ => a })
                .ToArray();
            var result = Tool.InProcess(args);
            Assert.True(result.ExitCode == 0, command + "\n" + result);
            Assert.True(File.Exists(Path.Combine(_folder, "board-pack.html")), command);
        }
    }

    [Fact]
    public void Log_arguments_are_checked_like_the_other_commands()
    {
        var missing = Tool.InProcess("report", Tool.SampleDll, "--log", "/no/such/log.jsonl");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("safeshare: There is no decision log at '/no/such/log.jsonl'.", missing.Error.Trim());

        var both = Tool.InProcess("report", Tool.SampleDll, "--log", _sample.LogPath, "--postgres", "Host=localhost;Database=x;Username=y");
        Assert.Equal(2, both.ExitCode);
        Assert.Equal("safeshare: Give either a log file or --postgres, not both.", both.Error.Trim());
    }
}
