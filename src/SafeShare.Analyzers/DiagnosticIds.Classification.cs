namespace SafeShare.Analyzers;

/// <summary>Every SafeShare diagnostic ID, one partial file per rule family. Code fixes link these files.</summary>
internal static partial class DiagnosticIds
{
    public const string SpecialCategoryWithoutArticle9Condition = "SAFE001";
    public const string Article9ConditionWithoutMatchingSchedule1 = "SAFE002";
    public const string PersonalDataWithoutLawfulBasis = "SAFE003";
    public const string PersonalDataWithoutRetention = "SAFE004";
    public const string CriminalOffenceDataWithoutCondition = "SAFE005";
    public const string MissingAppropriatePolicyDocument = "SAFE006";
    public const string InvalidAnnotation = "SAFE007";
    public const string LegitimateInterestNotAvailable = "SAFE008";
}
