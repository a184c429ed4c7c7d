using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Threading;

namespace SafeShare;

/// <summary>
/// The embedded decision log: an append-only JSON Lines file in which every line carries the SHA-256
/// of the line before it, so an edited, deleted, reordered or inserted line is found by
/// <see cref="Verify()"/>. An append returns only after its line has been flushed to the
/// disk. Many threads, and several processes, may append to the same file: the processes take turns
/// through an OS file lock (<c>&lt;log&gt;.lock</c>), and within a process concurrent appends are
/// written and flushed together (group commit), so throughput grows with the number of writers.
/// A last line torn by a crash is moved aside (never deleted) before the next append, or by
/// <see cref="Recover"/>; no acknowledged record is ever removed.
/// </summary>
/// <remarks>
/// Records hold case references and field names, never the values shared (golden rule 6 of the Sheffield schools guide). Line
/// format: <c>{"v":1,"seq":N,"prev":"…","kind":"decision"|"disclosure", …record…,"hash":"…"}</c>;
/// <c>hash</c> is the SHA-256 of the line's bytes before <c>,"hash":"</c>; the first line's
/// <c>prev</c> is <see cref="Genesis"/>.
/// </remarks>
public sealed class JsonLinesDecisionLog : IDecisionLog, IDecisionLogReader
{
    /// <summary>The <c>prev</c> of the first line: 64 zeros.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly object _gate = new();
    private readonly TimeSpan _lockTimeout;
    private List<Pending> _queue = new();
    private bool _committing;
    private bool _gathering;
    private HashSet<int> _previousBatchWriters = new();
    private int _expectedWriters = 1;
    private long _lastCommitTicks;

    // Leader-only state: what this instance last wrote. Valid while the file still has that length.
    private readonly SHA256 _sha = SHA256.Create();
    private long _knownLength = -1;
    private long _lastSequence;
    private string _lastHash = Genesis;

    /// <summary>Opens (lazily: the file is created by the first append) the log at <paramref name="path"/>.</summary>
    public JsonLinesDecisionLog(string path)
        : this(path, TimeSpan.FromSeconds(30))
    {
    }

    /// <summary>Opens the log at <paramref name="path"/>; an append waits up to <paramref name="lockTimeout"/> for other processes.</summary>
    public JsonLinesDecisionLog(string path, TimeSpan lockTimeout)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("Give the path of the decision log file.", nameof(path));
        }

        if (lockTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lockTimeout), lockTimeout, "The lock timeout must be positive.");
        }

        Path = System.IO.Path.GetFullPath(path);
        _lockTimeout = lockTimeout;
    }

    /// <summary>The full path of the log file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    /// <exception cref="DecisionLogException">The record could not be made durable; it is not in the log.</exception>
    public void Append(DecisionRecord decision)
    {
        if (decision is null)
        {
            throw new ArgumentNullException(nameof(decision));
        }

        Commit(LogLineFormat.Body(decision));
    }

    /// <inheritdoc/>
    /// <exception cref="DecisionLogException">The record could not be made durable; it is not in the log.</exception>
    public void Append(DisclosureRecord disclosure)
    {
        if (disclosure is null)
        {
            throw new ArgumentNullException(nameof(disclosure));
        }

        Commit(LogLineFormat.Body(disclosure));
    }

    /// <inheritdoc/>
    public IEnumerable<DecisionLogEntry> ReadAll() => Read(Path, null);

    /// <inheritdoc/>
    public IEnumerable<DecisionLogEntry> ReadSubject(string subjectReference)
    {
        if (subjectReference is null)
        {
            throw new ArgumentNullException(nameof(subjectReference));
        }

        return Read(Path, subjectReference);
    }

    /// <summary>Checks this log's chain; see <see cref="Verify(string)"/>.</summary>
    public DecisionLogVerification Verify() => LogVerifier.Verify(Path, _lockTimeout);

    /// <summary>
    /// Checks the chain of the log at <paramref name="path"/> line by line and names the first line
    /// that is torn, unreadable, altered, out of order, inserted or missing — or, using the head the
    /// writers record in <c>&lt;log&gt;.lock</c>, that lines were cut off its end.
    /// </summary>
    /// <exception cref="DecisionLogException">The file does not exist or cannot be read.</exception>
    public static DecisionLogVerification Verify(string path) => LogVerifier.Verify(System.IO.Path.GetFullPath(path), TimeSpan.FromSeconds(30));

    /// <summary>
    /// Repairs a log whose last line was torn by a crash: the incomplete line (never acknowledged: an
    /// append returns only after its whole line is on disk) is moved to
    /// <c>&lt;log&gt;.torn-&lt;time&gt;</c> and cut from the log. A whole, sealed last line that only lacks
    /// its line break gets it back instead. Appends do this themselves.
    /// </summary>
    public DecisionLogRecovery Recover()
    {
        lock (_gate)
        {
            while (_committing)
            {
                Monitor.Wait(_gate);
            }

            _committing = true;
        }

        try
        {
            RequireFolder();
            using var fileLock = LogFileLock.Acquire(Path, _lockTimeout, forWriting: true);
            using var log = OpenForWriting();
            var recovery = RemoveTornTail(log);
            _knownLength = -1;
            return recovery;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DecisionLogException(Path, $"Cannot repair the decision log '{Path}': {e.Message}", null, e);
        }
        finally
        {
            lock (_gate)
            {
                _committing = false;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void Commit(byte[] body)
    {
        if (body.Length > LogLineFormat.MaxLineBytes - 256)
        {
            throw new DecisionLogException(Path, $"The record is {body.Length} bytes; a decision-log line holds at most {LogLineFormat.MaxLineBytes - 256}. Records hold references and field names, not documents.");
        }

        var item = new Pending(body, Environment.CurrentManagedThreadId);
        lock (_gate)
        {
            _queue.Add(item);
            if (_gathering)
            {
                Monitor.PulseAll(_gate);
            }

            while (_committing && !item.Done)
            {
                Monitor.Wait(_gate);
            }

            if (!item.Done)
            {
                // This thread leads: it commits everything queued when it is ready to write.
                _committing = true;
            }
        }

        if (!item.Done)
        {
            Lead();
        }

        if (item.Error is { } error)
        {
            throw new DecisionLogException(Path, error.Message, error.LineNumber, error);
        }
    }

    private void Lead()
    {
        List<Pending>? batch = null;
        DecisionLogException? error = null;
        var clock = Stopwatch.StartNew();
        try
        {
            RequireFolder();
            LogFileLock.GiveWay(Path);
            using var fileLock = LogFileLock.Acquire(Path, _lockTimeout, forWriting: true);
            using var log = OpenForWriting();
            var length = PrepareTail(log);
            batch = TakeBatch();
            clock.Restart();
            var lines = new MemoryStream(batch.Count * 600);
            var sequence = _lastSequence;
            var hash = _lastHash;
            foreach (var pending in batch)
            {
                hash = LogLineFormat.Seal(lines, _sha, ++sequence, hash, pending.Body);
            }

            _knownLength = -1;
            log.Position = length;
            log.Write(lines.GetBuffer(), 0, (int)lines.Length);
            log.Flush(flushToDisk: true);
            _knownLength = length + lines.Length;
            _lastSequence = sequence;
            _lastHash = hash;
            try
            {
                fileLock.WriteHead(sequence, hash);
            }
            catch (IOException)
            {
                // The records are durable: a head not updated only means verify checks less of the end.
            }
        }
        catch (DecisionLogException e)
        {
            error = e;
        }
        catch (Exception e)
        {
            // Whatever went wrong, the batch's appends must not return as if their records were kept.
            _knownLength = -1;
            error = new DecisionLogException(Path, $"Cannot write to the decision log '{Path}': {e.Message}", null, e);
        }
        finally
        {
            lock (_gate)
            {
                if (batch is null)
                {
                    // Failed before taking a batch (e.g. the lock or the file could not be had): every
                    // waiting append would meet the same problem, so each is told now.
                    batch = _queue;
                    _queue = new List<Pending>();
                }

                foreach (var pending in batch)
                {
                    pending.Error = error;
                    pending.Done = true;
                }

                var writers = new HashSet<int>();
                foreach (var pending in batch)
                {
                    writers.Add(pending.ThreadId);
                }

                var expected = new HashSet<int>(writers);
                expected.UnionWith(_previousBatchWriters);
                _expectedWriters = expected.Count;
                _previousBatchWriters = writers;
                _lastCommitTicks = clock.ElapsedTicks;
                _committing = false;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>
    /// Takes the queued appends. When recent batches came from more threads than are queued now, waits
    /// briefly (at most as long as the last write and flush took, and never more than 2 ms) for the
    /// others: without this, busy writers split into two groups that take turns, and each flush
    /// carries only half of them. A single writer never waits.
    /// </summary>
    private List<Pending> TakeBatch()
    {
        lock (_gate)
        {
            if (_queue.Count < _expectedWriters)
            {
                var limit = Math.Min(_lastCommitTicks, Stopwatch.Frequency / 500);
                var waited = Stopwatch.StartNew();
                _gathering = true;
                while (_queue.Count < _expectedWriters && waited.ElapsedTicks < limit)
                {
                    if (limit - waited.ElapsedTicks >= Stopwatch.Frequency / 1000)
                    {
                        Monitor.Wait(_gate, 1); // an arriving append pulses
                    }
                    else
                    {
                        // Less than a millisecond left (below the timer's resolution): give the CPU to
                        // the writers that are about to append, then look again.
                        Monitor.Exit(_gate);
                        Thread.Yield();
                        Monitor.Enter(_gate);
                    }
                }

                _gathering = false;
            }

            var batch = _queue;
            _queue = new List<Pending>();
            return batch;
        }
    }

    private void RequireFolder()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            throw new DecisionLogException(Path, $"Cannot write to the decision log '{Path}': the folder '{directory}' does not exist.");
        }

        if (Directory.Exists(Path))
        {
            throw new DecisionLogException(Path, $"Cannot write to the decision log '{Path}': it is a folder, not a file.");
        }
    }

    private FileStream OpenForWriting()
    {
        return new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
    }

    /// <summary>
    /// Under the lock: finds the chain's head (from what this instance wrote last, or by reading the last
    /// line when another process has written since) and moves a torn last line aside. Returns the length
    /// at which to append.
    /// </summary>
    private long PrepareTail(FileStream log)
    {
        var length = log.Length;
        if (length == _knownLength)
        {
            return length;
        }

        if (length > 0 && LastByte(log, length) != (byte)'\n')
        {
            RemoveTornTail(log);
            length = log.Length;
        }

        if (length == 0)
        {
            _lastSequence = 0;
            _lastHash = Genesis;
            return 0;
        }

        var start = StartOfLastLine(log, length);
        var size = (int)(length - 1 - start);
        var line = new byte[size];
        log.Position = start;
        ReadExactly(log, line, size);
        try
        {
            var parsed = LogLineFormat.Parse(line, size, _sha);
            _lastSequence = parsed.Sequence;
            _lastHash = parsed.Hash;
        }
        catch (MalformedLineException e)
        {
            throw new DecisionLogException(Path, $"Cannot append to '{Path}': its last line {e.Message}. Nothing was written; run 'safeshare verify' on it.", null, e);
        }

        return length;
    }

    private long StartOfLastLine(FileStream log, long length)
    {
        // The line ends at length - 1 (its line break); look back for the break before it.
        var buffer = new byte[8192];
        var end = length - 1;
        while (end > 0)
        {
            var from = Math.Max(0, end - buffer.Length);
            var count = (int)(end - from);
            log.Position = from;
            ReadExactly(log, buffer, count);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (newline >= 0)
            {
                return from + newline + 1;
            }

            end = from;
            if (length - 1 - end > LogLineFormat.MaxLineBytes)
            {
                throw new DecisionLogException(Path, $"Cannot append to '{Path}': its last line is longer than {LogLineFormat.MaxLineBytes} bytes, so it is not a decision-log line. Nothing was written; run 'safeshare verify' on it.");
            }
        }

        return 0;
    }

    private DecisionLogRecovery RemoveTornTail(FileStream log)
    {
        var length = log.Length;
        if (length == 0 || LastByte(log, length) == (byte)'\n')
        {
            return new DecisionLogRecovery(0, null);
        }

        // Find the end of the last whole line.
        var buffer = new byte[8192];
        var end = length;
        long keep = 0;
        while (end > 0)
        {
            var from = Math.Max(0, end - buffer.Length);
            var count = (int)(end - from);
            log.Position = from;
            ReadExactly(log, buffer, count);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (newline >= 0)
            {
                keep = from + newline + 1;
                break;
            }

            end = from;
        }

        var torn = new byte[length - keep];
        log.Position = keep;
        ReadExactly(log, torn, torn.Length);

        // Only the start of one of this log's own lines, after a whole line of this log, is a torn
        // write; anything else is not a decision log (or was edited), and is left exactly as it is.
        if (!LooksLikeLineStart(torn))
        {
            throw new DecisionLogException(Path, $"Cannot append to '{Path}': its last line is incomplete and is not the start of a decision-log line. Nothing was written; run 'safeshare verify' on it.");
        }

        if (keep > 0)
        {
            var start = StartOfLastLine(log, keep);
            var previous = new byte[keep - 1 - start];
            log.Position = start;
            ReadExactly(log, previous, previous.Length);
            try
            {
                LogLineFormat.Parse(previous, previous.Length, _sha);
            }
            catch (MalformedLineException e)
            {
                throw new DecisionLogException(Path, $"Cannot append to '{Path}': its last line is incomplete, and the line before it {e.Message}. Nothing was written; run 'safeshare verify' on it.", null, e);
            }
        }

        // A whole, sealed line that lost only its line break (a crash cannot do that: each line is written
        // with its break and flushed before it is acknowledged) is a record: restore the break, keep it.
        try
        {
            var whole = LogLineFormat.Parse(torn, torn.Length, _sha);
            if (whole.Hash == whole.ComputedHash)
            {
                log.Position = length;
                log.WriteByte((byte)'\n');
                log.Flush(flushToDisk: true);
                return new DecisionLogRecovery(0, null);
            }
        }
        catch (MalformedLineException)
        {
        }

        // The torn bytes are evidence of a crash: keep them beside the log rather than delete them.
        var quarantine = $"{Path}.torn-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-{keep}";
        using (var copy = new FileStream(quarantine, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
        {
            copy.Write(torn, 0, torn.Length);
            copy.Flush(flushToDisk: true);
        }

        log.SetLength(keep);
        log.Flush(flushToDisk: true);
        return new DecisionLogRecovery(torn.Length, quarantine);
    }

    private static readonly byte[] LineStart = System.Text.Encoding.ASCII.GetBytes("{\"v\":" + LogLineFormat.Version.ToString(CultureInfo.InvariantCulture) + ",\"seq\":");

    private static bool LooksLikeLineStart(byte[] torn)
    {
        for (var i = 0; i < Math.Min(torn.Length, LineStart.Length); i++)
        {
            if (torn[i] != LineStart[i])
            {
                return false;
            }
        }

        return true;
    }

    private static byte LastByte(FileStream log, long length)
    {
        log.Position = length - 1;
        var b = log.ReadByte();
        return b < 0 ? (byte)0 : (byte)b;
    }

    internal static void ReadExactly(Stream stream, byte[] buffer, int count)
    {
        var read = 0;
        while (read < count)
        {
            var n = stream.Read(buffer, read, count - read);
            if (n <= 0)
            {
                throw new EndOfStreamException("The file became shorter while it was read.");
            }

            read += n;
        }
    }

    private static IEnumerable<DecisionLogEntry> Read(string path, string? subject)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw LogVerifier.OpenFailure(path, e);
        }

        using (stream)
        using (var sha = SHA256.Create())
        {
            var scanner = new LineScanner(stream, stream.Length);
            while (scanner.Next())
            {
                if (!scanner.Terminated)
                {
                    // Being written now, or torn by a crash: not a record (Verify reports a torn line).
                    yield break;
                }

                if (scanner.Oversized)
                {
                    throw new DecisionLogException(path, $"Line {scanner.Number} of '{path}' is longer than {LogLineFormat.MaxLineBytes} bytes: it is not a decision-log line.", scanner.Number);
                }

                ParsedLine parsed;
                try
                {
                    parsed = LogLineFormat.Parse(scanner.Line, scanner.Length, sha);
                }
                catch (MalformedLineException e)
                {
                    throw new DecisionLogException(path, $"Line {scanner.Number} of '{path}' {e.Message}.", scanner.Number, e);
                }

                var entry = new DecisionLogEntry(scanner.Number, parsed.Sequence, parsed.Hash, parsed.Decision, parsed.Disclosure);
                if (subject is null || string.Equals(entry.SubjectReference, subject, StringComparison.Ordinal))
                {
                    yield return entry;
                }
            }
        }
    }

    private sealed class Pending
    {
        public Pending(byte[] body, int threadId)
        {
            Body = body;
            ThreadId = threadId;
        }

        public byte[] Body { get; }

        public int ThreadId { get; }

        public bool Done { get; set; }

        public DecisionLogException? Error { get; set; }
    }
}
