using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace SafeShare.Tests.Log;

/// <summary>
/// Files that are not decision logs, and places a log cannot be written, give one clear error — and
/// nothing already in a file is changed or lost.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_missing_file_cannot_be_verified_or_read_but_is_created_by_the_first_append()
    {
        var path = _folder.File("missing.jsonl");
        var error = Assert.Throws<DecisionLogException>(() => JsonLinesDecisionLog.Verify(path));
        Assert.Equal($"There is no decision log at '{path}'.", error.Message);
        var log = new JsonLinesDecisionLog(path);
        Assert.Equal(error.Message, Assert.Throws<DecisionLogException>(() => log.ReadAll().ToList()).Message);

        log.Append(LogFiles.Decision("CS-1"));
        Assert.True(log.Verify().IsIntact);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var path = Path.Combine(_folder.Path, "no-such-folder", "decisions.jsonl");
        var error = Assert.Throws<DecisionLogException>(() => new JsonLinesDecisionLog(path).Append(LogFiles.Decision("CS-1")));
        Assert.Contains("does not exist", error.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void A_folder_is_not_a_log()
    {
        var error = Assert.Throws<DecisionLogException>(() => JsonLinesDecisionLog.Verify(_folder.Path));
        Assert.Contains("is a folder, not a decision log file", error.Message);
        Assert.Throws<DecisionLogException>(() => new JsonLinesDecisionLog(_folder.Path).Append(LogFiles.Decision("CS-1")));
    }

    [Fact]
    public void An_empty_file_is_an_empty_log_and_takes_appends()
    {
        var path = _folder.File("empty.jsonl");
        File.WriteAllBytes(path, Array.Empty<byte>());
        var result = JsonLinesDecisionLog.Verify(path);
        Assert.True(result.IsIntact);
        Assert.Equal(0, result.Records);
        Assert.Equal(JsonLinesDecisionLog.Genesis, result.HeadHash);

        var log = new JsonLinesDecisionLog(path);
        Assert.Empty(log.ReadAll());
        log.Append(LogFiles.Decision("CS-1"));
        Assert.Single(log.ReadAll());
    }

    [Theory]
    [InlineData("not-json", "line 1 is not JSON")]
    [InlineData("json-not-ours", "line 1 has no format version")]
    [InlineData("utf16", "line 1 is not UTF-8 text (it starts with a UTF-16 byte-order mark")]
    [InlineData("latin1", "line 1 is not UTF-8 text")]
    [InlineData("huge", "line 1 is longer than 1048576 bytes")]
    public void A_file_that_is_not_a_log_is_named_and_left_untouched(string kind, string problem)
    {
        var path = _folder.File(kind + ".jsonl");
        var content = kind switch
        {
            "not-json" => Encoding.UTF8.GetBytes("Referral received 05/02/2024; strategy discussion held\n"),
            "json-not-ours" => Encoding.UTF8.GetBytes("{\"case\":\"CS-1\",\"shared\":true}\n"),
            "utf16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"v\":1}\n")).ToArray(),
            "latin1" => Encoding.Latin1.GetBytes("{\"v\":1,\"decidedBy\":\"Zoë Brontë\"}\n"),
            _ => Encoding.UTF8.GetBytes("{\"v\":1,\"reasons\":\"" + new string('x', 2 * 1024 * 1024) + "\"}\n"),
        };
        File.WriteAllBytes(path, content);

        var result = JsonLinesDecisionLog.Verify(path);
        Assert.False(result.IsIntact);
        Assert.Equal(1, result.FirstBadLine);
        Assert.StartsWith(problem, result.Problem);

        var log = new JsonLinesDecisionLog(path);
        var read = Assert.Throws<DecisionLogException>(() => log.ReadAll().ToList());
        Assert.Equal(1, read.LineNumber);

        var append = Assert.Throws<DecisionLogException>(() => log.Append(LogFiles.Decision("CS-1")));
        Assert.StartsWith($"Cannot append to '{path}': its last line", append.Message);
        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_bad_line_in_the_middle_stops_reading_at_that_line()
    {
        var path = _folder.File("decisions.jsonl");
        LogFiles.Written(path, 5);
        var lines = LogFiles.Lines(path);
        lines.Insert(3, LogFiles.Bytes("garbage\n"));
        LogFiles.WriteLines(path, lines);

        var error = Assert.Throws<DecisionLogException>(() => new JsonLinesDecisionLog(path).ReadAll().ToList());
        Assert.Equal(4, error.LineNumber);
        Assert.StartsWith($"Line 4 of '{path}' is not JSON", error.Message);
    }

    [Fact]
    public void A_lock_held_too_long_by_another_writer_is_a_clear_error_and_nothing_is_written()
    {
        var path = _folder.File("decisions.jsonl");
        LogFiles.Written(path, 2);
        var before = File.ReadAllBytes(path);
        using (new FileStream(path + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var log = new JsonLinesDecisionLog(path, TimeSpan.FromMilliseconds(300));
            var error = Assert.Throws<DecisionLogException>(() => log.Append(LogFiles.Decision("CS-3")));
            Assert.StartsWith($"The decision log '{path}' stayed locked by another writer for 0.3 s", error.Message);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".lock.waiting"));
    }

    [Fact]
    public void A_record_too_large_for_a_line_is_refused()
    {
        var path = _folder.File("decisions.jsonl");
        var log = LogFiles.Written(path, 1);
        var before = File.ReadAllBytes(path);
        var huge = new DecisionRecord { SubjectReference = "CS-1", Reasons = new string('r', 2 * 1024 * 1024) };
        var error = Assert.Throws<DecisionLogException>(() => log.Append(huge));
        Assert.Contains("a decision-log line holds at most", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_read_only_folder_gives_a_clear_error_and_keeps_what_was_written()
    {
        var folder = Path.Combine(_folder.Path, "read-only");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "decisions.jsonl");
        LogFiles.Written(path, 3);
        File.Delete(path + ".lock");
        var before = File.ReadAllBytes(path);

        using (ReadOnly(folder))
        {
            var log = new JsonLinesDecisionLog(path);
            var error = Assert.Throws<DecisionLogException>(() => log.Append(LogFiles.Decision("CS-4")));
            Assert.StartsWith($"Cannot write to the decision log '{path}':", error.Message);
            Assert.DoesNotContain("\n", error.Message);

            // What is there can still be verified and read.
            Assert.True(JsonLinesDecisionLog.Verify(path).IsIntact);
            Assert.Equal(3, log.ReadAll().Count());
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    /// <summary>
    /// Makes a folder read-only. chmod does not stop root (CI runs as root here), so where it is
    /// available the folder is also made immutable, which does.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static IDisposable ReadOnly(string folder)
    {
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var immutable = false;
        if (CanWrite(folder))
        {
            immutable = Run("chattr", "+i", folder) == 0;
            Assert.True(immutable && !CanWrite(folder), "cannot make a folder read-only for this user (root without chattr)");
        }

        return new Restore(() =>
        {
            if (immutable)
            {
                Run("chattr", "-i", folder);
            }

            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        });
    }

    private static bool CanWrite(string folder)
    {
        try
        {
            var probe = Path.Combine(folder, "probe");
            File.WriteAllText(probe, "x");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int Run(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit(10_000);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
