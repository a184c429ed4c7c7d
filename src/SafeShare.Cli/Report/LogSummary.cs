using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SafeShare.Cli.Report;

/// <summary>Decisions to share and not to share under one share (or in one month).</summary>
internal sealed record DecisionCount(string Label, int Shared, int NotShared)
{
    public int Total => Shared + NotShared;
}

/// <summary>How many decisions recorded a consent position.</summary>
internal sealed record ConsentCount(string Position, int Decisions);

/// <summary>Disclosures sent without encryption in transit, by recipient and channel, with the records to look up.</summary>
internal sealed record UnencryptedCount(string Recipient, string Channel, int Disclosures, IReadOnlyList<long> Records);

/// <summary>Decisions recorded with no reasons, by share, with the records to look up.</summary>
internal sealed record UnreasonedCount(string Share, int Decisions, IReadOnlyList<long> Records);

/// <summary>
/// What the decision log recorded, for the board: the chain's verification (by the same code as <c>safeshare verify</c>),
/// and counts of decisions, consent positions, unencrypted disclosures and decisions without reasons. Counts and record
/// numbers only: no case reference or value leaves the log into a board paper.
/// </summary>
internal sealed record LogSummary(
    string Log,
    bool Intact,
    long Records,
    long HeadSequence,
    string HeadHash,
    string? Problem,
    int Decisions,
    int Disclosures,
    IReadOnlyList<DecisionCount> PerShare,
    IReadOnlyList<DecisionCount> PerMonth,
    IReadOnlyList<ConsentCount> Consent,
    IReadOnlyList<UnencryptedCount> NotEncrypted,
    IReadOnlyList<UnreasonedCount> WithoutReasons)
{
    /// <summary>The shares in the log that none of the assemblies declares (renamed, removed, or another system's).</summary>
    public IReadOnlyList<string> Undeclared { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Summarises <paramref name="entries"/>. <paramref name="problem"/> is the verification's failure (where, and
    /// why), or why reading stopped early, or both; null when the log is intact and was read to its end.
    /// </summary>
    public static LogSummary From(string log, DecisionLogVerification verification, string? problem, IReadOnlyList<DecisionLogEntry> entries, IEnumerable<string> declaredShares)
    {
        var decisions = entries.Where(e => e.Decision is not null).Select(e => (e.Sequence, Decision: e.Decision!)).ToList();
        var disclosures = entries.Where(e => e.Disclosure is not null).Select(e => (e.Sequence, Disclosure: e.Disclosure!)).ToList();
        var declared = declaredShares.ToList();

        var perShare = declared.Concat(decisions.Select(d => d.Decision.Share)).Distinct(StringComparer.Ordinal)
            .Select(share => Count(share, decisions.Where(d => d.Decision.Share == share).Select(d => d.Decision)))
            .ToArray();
        var perMonth = decisions
            .GroupBy(d => d.Decision.DecidedAt.ToUniversalTime().ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(g.Key, g.Select(d => d.Decision)))
            .ToArray();
        var consent = Enum.GetValues<ConsentStatus>()
            .Select(s => new ConsentCount(Legal.Words(s.ToString()), decisions.Count(d => d.Decision.Consent.Status == s)))
            .Where(c => c.Decisions > 0)
            .ToArray();
        var unencrypted = disclosures.Where(d => !d.Disclosure.Encrypted)
            .GroupBy(d => (d.Disclosure.Recipient, d.Disclosure.Channel))
            .OrderBy(g => g.Key.Recipient, StringComparer.Ordinal).ThenBy(g => g.Key.Channel, StringComparer.Ordinal)
            .Select(g => new UnencryptedCount(g.Key.Recipient, g.Key.Channel, g.Count(), g.Select(d => d.Sequence).ToArray()))
            .ToArray();
        var unreasoned = decisions.Where(d => string.IsNullOrWhiteSpace(d.Decision.Reasons))
            .GroupBy(d => d.Decision.Share)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UnreasonedCount(g.Key, g.Count(), g.Select(d => d.Sequence).ToArray()))
            .ToArray();

        return new LogSummary(log, verification.IsIntact && problem is null, verification.Records, verification.HeadSequence, verification.HeadHash, problem,
            decisions.Count, disclosures.Count, perShare, perMonth, consent, unencrypted, unreasoned)
        {
            Undeclared = decisions.Select(d => d.Decision.Share).Where(s => !declared.Contains(s)).Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    private static DecisionCount Count(string label, IEnumerable<DecisionRecord> decisions)
    {
        var list = decisions.ToList();
        return new DecisionCount(label, list.Count(d => d.Outcome == DecisionOutcome.Shared), list.Count(d => d.Outcome != DecisionOutcome.Shared));
    }
}
