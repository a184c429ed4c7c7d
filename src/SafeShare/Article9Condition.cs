namespace SafeShare;

/// <summary>
/// The conditions in UK GDPR Article 9(2) under which special category data may be processed.
/// Conditions (b), (g), (h), (i) and (j) also need a "basis in law", which in the UK is a
/// condition in DPA 2018 Schedule 1 (see <see cref="Schedule1Condition"/>).
/// </summary>
public enum Article9Condition
{
    /// <summary>Art. 9(2)(a): explicit consent.</summary>
    ExplicitConsent = 0,
    /// <summary>Art. 9(2)(b): employment, social security and social protection law. Needs DPA 2018 Sch. 1 para 1.</summary>
    EmploymentSocialSecurityAndSocialProtection = 1,
    /// <summary>Art. 9(2)(c): vital interests where the data subject cannot give consent.</summary>
    VitalInterests = 2,
    /// <summary>Art. 9(2)(d): not-for-profit bodies with a political, philosophical, religious or trade union aim.</summary>
    NotForProfitBodies = 3,
    /// <summary>Art. 9(2)(e): data manifestly made public by the data subject.</summary>
    MadePublicByDataSubject = 4,
    /// <summary>Art. 9(2)(f): legal claims or courts acting in their judicial capacity.</summary>
    LegalClaimsOrJudicialActs = 5,
    /// <summary>Art. 9(2)(g): reasons of substantial public interest. Needs a DPA 2018 Sch. 1 Part 2 condition (paras 6–28), e.g. para 18 safeguarding.</summary>
    SubstantialPublicInterest = 6,
    /// <summary>Art. 9(2)(h): health or social care (preventive or occupational medicine, diagnosis, care, treatment). Needs DPA 2018 Sch. 1 para 2.</summary>
    HealthOrSocialCare = 7,
    /// <summary>Art. 9(2)(i): public health. Needs DPA 2018 Sch. 1 para 3.</summary>
    PublicHealth = 8,
    /// <summary>Art. 9(2)(j): archiving in the public interest, scientific or historical research, or statistics. Needs DPA 2018 Sch. 1 para 4.</summary>
    ArchivingResearchOrStatistics = 9,
}
