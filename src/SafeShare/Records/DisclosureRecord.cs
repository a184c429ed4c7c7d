using System;
using System.Collections.Generic;

namespace SafeShare;

/// <summary>How a transmission ended.</summary>
public enum DisclosureOutcome
{
    /// <summary>The recipient received the information.</summary>
    Delivered = 0,
    /// <summary>Transmission failed; nothing was received.</summary>
    Failed = 1,
    /// <summary>Sent, delivery not yet confirmed.</summary>
    Sent = 2,
}

/// <summary>
/// The audit record of what was actually sent under a decision: which fields, when, over which channel,
/// whether encrypted, and the outcome (Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.4). Linked to its
/// <see cref="DecisionRecord"/> by <see cref="DecisionId"/>.
/// </summary>
public sealed class DisclosureRecord
{
    /// <summary>Unique id.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The decision this disclosure carries out.</summary>
    public Guid DecisionId { get; init; }

    /// <summary>The case reference, copied from the decision so a subject access search finds it.</summary>
    public string SubjectReference { get; init; } = string.Empty;

    /// <summary>When it was sent (UTC).</summary>
    public DateTimeOffset SentAt { get; init; }

    /// <summary>Who it was sent to.</summary>
    public string Recipient { get; init; } = string.Empty;

    /// <summary>The names of the fields actually sent.</summary>
    public IReadOnlyList<string> FieldsSent { get; init; } = Array.Empty<string>();

    /// <summary>The channel, e.g. "Secure email (Egress)", "HTTPS API", "MASH portal".</summary>
    public string Channel { get; init; } = string.Empty;

    /// <summary>Whether the channel encrypted the information in transit.</summary>
    public bool Encrypted { get; init; }

    /// <summary>How the transmission ended.</summary>
    public DisclosureOutcome Outcome { get; init; }

    /// <summary>Anything else worth recording, e.g. a failure message or a receipt number.</summary>
    public string? Detail { get; init; }
}
