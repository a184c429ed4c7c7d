using System;

namespace SafeShare;

/// <summary>
/// What the practitioner supplies when recording a decision to share under a declared share: who
/// decided, which case, the consent position, the risk and the reasons, and who was consulted and who
/// asked. Everything else — recipient, purpose, basis, conditions, fields — comes from the declaration.
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

    /// <summary>Why the information is shared, in the practitioner's words. Every decision records its reasons.</summary>
    public string? Reasons { get; init; }

    /// <summary>
    /// For a share relying on DPA 2018 Schedule 1 para 18: which reason in para 18(2) means the processing is carried out
    /// without consent.
    /// </summary>
    public Paragraph18Reason Paragraph18Reason { get; init; }

    /// <summary>Who was consulted before deciding, e.g. "Designated Safeguarding Lead; MASH duty manager" (optional).</summary>
    public string? ConsultedWith { get; init; }

    /// <summary>Who asked for the information, e.g. "DC Green, Child Abuse Investigation Team" (optional).</summary>
    public string? RequestedBy { get; init; }

    /// <summary>When the decision was made; the time of recording when not set.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
}
