using System.IO;
using System.Linq;

namespace SafeShare.Cli.Tests;

/// <summary>Every command has help; every error is one line and a non-zero exit code, never a stack trace.</summary>
public sealed class ErrorTests(SampleLogFixture sample) : IClassFixture<SampleLogFixture>
{
    [Theory]
    [InlineData("--help")]
    [InlineData("verify", "--help")]
    [InlineData("query", "--help")]
    [InlineData("report", "--help")]
    [InlineData("report", "-h")]
    [InlineData("recover", "--help")]
    public void Every_command_has_help(params string[] args)
    {
        var result = Tool.InProcess(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
        Assert.Contains("safeshare", result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    public static TheoryData<string[], string> Errors()
    {
        var folder = Path.Combine(Path.GetTempPath(), "safeshare-cli-errors");
        Directory.CreateDirectory(folder);
        var text = Path.Combine(folder, "notes.txt");
        File.WriteAllText(text, "not an assembly\n");
        var empty = Path.Combine(folder, "empty.jsonl");
        File.WriteAllText(empty, string.Empty);
        var runtime = typeof(JsonLinesDecisionLog).Assembly.Location; // a .NET assembly with no inventory
        return new TheoryData<string[], string>
        {
            { new string[0], "safeshare: Required command was not provided." },
            { new[] { "frobnicate" }, "safeshare: " },
            { new[] { "verify" }, "safeshare: Give the decision log file, or --postgres <connection> for a log in PostgreSQL." },
            { new[] { "verify", "/no/such/log.jsonl" }, "safeshare: There is no decision log at '/no/such/log.jsonl'." },
            { new[] { "verify", folder }, "is a folder, not a decision log file" },
            { new[] { "query", "/no/such/log.jsonl", "--subject", "CS-1" }, "safeshare: There is no decision log at" },
            { new[] { "query", empty }, "safeshare: Option '--subject' is required." },
            { new[] { "query", empty, "--subject", "CS-1", "--from", "yesterday" }, "safeshare: --from 'yesterday' is not a date" },
            { new[] { "query", empty, "--subject", "CS-1", "--from", "2026-02-01", "--to", "2026-01-01" }, "safeshare: --from is after --to." },
            { new[] { "query", empty, "--subject", "CS-1", "--format", "xml" }, "safeshare: Argument 'xml' not recognized." },
            { new[] { "query", text, "--subject", "CS-1" }, "safeshare: Line 1 of" },
            { new[] { "recover", "/no/such/log.jsonl" }, "safeshare: There is no decision log at '/no/such/log.jsonl'." },
            { new[] { "report", "/no/such.dll" }, "safeshare: There is no assembly at '/no/such.dll'." },
            { new[] { "report", text }, "is not a .NET assembly" },
            { new[] { "report", runtime }, "holds no SafeShare data inventory" },
            { new[] { "report", runtime, "--format", "pdf" }, "safeshare: Argument 'pdf' not recognized." },
            { new[] { "report", runtime, "--date", "20/11/2026" }, "safeshare: --date '20/11/2026' is not a date" },
        };
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Errors_are_one_line_with_exit_code_2(string[] args, string message)
    {
        var result = Tool.InProcess(args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void A_real_process_prints_no_stack_trace_either()
    {
        var result = Tool.Process("report", Path.Combine(sample.Folder, "missing.dll"));
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Unhandled exception", result.Error);
    }
}
