using System;

namespace SafeShare;

/// <summary>
/// One record read back from a decision log, with where it sits: its line, its sequence number in
/// the chain and its hash. Holds either a <see cref="Decision"/> or a <see cref="Disclosure"/>.
/// </summary>
public sealed class DecisionLogEntry
{
    /// <summary>Describes an entry read from line <paramref name="lineNumber"/>.</summary>
    public DecisionLogEntry(long lineNumber, long sequence, string hash, DecisionRecord? decision, DisclosureRecord? disclosure)
    {
        if ((decision is null) == (disclosure is null))
        {
            throw new ArgumentException("An entry holds either a decision or a disclosure.");
        }

        LineNumber = lineNumber;
        Sequence = sequence;
        Hash = hash ?? throw new ArgumentNullException(nameof(hash));
        Decision = decision;
        Disclosure = disclosure;
    }

    /// <summary>The 1-based line of the log file this entry was read from.</summary>
    public long LineNumber { get; }

    /// <summary>The entry's place in the chain (1 for the first record).</summary>
    public long Sequence { get; }

    /// <summary>The SHA-256 (hex) that seals this line and everything before it.</summary>
    public string Hash { get; }

    /// <summary>The decision, when this entry records one.</summary>
    public DecisionRecord? Decision { get; }

    /// <summary>The disclosure, when this entry records one.</summary>
    public DisclosureRecord? Disclosure { get; }

    /// <summary>The case or person reference the record is about.</summary>
    public string SubjectReference => Decision?.SubjectReference ?? Disclosure!.SubjectReference;

    /// <summary>When the decision was made, or the disclosure sent.</summary>
    public DateTimeOffset At => Decision?.DecidedAt ?? Disclosure!.SentAt;
}
