namespace SafeShare;

/// <summary>
/// The outcome of checking a decision log's chain: intact, or the first line that is broken,
/// reordered, inserted, missing or torn, and why.
/// </summary>
public sealed class DecisionLogVerification
{
    internal DecisionLogVerification(string path, long records, long headSequence, string headHash, long? firstBadLine, string? problem)
    {
        Path = path;
        Records = records;
        HeadSequence = headSequence;
        HeadHash = headHash;
        FirstBadLine = firstBadLine;
        Problem = problem;
    }

    /// <summary>The log file checked.</summary>
    public string Path { get; }

    /// <summary>True when every line is whole, in order and sealed by the chain.</summary>
    public bool IsIntact => Problem is null;

    /// <summary>How many records were read intact (all of them when <see cref="IsIntact"/>).</summary>
    public long Records { get; }

    /// <summary>The sequence number of the last intact record (0 for an empty log).</summary>
    public long HeadSequence { get; }

    /// <summary>
    /// The hash of the last intact record (<see cref="JsonLinesDecisionLog.Genesis"/> for an empty log).
    /// Written down outside the log (e.g. in a board's minutes) it proves later that nothing up to it changed.
    /// </summary>
    public string HeadHash { get; }

    /// <summary>The 1-based number of the first bad line, when not intact.</summary>
    public long? FirstBadLine { get; }

    /// <summary>What is wrong with <see cref="FirstBadLine"/>, when not intact.</summary>
    public string? Problem { get; }

    /// <inheritdoc/>
    public override string ToString() => IsIntact
        ? $"{Path}: intact, {Records} record(s), head {HeadSequence}:{HeadHash}"
        : $"{Path}: line {FirstBadLine}: {Problem}";
}

/// <summary>What recovery did to a log whose last write was torn by a crash.</summary>
public sealed class DecisionLogRecovery
{
    internal DecisionLogRecovery(long bytesRemoved, string? quarantinePath)
    {
        BytesRemoved = bytesRemoved;
        QuarantinePath = quarantinePath;
    }

    /// <summary>How many bytes of an incomplete last line were moved out of the log (0 if none).</summary>
    public long BytesRemoved { get; }

    /// <summary>Where those bytes were kept, for inspection; null when nothing was removed.</summary>
    public string? QuarantinePath { get; }
}
