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
    /// <summary>
    /// Art. 6(1)(ea), inserted by the Data (Use and Access) Act 2025 s70: necessary for the purposes of a recognised
    /// legitimate interest, which Art. 6(5) allows only where a condition in UK GDPR Annex 1 is met: name it with
    /// <see cref="LawfulBasisAttribute.Annex1"/>. Not available to a public authority performing its tasks (Art. 6(1),
    /// final subparagraph); voluntary and private providers (independent schools, charities, private fostering and care
    /// providers) may share safeguarding information on it.
    /// </summary>
    RecognisedLegitimateInterest = 6,
}
