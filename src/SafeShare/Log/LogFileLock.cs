using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;

namespace SafeShare;

/// <summary>
/// The cross-process lock of a decision log: <c>&lt;log&gt;.lock</c> opened with
/// <see cref="FileShare.None"/>. On Windows that is a mandatory share lock; on Linux and macOS .NET
/// takes an exclusive <c>flock</c> for it, which every SafeShare writer honours (locks there are
/// advisory: a program that ignores them is not stopped, but the chain shows what it did). The
/// kernel releases the lock when a holder dies, so a crashed writer never blocks the others.
/// While held, the file also records the last acknowledged sequence number and hash (the head), so
/// <c>Verify</c> can tell that lines were cut off the end of the log.
/// </summary>
internal sealed class LogFileLock : IDisposable
{
    private const string HeadPrefix = "safeshare-head/1 seq=";
    private static readonly TimeSpan AnnounceAfter = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MarkerFresh = TimeSpan.FromMilliseconds(500);

    private readonly FileStream _stream;

    private LogFileLock(FileStream stream) => _stream = stream;

    public static string LockPath(string logPath) => logPath + ".lock";

    private static string WaitingPath(string logPath) => logPath + ".lock.waiting";

    /// <summary>Takes the lock, waiting up to <paramref name="timeout"/>; creates the lock file if needed.</summary>
    public static LogFileLock Acquire(string logPath, TimeSpan timeout, bool forWriting)
    {
        var lockPath = LockPath(logPath);
        var waitingPath = WaitingPath(logPath);
        var clock = Stopwatch.StartNew();
        var announced = false;
        var lastAnnounce = TimeSpan.Zero;
        var attempts = 0;
        while (true)
        {
            try
            {
                var stream = forWriting
                    ? new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1)
                    : new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.None, 1);
                if (announced)
                {
                    TryDelete(waitingPath);
                }

                return new LogFileLock(stream);
            }
            catch (IOException e) when (IsLockedByOther(e))
            {
                attempts++;
                var elapsed = clock.Elapsed;
                if (elapsed >= timeout)
                {
                    if (announced)
                    {
                        TryDelete(waitingPath);
                    }

                    throw new DecisionLogException(
                        logPath,
                        forWriting
                            ? $"The decision log '{logPath}' stayed locked by another writer for {timeout.TotalSeconds:0.#} s ({lockPath}); nothing was written."
                            : $"The decision log '{logPath}' stayed locked by a writer for {timeout.TotalSeconds:0.#} s ({lockPath}); try again when it is idle.",
                        null,
                        e);
                }

                // Another process is committing. Say so (a marker file the holder's next leader sees and
                // briefly steps aside for), so a busy process cannot keep this one out by winning every race.
                if (forWriting && elapsed >= AnnounceAfter && elapsed - lastAnnounce >= TimeSpan.FromMilliseconds(100))
                {
                    announced = Touch(waitingPath) || announced;
                    lastAnnounce = elapsed;
                }

                if (attempts < 20)
                {
                    Thread.Yield();
                }
                else
                {
                    Thread.Sleep(1);
                }
            }
        }
    }

    /// <summary>
    /// Called by a leader before it competes for the lock again: if another process has announced it is
    /// waiting (recently), step aside for a moment so it gets a turn.
    /// </summary>
    public static void GiveWay(string logPath)
    {
        var waitingPath = WaitingPath(logPath);
        try
        {
            if (File.Exists(waitingPath) && DateTime.UtcNow - File.GetLastWriteTimeUtc(waitingPath) < MarkerFresh)
            {
                Thread.Sleep(2);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Records the last acknowledged sequence and hash (no flush: the log itself is the evidence).</summary>
    public void WriteHead(long sequence, string hash)
    {
        var text = Encoding.ASCII.GetBytes(HeadPrefix + sequence.ToString("D20", CultureInfo.InvariantCulture) + " hash=" + hash + "\n");
        _stream.Position = 0;
        _stream.Write(text, 0, text.Length);
        if (_stream.Length > text.Length)
        {
            _stream.SetLength(text.Length);
        }

        _stream.Flush();
    }

    /// <summary>The head recorded by the last writer, if the file holds one.</summary>
    public (long Sequence, string Hash)? ReadHead()
    {
        var buffer = new byte[128];
        _stream.Position = 0;
        var read = _stream.Read(buffer, 0, buffer.Length);
        var text = Encoding.ASCII.GetString(buffer, 0, read).TrimEnd('\n');
        var parts = text.Split(' ');
        if (parts.Length == 3 && text.StartsWith(HeadPrefix, StringComparison.Ordinal) && parts[2].StartsWith("hash=", StringComparison.Ordinal)
            && long.TryParse(parts[1].Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && LogLineFormat.IsHash(parts[2].Substring(5)))
        {
            return (sequence, parts[2].Substring(5));
        }

        return null;
    }

    public void Dispose() => _stream.Dispose();

    private static bool IsLockedByOther(IOException e) =>
        e.GetType() == typeof(IOException) && (e.HResult & 0xFFFF) switch
        {
            11 => true,     // EAGAIN / EWOULDBLOCK (Linux): flock held by another open file
            35 => true,     // EAGAIN / EWOULDBLOCK (macOS)
            0x20 => true,   // ERROR_SHARING_VIOLATION (Windows)
            0x21 => true,   // ERROR_LOCK_VIOLATION (Windows)
            _ => false,
        };

    private static bool Touch(string path)
    {
        try
        {
            File.WriteAllBytes(path, Array.Empty<byte>());
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
