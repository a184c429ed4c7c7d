using System;

namespace SafeShare;

/// <summary>
/// A decision log could not be written or read. The message is one sentence a person can act on;
/// <see cref="LineNumber"/> names the line when one is at fault. An append that throws this has not
/// recorded its record, and nothing already recorded has been lost.
/// </summary>
public sealed class DecisionLogException : Exception
{
    /// <summary>Describes a problem with the log at <paramref name="path"/>.</summary>
    public DecisionLogException(string path, string message, long? lineNumber = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        LineNumber = lineNumber;
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <summary>The 1-based line at fault, if any.</summary>
    public long? LineNumber { get; }
}
