namespace SafeShare.Analyzers;

/// <summary>Sharing rules SAFE101-SAFE110, and SAFE206 (personal data over a clear-text channel).</summary>
internal static partial class DiagnosticIds
{
    public const string ShareWithoutPurpose = "SAFE101";
    public const string ShareWithoutLawfulBasis = "SAFE102";
    public const string ShareOfSpecialCategoryWithoutArticle9Condition = "SAFE103";
    public const string UndeclaredShare = "SAFE104";
    public const string NotSharedWithoutReason = "SAFE105";
    public const string ShareCarriesUndeclaredFields = "SAFE106";
    public const string ConsentBasisForSafeguardingShare = "SAFE107";
    public const string ShareOfCriminalOffenceDataWithoutAuthority = "SAFE108";
    public const string SharingAgreementReviewDue = "SAFE109";
    public const string PersonalDataLogged = "SAFE110";
    public const string PersonalDataOverClearText = "SAFE206";
}
