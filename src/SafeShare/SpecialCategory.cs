namespace SafeShare;

/// <summary>The special categories of personal data listed in UK GDPR Article 9(1).</summary>
public enum SpecialCategory
{
    /// <summary>Data revealing racial or ethnic origin (Art. 9(1)).</summary>
    RacialOrEthnicOrigin = 0,
    /// <summary>Data revealing political opinions (Art. 9(1)).</summary>
    PoliticalOpinions = 1,
    /// <summary>Data revealing religious or philosophical beliefs (Art. 9(1)).</summary>
    ReligiousOrPhilosophicalBeliefs = 2,
    /// <summary>Data revealing trade union membership (Art. 9(1)).</summary>
    TradeUnionMembership = 3,
    /// <summary>Genetic data (Art. 9(1); defined in Art. 4(13)).</summary>
    Genetic = 4,
    /// <summary>Biometric data processed to uniquely identify a person (Art. 9(1); Art. 4(14)).</summary>
    Biometric = 5,
    /// <summary>Data concerning health, physical or mental (Art. 9(1); Art. 4(15)).</summary>
    Health = 6,
    /// <summary>Data concerning a person's sex life (Art. 9(1)).</summary>
    SexLife = 7,
    /// <summary>Data concerning a person's sexual orientation (Art. 9(1)).</summary>
    SexualOrientation = 8,
}
