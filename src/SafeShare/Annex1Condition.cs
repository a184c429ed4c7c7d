namespace SafeShare;

/// <summary>
/// The conditions in UK GDPR Annex 1 (inserted by the Data (Use and Access) Act 2025, Schedule 4) under which processing
/// is necessary for a recognised legitimate interest, UK GDPR Art. 6(1)(ea): Art. 6(5) allows (ea) only where the
/// processing meets one of them. Each member's numeric value is its Annex 1 paragraph. Points (ea) and (f) do not apply
/// to processing carried out by public authorities in the performance of their tasks (Art. 6(1), final subparagraph).
/// </summary>
public enum Annex1Condition
{
    /// <summary>No Annex 1 condition is relied on.</summary>
    None = 0,

    /// <summary>
    /// UK GDPR Annex 1 para 1: a disclosure made in response to a request from another person who states that they need the
    /// data for processing under Art. 6(1)(e) (a public task) with a legal basis that satisfies Art. 6(3).
    /// </summary>
    DisclosureForPublicTask = 1,

    /// <summary>UK GDPR Annex 1 para 2: safeguarding national security, protecting public security, or defence.</summary>
    NationalSecurityPublicSecurityOrDefence = 2,

    /// <summary>UK GDPR Annex 1 para 3: responding to an emergency (as defined in Part 2 of the Civil Contingencies Act 2004, para 4).</summary>
    Emergency = 3,

    /// <summary>UK GDPR Annex 1 para 5: detecting, investigating or preventing crime, or apprehending or prosecuting offenders.</summary>
    Crime = 5,

    /// <summary>
    /// UK GDPR Annex 1 para 6: safeguarding a vulnerable individual, that is protecting them from neglect or physical,
    /// mental or emotional harm, or protecting their physical, mental or emotional well-being (definitions in para 7).
    /// </summary>
    SafeguardingVulnerableIndividual = 6,
}
