using System;
using System.IO;
using System.Linq;

namespace SafeShare.Tests.Log;

/// <summary>
/// Every way of changing a written log is caught by Verify, which names the first line at fault —
/// the line a reviewer should look at — and says what happened to it.
/// </summary>
public sealed class TamperTests : IDisposable
{
    private const int Count = 10;
    private readonly TempFolder _folder = new();
    private readonly string _path;

    public TamperTests()
    {
        _path = _folder.File("decisions.jsonl");
        LogFiles.Written(_path, Count);
    }

    public void Dispose() => _folder.Dispose();

    private DecisionLogVerification Verify()
    {
        var result = JsonLinesDecisionLog.Verify(_path);
        Assert.False(result.IsIntact, "tampering was not detected");
        return result;
    }

    [Fact]
    public void An_untouched_log_is_intact()
    {
        var result = JsonLinesDecisionLog.Verify(_path);
        Assert.True(result.IsIntact, result.ToString());
        Assert.Equal(Count, result.Records);
        Assert.Null(result.FirstBadLine);
        Assert.Contains("intact, 10 record(s)", result.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(10)]
    public void Editing_one_byte_of_a_value_names_the_line(int line)
    {
        var lines = LogFiles.Lines(_path);
        var at = LogFiles.Text(lines[line - 1]).IndexOf("\"CS-" + line + "\"", StringComparison.Ordinal) + 2;
        lines[line - 1][at] = (byte)'X'; // "CS-4" becomes "CX-4": another child's case
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(line, result.FirstBadLine);
        Assert.Contains($"line {line} was altered", result.Problem);
        Assert.Equal(line - 1, result.Records);
    }

    [Fact]
    public void Editing_a_byte_that_breaks_the_json_names_the_line()
    {
        var bytes = File.ReadAllBytes(_path);
        var lines = LogFiles.Lines(_path);
        var offset = lines.Take(6).Sum(l => l.Length) + 1; // the '"' of "v" on line 7
        bytes[offset] = (byte)'x';
        File.WriteAllBytes(_path, bytes);

        var result = Verify();
        Assert.Equal(7, result.FirstBadLine);
        Assert.Contains("line 7 was altered", result.Problem);
    }

    [Fact]
    public void Editing_a_line_and_resealing_it_names_the_next_line()
    {
        // Someone who knows the format recomputes line 3's hash; line 4 no longer follows on from it.
        var forged = _folder.File("forged.jsonl");
        var lines = LogFiles.Lines(_path);
        LogFiles.WriteLines(forged, lines.Take(2));
        new JsonLinesDecisionLog(forged).Append(LogFiles.Decision("CS-3", 3));
        lines[2] = LogFiles.Lines(forged)[2];
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(4, result.FirstBadLine);
        Assert.Contains("line 4 does not follow on from line 3", result.Problem);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Deleting_a_line_names_where_it_was(int line)
    {
        var lines = LogFiles.Lines(_path);
        lines.RemoveAt(line - 1);
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(line, result.FirstBadLine);
        Assert.Contains($"a line is missing before line {line}: record {line} was deleted", result.Problem);
    }

    [Fact]
    public void Deleting_several_lines_names_where_they_were()
    {
        var lines = LogFiles.Lines(_path);
        lines.RemoveRange(3, 3);
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(4, result.FirstBadLine);
        Assert.Contains("records 4 to 6 were deleted", result.Problem);
    }

    [Fact]
    public void Deleting_the_last_lines_is_caught_by_the_acknowledged_head()
    {
        var lines = LogFiles.Lines(_path);
        LogFiles.WriteLines(_path, lines.Take(8));

        var result = Verify();
        Assert.Equal(9, result.FirstBadLine);
        Assert.Contains("writers acknowledged records up to 10", result.Problem);
        Assert.Contains("cut off its end", result.Problem);
    }

    [Fact]
    public void Swapping_two_lines_names_the_first_out_of_order()
    {
        var lines = LogFiles.Lines(_path);
        (lines[4], lines[5]) = (lines[5], lines[4]);
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(5, result.FirstBadLine);
        Assert.Contains("line 5 is out of order: it holds record 6, but record 5 comes after it, at line 6", result.Problem);
    }

    [Fact]
    public void Moving_a_line_back_names_it()
    {
        var lines = LogFiles.Lines(_path);
        var moved = lines[1];
        lines.RemoveAt(1);
        lines.Insert(7, moved);
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(2, result.FirstBadLine);
        Assert.Contains("out of order", result.Problem);
    }

    [Fact]
    public void Inserting_a_forged_line_that_chains_correctly_names_it()
    {
        // A well-formed line, sealed and chained to line 4 — written by the real writer on a copy.
        var forged = _folder.File("forged.jsonl");
        var lines = LogFiles.Lines(_path);
        LogFiles.WriteLines(forged, lines.Take(4));
        new JsonLinesDecisionLog(forged).Append(LogFiles.Decision("CS-FORGED", 99));
        lines.Insert(4, LogFiles.Lines(forged)[4]);
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(5, result.FirstBadLine);
        Assert.Contains("line 5 was inserted", result.Problem);
    }

    [Fact]
    public void Inserting_a_hand_written_line_names_it()
    {
        var lines = LogFiles.Lines(_path);
        var copy = LogFiles.Text(lines[2]).Replace("CS-3", "CS-HAND");
        lines.Insert(6, LogFiles.Bytes(copy));
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(7, result.FirstBadLine);
        Assert.Contains("line 7 was altered", result.Problem);
    }

    [Fact]
    public void Inserting_a_copy_of_an_earlier_line_names_it()
    {
        var lines = LogFiles.Lines(_path);
        lines.Insert(6, lines[1]);
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(7, result.FirstBadLine);
        Assert.Contains("line 7 is out of order or repeated: it holds record 2", result.Problem);
    }

    [Fact]
    public void Duplicating_a_line_names_the_copy()
    {
        var lines = LogFiles.Lines(_path);
        lines.Insert(3, lines[2]);
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(4, result.FirstBadLine);
        Assert.Contains("line 4 repeats line 3", result.Problem);
    }

    [Fact]
    public void Inserting_a_blank_line_names_it()
    {
        var lines = LogFiles.Lines(_path);
        lines.Insert(2, LogFiles.Bytes("\n"));
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(3, result.FirstBadLine);
        Assert.Contains("line 3 is empty", result.Problem);
    }

    [Fact]
    public void Rewriting_the_whole_chain_from_a_line_is_caught_by_the_acknowledged_head()
    {
        // Every line from 6 on replaced by a freshly sealed chain: internally consistent, but the
        // writers' acknowledged head (record 10) no longer matches.
        var forged = _folder.File("forged.jsonl");
        var lines = LogFiles.Lines(_path);
        LogFiles.WriteLines(forged, lines.Take(5));
        var log = new JsonLinesDecisionLog(forged);
        for (var i = 6; i <= Count; i++)
        {
            log.Append(LogFiles.Decision("CS-REWRITTEN-" + i, i));
        }

        File.Copy(forged, _path, overwrite: true);

        var result = Verify();
        Assert.Equal(10, result.FirstBadLine);
        Assert.Contains("differs from the record last acknowledged", result.Problem);
    }

    [Fact]
    public void A_torn_last_line_is_named()
    {
        var lines = LogFiles.Lines(_path);
        lines[^1] = lines[^1].Take(40).ToArray();
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(10, result.FirstBadLine);
        Assert.Contains("line 10 is torn", result.Problem);
    }

    [Fact]
    public void Windows_line_endings_are_named()
    {
        var lines = LogFiles.Lines(_path);
        lines[0] = LogFiles.Bytes(LogFiles.Text(lines[0]).Replace("\n", "\r\n"));
        LogFiles.WriteLines(_path, lines);

        var result = Verify();
        Assert.Equal(1, result.FirstBadLine);
    }
}
