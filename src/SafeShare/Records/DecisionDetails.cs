using System;

namespace SafeShare;

/// <summary>
/// What the practitioner supplies when recording a decision to share under a declared share: who
/// decided, which case, the consent position, the risk and the reasons. Everything else — recipient,
/// purpose, basis, conditions, fields — comes from the declaration.
/// </summary>
public sealed class DecisionDetails
{
    /// <summary>Describes a decision.</summary>
    /// <param name="decidedBy">Name and role of the practitioner who decided.</param>
    /// <param name="subjectReference">The case or person reference (a case id — never the shared data).</param>
    /// <param name="consent">The consent position.</param>
    public DecisionDetails(string decidedBy, string subjectReference, Consent consent)
    {
        DecidedBy = decidedBy;
        SubjectReference = subjectReference;
        Consent = consent;
    }

    /// <summary>Name and role of the practitioner who decided.</summary>
    public string DecidedBy { get; }

    /// <summary>The case or person reference.</summary>
    public string SubjectReference { get; }

    /// <summary>The consent position.</summary>
    public Consent Consent { get; }

    /// <summary>The assessed risk.</summary>
    public RiskLevel Risk { get; init; }

    /// <summary>Why the information is shared, in the practitioner's words.</summary>
    public string? Reasons { get; init; }

    /// <summary>When the decision was made; the time of recording when not set.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
}
