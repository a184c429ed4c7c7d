using System.IO;
using System.Linq;
using System.Text;

namespace SafeShare.Cli.Tests;

/// <summary><c>safeshare verify</c> on the log the sample wrote: intact, then tampered with in every way.</summary>
public sealed class VerifyTests(SampleLogFixture sample) : IClassFixture<SampleLogFixture>
{
    [Fact]
    public void The_sample_writes_its_decisions_to_the_log_and_still_prints_them()
    {
        Assert.True(sample.Run.ExitCode == 0, sample.Run.ToString());
        Assert.Contains("Decision log: 4 decisions, 3 disclosures", sample.Run.Output);
        Assert.Contains($"Decision log {sample.LogPath}: 7 records, intact", sample.Run.Output);
        Assert.Equal(7, File.ReadAllLines(sample.LogPath).Length);
    }

    [Fact]
    public void An_untouched_log_verifies_with_exit_code_0()
    {
        var result = Tool.Process("verify", sample.LogPath);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("intact: 7 record(s); head 7 ", result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void An_edited_byte_fails_with_exit_code_1_and_names_the_line()
    {
        var path = sample.Copy("edited.jsonl");
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.UTF8.GetString(bytes);
        var lineStart = Nth(text, '\n', 2) + 1; // line 3
        var at = text.IndexOf("\"risk\":\"", lineStart, System.StringComparison.Ordinal) + 8;
        bytes[at] = (byte)'L'; // "Medium" -> "Ledium"
        File.WriteAllBytes(path, bytes);

        var result = Tool.Process("verify", path);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("NOT INTACT at line 3 (", result.Output);
        Assert.Contains("verify): line 3 was altered", result.Output);
        Assert.Single(result.Output.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_deleted_line_is_named()
    {
        var path = sample.Copy("deleted.jsonl");
        var lines = File.ReadAllLines(path).ToList();
        lines.RemoveAt(3);
        File.WriteAllLines(path, lines);
        var result = Tool.InProcess("verify", path);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("NOT INTACT at line 4 (", result.Output);
        Assert.Contains("verify): a line is missing before line 4", result.Output);
    }

    [Fact]
    public void Reordered_lines_are_named()
    {
        var path = sample.Copy("reordered.jsonl");
        var lines = File.ReadAllLines(path);
        (lines[1], lines[2]) = (lines[2], lines[1]);
        File.WriteAllLines(path, lines);
        var result = Tool.InProcess("verify", path);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("NOT INTACT at line 2 (", result.Output);
        Assert.Contains("verify): line 2 is out of order", result.Output);
    }

    [Fact]
    public void An_inserted_line_is_named()
    {
        var path = sample.Copy("inserted.jsonl");
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(5, lines[0].Replace("CS-2024-00417", "CS-2024-00999"));
        File.WriteAllLines(path, lines);
        var result = Tool.InProcess("verify", path);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("NOT INTACT at line 6 (", result.Output);
        Assert.Contains("verify): line 6 was altered", result.Output);
    }

    [Fact]
    public void A_line_cut_off_the_end_is_caught_when_the_lock_file_is_beside_the_log()
    {
        var path = sample.Copy("cut.jsonl");
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines.Take(6));
        var result = Tool.InProcess("verify", path);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("NOT INTACT at line 7 (", result.Output);
        Assert.Contains("verify): the log ends after record 6, but writers acknowledged records up to 7", result.Output);
    }

    [Fact]
    public void A_torn_last_line_is_named()
    {
        var path = sample.Copy("torn.jsonl");
        File.AppendAllText(path, "{\"v\":1,\"seq\":8,\"prev\":\"");
        var result = Tool.InProcess("verify", path);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("NOT INTACT at line 8 (", result.Output);
        Assert.Contains("verify): line 8 is torn", result.Output);
    }

    [Fact]
    public void Recover_moves_a_torn_last_line_aside_and_the_log_verifies_again()
    {
        var path = sample.Copy("recover.jsonl");
        var whole = File.ReadAllBytes(path);
        File.AppendAllText(path, "{\"v\":1,\"seq\":8,\"prev\":\"");
        var result = Tool.Process("recover", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("moved a torn last line (23 bytes) to " + path + ".torn-", result.Output);
        Assert.Equal(whole, File.ReadAllBytes(path));
        Assert.Equal(0, Tool.InProcess("verify", path).ExitCode);
        Assert.Equal("nothing to recover: the last line is whole", Tool.InProcess("recover", path).Output.Trim());
    }

    [Fact]
    public void Recover_leaves_a_file_that_is_not_a_log_alone()
    {
        var path = sample.Copy("not-a-log.jsonl", withLockFile: false);
        File.WriteAllText(path, "case notes\nmore");
        var result = Tool.InProcess("recover", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is incomplete and is not the start of a decision-log line", result.Error);
        Assert.Equal("case notes\nmore", File.ReadAllText(path));
    }

    private static int Nth(string text, char c, int n)
    {
        var at = -1;
        for (var i = 0; i < n; i++)
        {
            at = text.IndexOf(c, at + 1);
        }

        return at;
    }
}
