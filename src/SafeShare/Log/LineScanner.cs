using System;
using System.IO;

namespace SafeShare;

/// <summary>
/// Reads a file line by line as bytes (the hash is over bytes, not text), up to a fixed end, without
/// ever holding more than one line of <see cref="LogLineFormat.MaxLineBytes"/> in memory.
/// </summary>
internal sealed class LineScanner
{
    private readonly Stream _stream;
    private readonly long _end;
    private readonly byte[] _chunk = new byte[64 * 1024];
    private int _chunkLength;
    private int _chunkPosition;
    private long _position;

    public LineScanner(Stream stream, long end)
    {
        _stream = stream;
        _end = end;
        _stream.Position = 0;
    }

    /// <summary>The current line's bytes (valid up to <see cref="Length"/>).</summary>
    public byte[] Line { get; private set; } = new byte[4096];

    public int Length { get; private set; }

    /// <summary>The line ended with a line break; only a last line can lack one (a torn write).</summary>
    public bool Terminated { get; private set; }

    /// <summary>The line was longer than <see cref="LogLineFormat.MaxLineBytes"/>; its bytes were skipped.</summary>
    public bool Oversized { get; private set; }

    /// <summary>1-based number of the current line.</summary>
    public long Number { get; private set; }

    /// <summary>Byte offset at which the current line starts.</summary>
    public long Offset { get; private set; }

    public bool Next()
    {
        if (_position >= _end)
        {
            return false;
        }

        Number++;
        Offset = _position;
        Length = 0;
        Oversized = false;
        Terminated = false;
        while (_position < _end)
        {
            if (_chunkPosition == _chunkLength)
            {
                var want = (int)Math.Min(_chunk.Length, _end - _position);
                _chunkLength = _stream.Read(_chunk, 0, want);
                _chunkPosition = 0;
                if (_chunkLength <= 0)
                {
                    throw new EndOfStreamException("The file became shorter while it was read.");
                }
            }

            var newline = Array.IndexOf(_chunk, (byte)'\n', _chunkPosition, _chunkLength - _chunkPosition);
            var stop = newline < 0 ? _chunkLength : newline;
            Append(_chunkPosition, stop - _chunkPosition);
            _position += stop - _chunkPosition + (newline < 0 ? 0 : 1);
            _chunkPosition = newline < 0 ? stop : stop + 1;
            if (newline >= 0)
            {
                Terminated = true;
                break;
            }
        }

        // A line ending "\r\n" (edited on Windows) is not ours: the \r stays, and the hash shows it.
        return true;
    }

    private void Append(int start, int count)
    {
        if (Oversized || count == 0)
        {
            return;
        }

        if (Length + count > LogLineFormat.MaxLineBytes)
        {
            Oversized = true;
            Length = 0;
            return;
        }

        if (Length + count > Line.Length)
        {
            var bigger = new byte[Math.Min(LogLineFormat.MaxLineBytes, Math.Max(Line.Length * 2, Length + count))];
            Buffer.BlockCopy(Line, 0, bigger, 0, Length);
            Line = bigger;
        }

        Buffer.BlockCopy(_chunk, start, Line, Length, count);
        Length += count;
    }
}
