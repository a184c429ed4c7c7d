namespace SafeShare;

/// <summary>
/// The practitioner's assessment of the risk of harm to the child or adult at the time of the decision
/// (Buckinghamshire Code of Practice Appendix 1 step 5: the public interest and risk of harm are weighed and recorded).
/// It describes likelihood and seriousness of harm, not a statutory threshold: whether a child is in need (Children Act
/// 1989 s17) or there is reasonable cause to suspect significant harm (s47) is a separate judgement, recorded in the
/// share's purpose and gateway.
/// </summary>
public enum RiskLevel
{
    /// <summary>Not assessed or not recorded.</summary>
    NotAssessed = 0,
    /// <summary>Low: no indication that the child or adult is likely to come to harm.</summary>
    Low = 1,
    /// <summary>Medium: some likelihood of harm, or harm that would not be serious.</summary>
    Medium = 2,
    /// <summary>High: serious harm is likely if nothing is done.</summary>
    High = 3,
    /// <summary>Immediate: serious harm may happen at once; emergency action is needed.</summary>
    Immediate = 4,
}
