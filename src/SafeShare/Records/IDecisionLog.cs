using System.Collections.Generic;

namespace SafeShare;

/// <summary>
/// Where decision and disclosure records are kept. Appends are the evidence a practice review or a
/// subject access request relies on: an implementation keeps every record it has acknowledged.
/// </summary>
public interface IDecisionLog
{
    /// <summary>Appends a decision record; returns once it is kept.</summary>
    void Append(DecisionRecord decision);

    /// <summary>Appends a disclosure record; returns once it is kept.</summary>
    void Append(DisclosureRecord disclosure);
}

/// <summary>A decision log kept in memory: for tests and for apps that forward records elsewhere.</summary>
public sealed class InMemoryDecisionLog : IDecisionLog
{
    private readonly object _gate = new();
    private readonly List<DecisionRecord> _decisions = new();
    private readonly List<DisclosureRecord> _disclosures = new();

    /// <summary>The decisions appended so far, in order.</summary>
    public IReadOnlyList<DecisionRecord> Decisions
    {
        get { lock (_gate) { return _decisions.ToArray(); } }
    }

    /// <summary>The disclosures appended so far, in order.</summary>
    public IReadOnlyList<DisclosureRecord> Disclosures
    {
        get { lock (_gate) { return _disclosures.ToArray(); } }
    }

    /// <inheritdoc/>
    public void Append(DecisionRecord decision)
    {
        if (decision is null)
        {
            throw new System.ArgumentNullException(nameof(decision));
        }

        lock (_gate)
        {
            _decisions.Add(decision);
        }
    }

    /// <inheritdoc/>
    public void Append(DisclosureRecord disclosure)
    {
        if (disclosure is null)
        {
            throw new System.ArgumentNullException(nameof(disclosure));
        }

        lock (_gate)
        {
            _disclosures.Add(disclosure);
        }
    }
}
