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

    /// <summary>Whether the Schedule 1 paragraph supplies the basis in law the condition needs.</summary>
    public static bool Matches(int condition, int paragraph) => condition switch
    {
        EmploymentCondition => paragraph == 1,
        HealthOrSocialCare => paragraph == 2,
        PublicHealth => paragraph == 3,
        ArchivingResearchOrStatistics => paragraph == 4,
        SubstantialPublicInterest => PartOf(paragraph) == 2,
        _ => true,
    };

    /// <summary>What to write instead, in the words of a SAFE002 message.</summary>
    public static string Required(int condition) => condition switch
    {
        EmploymentCondition => "Schedule1Condition.EmploymentSocialSecurityAndSocialProtection (Sch. 1 Part 1 para 1)",
        HealthOrSocialCare => "Schedule1Condition.HealthOrSocialCarePurposes (Sch. 1 Part 1 para 2)",
        PublicHealth => "Schedule1Condition.PublicHealth (Sch. 1 Part 1 para 3)",
        ArchivingResearchOrStatistics => "Schedule1Condition.ResearchEtc (Sch. 1 Part 1 para 4)",
        _ => "a Part 2 substantial public interest condition (Sch. 1 paras 6-28), e.g. Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk (para 18)",
    };

    /// <summary>
    /// Whether relying on the paragraph needs an appropriate policy document: Part 1 para 1
    /// (para 1(1)(b)), every Part 2 condition (para 5(1)), and Part 3 para 36, which extends the
    /// Part 2 conditions to criminal offence data on the same terms (Part 4 para 38).
    /// </summary>
    public static bool NeedsAppropriatePolicyDocument(int paragraph) =>
        paragraph == 1 || PartOf(paragraph) == 2 || paragraph == 36;
}
