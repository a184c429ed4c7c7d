namespace SafeShare;

/// <summary>
/// The practitioner's assessment of risk to the child or adult at the time of the decision
/// (Buckinghamshire Code of Practice Appendix 1 step 5: the public interest and risk of harm are weighed and recorded).
/// </summary>
public enum RiskLevel
{
    /// <summary>Not assessed or not recorded.</summary>
    NotAssessed = 0,
    /// <summary>Low risk: early help or universal services.</summary>
    Low = 1,
    /// <summary>Medium risk: a child in need (Children Act 1989 s17).</summary>
    Medium = 2,
    /// <summary>High risk: reasonable cause to suspect significant harm (Children Act 1989 s47).</summary>
    High = 3,
    /// <summary>Immediate danger: emergency action needed.</summary>
    Immediate = 4,
}
