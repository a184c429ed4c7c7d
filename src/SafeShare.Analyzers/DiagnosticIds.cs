namespace SafeShare.Analyzers;

/// <summary>Every SafeShare diagnostic ID, in one place. Code fixes link this file.</summary>
internal static class DiagnosticIds
{
    public const string SpecialCategoryWithoutArticle9Condition = "SAFE001";
    public const string Article9ConditionWithoutMatchingSchedule1 = "SAFE002";
    public const string PersonalDataWithoutLawfulBasis = "SAFE003";
    public const string PersonalDataWithoutRetention = "SAFE004";
    public const string CriminalOffenceDataWithoutCondition = "SAFE005";
    public const string MissingAppropriatePolicyDocument = "SAFE006";
    public const string InvalidAnnotation = "SAFE007";
}
