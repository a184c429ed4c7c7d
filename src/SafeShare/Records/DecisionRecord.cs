using System;
using System.Collections.Generic;

namespace SafeShare;

/// <summary>
/// The record of one decision to share, or not to share, personal information: what, with whom, why,
/// under which basis, with what consent, the risk, who decided and when (golden rule 7 of the Sheffield schools guide; Berkshire protocol
/// Appendix B 1.3; Buckinghamshire Code of Practice Appendix 1 step 7; Solihull protocol §5.3.10). It names the case by reference and
/// the fields by name: it never holds the shared values.
/// </summary>
public sealed class DecisionRecord
{
    /// <summary>Unique id; a <see cref="DisclosureRecord"/> links to it.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>When the decision was made (UTC).</summary>
    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>Who decided: name and role of the practitioner, e.g. "J. Smith, Social Worker".</summary>
    public string DecidedBy { get; init; } = string.Empty;

    /// <summary>The case or person the information is about, as a reference (case id) — never the data itself.</summary>
    public string SubjectReference { get; init; } = string.Empty;

    /// <summary>Shared or not shared.</summary>
    public DecisionOutcome Outcome { get; init; }

    /// <summary>The declared share this decision was made under, e.g. "PoliceReferrals.ReferToPolice".</summary>
    public string Share { get; init; } = string.Empty;

    /// <summary>Who the information is (or would have been) shared with.</summary>
    public string Recipient { get; init; } = string.Empty;

    /// <summary>Why it is shared.</summary>
    public string Purpose { get; init; } = string.Empty;

    /// <summary>The UK GDPR Art. 6(1) basis relied on.</summary>
    public LawfulBasis? LawfulBasis { get; init; }

    /// <summary>The statutory gateway, e.g. "Children Act 1989 s47".</summary>
    public string? Gateway { get; init; }

    /// <summary>For a recognised legitimate interest (Art. 6(1)(ea)), the UK GDPR Annex 1 condition relied on; <see cref="Annex1Condition.None"/> otherwise.</summary>
    public Annex1Condition Annex1 { get; init; }

    /// <summary>The Art. 9(2) condition relied on, when special category data is shared.</summary>
    public Article9Condition? Article9Condition { get; init; }

    /// <summary>The DPA 2018 Schedule 1 condition relied on; <see cref="Schedule1Condition.None"/> if none.</summary>
    public Schedule1Condition Schedule1 { get; init; }

    /// <summary>The consent position.</summary>
    public Consent Consent { get; init; } = Consent.NotRequired();

    /// <summary>The assessed risk at the time of the decision.</summary>
    public RiskLevel Risk { get; init; }

    /// <summary>The fields shared (or proposed), by name and kind.</summary>
    public IReadOnlyList<SharedField> Fields { get; init; } = Array.Empty<SharedField>();

    /// <summary>The reasons for the decision, in the practitioner's words; the generated share methods require them.</summary>
    public string? Reasons { get; init; }

    /// <summary>For a decision relying on DPA 2018 Schedule 1 para 18, which reason in para 18(2) applies; <see cref="Paragraph18Reason.None"/> otherwise.</summary>
    public Paragraph18Reason Paragraph18Reason { get; init; }

    /// <summary>Who was consulted before deciding, if recorded.</summary>
    public string? ConsultedWith { get; init; }

    /// <summary>Who asked for the information, if recorded.</summary>
    public string? RequestedBy { get; init; }
}
