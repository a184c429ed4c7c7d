namespace SafeShare.Analyzers.Classification;

/// <summary>
/// How UK GDPR Art. 9(2) conditions map onto DPA 2018 Schedule 1. The numbers are the
/// <c>SafeShare.Article9Condition</c> values and Schedule 1 paragraph numbers (the values of
/// <c>SafeShare.Schedule1Condition</c>).
/// </summary>
internal static class Schedule1Rules
{
    private const int EmploymentCondition = 1;          // Art. 9(2)(b)
    private const int SubstantialPublicInterest = 6;    // Art. 9(2)(g)
    private const int HealthOrSocialCare = 7;           // Art. 9(2)(h)
    private const int PublicHealth = 8;                 // Art. 9(2)(i)
    private const int ArchivingResearchOrStatistics = 9; // Art. 9(2)(j)

    /// <summary>The letter of Art. 9(2) for an <c>Article9Condition</c> value: (a) to (j).</summary>
    public static string Letter(int condition) => condition is >= 0 and <= 9 ? ((char)('a' + condition)).ToString() : "?";

    /// <summary>The part of Schedule 1 a paragraph belongs to; 0 for none.</summary>
    public static int PartOf(int paragraph) => paragraph switch
    {
        >= 1 and <= 4 => 1,
        >= 6 and <= 28 => 2,
        >= 29 and <= 37 => 3,
        _ => 0,
    };

    /// <summary>Whether the Art. 9(2) condition needs a basis in UK law (DPA 2018 s10(1)–(3)).</summary>
    public static bool NeedsSchedule1(int condition) =>
        condition is EmploymentCondition or SubstantialPublicInterest or HealthOrSocialCare or PublicHealth or ArchivingResearchOrStatistics;

    /// <summary>
    /// Whether the Act allows the pairing. DPA 2018 s10(2) and (3) give (b), (h), (i) and (j) their basis
    /// in a Part 1 condition, each paragraph drawn for one of them, and (g) its basis in a Part 2 condition;
    /// s10 gives the other points of Art. 9(2) no Schedule 1 condition, so naming one with them claims a
    /// basis the Act does not provide (para 18, for instance, is processing carried out without consent,
    /// para 18(1)(c), and cannot stand beside explicit consent).
    /// </summary>
    public static bool Matches(int condition, int paragraph) => condition switch
    {
        EmploymentCondition => paragraph == 1,
        HealthOrSocialCare => paragraph == 2,
        PublicHealth => paragraph == 3,
        ArchivingResearchOrStatistics => paragraph == 4,
        SubstantialPublicInterest => PartOf(paragraph) == 2,
        _ => paragraph == 0,
    };

    /// <summary>What to write instead, in the words of a SAFE002 message.</summary>
    public static string Required(int condition) => condition switch
    {
        EmploymentCondition => "Schedule1Condition.EmploymentSocialSecurityAndSocialProtection (Sch. 1 Part 1 para 1)",
        HealthOrSocialCare => "Schedule1Condition.HealthOrSocialCarePurposes (Sch. 1 Part 1 para 2)",
        PublicHealth => "Schedule1Condition.PublicHealth (Sch. 1 Part 1 para 3)",
        ArchivingResearchOrStatistics => "Schedule1Condition.ResearchEtc (Sch. 1 Part 1 para 4)",
        SubstantialPublicInterest => "a Part 2 substantial public interest condition (Sch. 1 paras 6-28) that fits the processing: e.g. Schedule1Condition.StatutoryAndGovernmentPurposes (para 6), EqualityOfOpportunityOrTreatment (para 8), or SafeguardingOfChildrenAndIndividualsAtRisk (para 18) for a decision in a case made without consent",
        _ => "Schedule1Condition.None, as DPA 2018 s10 pairs no Schedule 1 condition with this point (a Part 3 condition for criminal offence data belongs on [CriminalOffenceData])",
    };

    /// <summary>
    /// Whether relying on the paragraph needs an appropriate policy document, as the Act lists them:
    /// Part 1 para 1 (para 1(1)(b)); every Part 2 condition (para 5(1), "except as otherwise provided":
    /// the waivers, such as para 10(2) for a disclosure to a competent authority, turn on facts the code
    /// cannot see); Part 3 para 35 (para 35(1)(c)); and Part 3 paras 36 and 37, which are met only by
    /// processing that would meet a Part 2 condition and so carry its para 5 requirement. Part 4 para 38
    /// applies the para 39 document to exactly these conditions.
    /// </summary>
    public static bool NeedsAppropriatePolicyDocument(int paragraph) =>
        paragraph == 1 || PartOf(paragraph) == 2 || paragraph is 35 or 36 or 37;
}
