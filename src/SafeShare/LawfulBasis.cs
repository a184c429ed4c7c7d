namespace SafeShare;

/// <summary>
/// The lawful bases for processing in UK GDPR Article 6(1). Public bodies sharing for
/// safeguarding should normally rely on <see cref="PublicTask"/> or <see cref="LegalObligation"/>,
/// not consent (Buckinghamshire Code of Practice §1; North East Lincolnshire guidance §5).
/// </summary>
public enum LawfulBasis
{
    /// <summary>Art. 6(1)(a): the data subject has given consent for one or more specific purposes.</summary>
    Consent = 0,
    /// <summary>Art. 6(1)(b): necessary for a contract with the data subject.</summary>
    Contract = 1,
    /// <summary>Art. 6(1)(c): necessary to comply with a legal obligation of the controller.</summary>
    LegalObligation = 2,
    /// <summary>Art. 6(1)(d): necessary to protect someone's vital interests (life or death).</summary>
    VitalInterests = 3,
    /// <summary>Art. 6(1)(e): necessary for a task in the public interest or in the exercise of official authority.</summary>
    PublicTask = 4,
    /// <summary>Art. 6(1)(f): necessary for legitimate interests (not available to public authorities performing their tasks).</summary>
    LegitimateInterests = 5,
}
