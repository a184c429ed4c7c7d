using System;
using System.IO;
using System.Security.Cryptography;

namespace SafeShare;

/// <summary>
/// Walks a decision log's chain and names the first line that breaks it, saying how: torn, unreadable,
/// altered, repeated, inserted, out of order or missing — and, from the head the writers record in
/// <c>&lt;log&gt;.lock</c>, whether lines were cut off the end.
/// </summary>
internal static class LogVerifier
{
    public static DecisionLogVerification Verify(string path, TimeSpan lockTimeout)
    {
        if (Directory.Exists(path))
        {
            throw new DecisionLogException(path, $"'{path}' is a folder, not a decision log file.");
        }

        if (!File.Exists(path))
        {
            throw new DecisionLogException(path, $"There is no decision log at '{path}'.");
        }

        FileStream stream;
        long end;
        (long Sequence, string Hash)? head = null;
        try
        {
            // A consistent snapshot: while the lock is held no writer is half-way through a line.
            // Without a lock file (a copy handed to a reviewer, read-only media) the file is read as it is.
            LogFileLock? fileLock = null;
            if (File.Exists(LogFileLock.LockPath(path)))
            {
                try
                {
                    fileLock = LogFileLock.Acquire(path, lockTimeout, forWriting: false);
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            using (fileLock)
            {
                head = fileLock?.ReadHead();
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
                end = stream.Length;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OpenFailure(path, e);
        }

        using (stream)
        {
            try
            {
                return Walk(path, stream, end, head, LogFileLock.LockPath(path));
            }
            catch (IOException e)
            {
                throw new DecisionLogException(path, $"Cannot read the decision log '{path}': {e.Message}", null, e);
            }
        }
    }

    public static DecisionLogException OpenFailure(string path, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => new DecisionLogException(path, $"There is no decision log at '{path}'.", null, e),
        UnauthorizedAccessException when Directory.Exists(path) => new DecisionLogException(path, $"'{path}' is a folder, not a decision log file.", null, e),
        UnauthorizedAccessException => new DecisionLogException(path, $"Permission denied reading the decision log '{path}'.", null, e),
        _ => new DecisionLogException(path, $"Cannot read the decision log '{path}': {e.Message}", null, e),
    };

    /// <summary>
    /// Walks the lines of <paramref name="stream"/> (a file, or a database's rows spooled in sequence
    /// order) up to <paramref name="end"/>; <paramref name="head"/> is the last record acknowledged to a
    /// writer, as kept at <paramref name="headSource"/>, so a cut tail is found.
    /// </summary>
    internal static DecisionLogVerification Walk(string path, Stream stream, long end, (long Sequence, string Hash)? head, string headSource)
    {
        using var sha = SHA256.Create();
        var scanner = new LineScanner(stream, end);
        long records = 0;
        var expected = 1L;
        var previousHash = JsonLinesDecisionLog.Genesis;
        string? hashBefore = null;
        DecisionLogVerification Bad(long line, string problem) =>
            new(path, records, expected - 1, previousHash, line, problem);

        while (scanner.Next())
        {
            var n = scanner.Number;
            if (!scanner.Terminated && !scanner.Oversized && IsSealed(scanner, sha))
            {
                return Bad(n, $"line {n} is whole and sealed but lacks its line break (the file was edited, or a write was cut off just before its end); Recover() or the next append restores the break.");
            }

            if (!scanner.Terminated)
            {
                return Bad(n, $"line {n} is torn: it does not end with a line break, so its write never completed (a crash); it was never acknowledged. Recover() or the next append moves it aside.");
            }

            if (scanner.Oversized)
            {
                return Bad(n, $"line {n} is longer than {LogLineFormat.MaxLineBytes} bytes: it is not a decision-log line (inserted or corrupted).");
            }

            ParsedLine line;
            try
            {
                line = LogLineFormat.Parse(scanner.Line, scanner.Length, sha);
            }
            catch (MalformedLineException e)
            {
                return Bad(n, $"line {n} {e.Message}.");
            }

            if (line.Hash != line.ComputedHash)
            {
                return Bad(n, $"line {n} was altered: its content does not match its hash (edited after it was written, or inserted by hand).");
            }

            if (line.Previous != previousHash)
            {
                if (line.Hash == previousHash)
                {
                    return Bad(n, $"line {n} repeats line {n - 1}: a copy was inserted.");
                }

                if (hashBefore is not null && line.Previous == hashBefore)
                {
                    return Bad(n - 1, $"line {n - 1} was inserted: line {n} follows on from line {n - 2}, not from it.");
                }

                if (line.Sequence < expected)
                {
                    return Bad(n, $"line {n} is out of order or repeated: it holds record {line.Sequence}, which belongs before record {expected - 1}.");
                }

                if (line.Sequence > expected)
                {
                    var later = FindSequence(stream, end, scanner.Offset + scanner.Length + 1, n, expected, sha);
                    return later is { } at
                        ? Bad(n, $"line {n} is out of order: it holds record {line.Sequence}, but record {expected} comes after it, at line {at}.")
                        : Bad(n, expected == line.Sequence - 1
                            ? $"a line is missing before line {n}: record {expected} was deleted (line {n} holds record {line.Sequence})."
                            : $"lines are missing before line {n}: records {expected} to {line.Sequence - 1} were deleted (line {n} holds record {line.Sequence}).");
                }

                return Bad(n, $"line {n} does not follow on from line {n - 1}: its previous-line hash is {Short(line.Previous)}, line {n - 1}'s hash is {Short(previousHash)} (the chain was rewritten or spliced here).");
            }

            if (line.Sequence != expected)
            {
                return Bad(n, $"line {n} holds record {line.Sequence} where record {expected} belongs, though it chains to line {n - 1} (forged).");
            }

            if (head is { } h && h.Sequence == line.Sequence && h.Hash != line.Hash)
            {
                return Bad(n, $"line {n} (record {line.Sequence}) differs from the record last acknowledged to a writer ({headSource}): the log was rewritten from here or earlier.");
            }

            records++;
            expected = line.Sequence + 1;
            hashBefore = previousHash;
            previousHash = line.Hash;
        }

        if (head is { } last && last.Sequence > expected - 1)
        {
            var n = scanner.Number + 1;
            return Bad(n, $"the log ends after record {expected - 1}, but writers acknowledged records up to {last.Sequence} ({headSource}): lines were cut off its end (line {n} onwards).");
        }

        return new DecisionLogVerification(path, records, expected - 1, previousHash, null, null);
    }

    /// <summary>The line, after <paramref name="afterLine"/>, that holds record <paramref name="sequence"/>, if any.</summary>
    private static long? FindSequence(Stream stream, long end, long offset, long afterLine, long sequence, SHA256 sha)
    {
        var position = stream.Position;
        try
        {
            var rest = new SubStream(stream, offset, end);
            var scanner = new LineScanner(rest, end - offset);
            while (scanner.Next())
            {
                if (!scanner.Terminated || scanner.Oversized)
                {
                    continue;
                }

                try
                {
                    if (LogLineFormat.Parse(scanner.Line, scanner.Length, sha).Sequence == sequence)
                    {
                        return afterLine + scanner.Number;
                    }
                }
                catch (MalformedLineException)
                {
                }
            }

            return null;
        }
        finally
        {
            stream.Position = position;
        }
    }

    private static bool IsSealed(LineScanner scanner, SHA256 sha)
    {
        try
        {
            var line = LogLineFormat.Parse(scanner.Line, scanner.Length, sha);
            return line.Hash == line.ComputedHash;
        }
        catch (MalformedLineException)
        {
            return false;
        }
    }

    private static string Short(string hash) => hash.Substring(0, 12) + "…";

    /// <summary>A read-only window of a stream from <c>start</c> to <c>end</c>, positioned from 0.</summary>
    private sealed class SubStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _start;
        private readonly long _end;

        public SubStream(Stream inner, long start, long end)
        {
            _inner = inner;
            _start = start;
            _end = end;
        }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _end - _start;

        public override long Position
        {
            get => _inner.Position - _start;
            set => _inner.Position = _start + value;
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            _inner.Read(buffer, offset, (int)Math.Min(count, Math.Max(0, _end - _inner.Position)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
