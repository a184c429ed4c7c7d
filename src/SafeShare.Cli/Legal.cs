namespace SafeShare.Cli;

/// <summary>The legal values of records and inventories in the words of UK GDPR and the DPA 2018.</summary>
internal static class Legal
{
    public static string LawfulBasis(SafeShare.LawfulBasis? basis, string? gateway) => LawfulBasis(basis?.ToString(), gateway);

    public static string LawfulBasis(string? basis, string? gateway) => Text.LegalWords.LawfulBasis(basis, gateway);

    public static string LawfulBasis(Report.Basis basis) => Text.LegalWords.LawfulBasis(basis.LawfulBasis, basis.Gateway, basis.Annex1, basis.Annex1Paragraph);

    public static string LawfulBasis(DecisionRecord decision) =>
        Text.LegalWords.LawfulBasis(decision.LawfulBasis?.ToString(), decision.Gateway, decision.Annex1 == Annex1Condition.None ? null : decision.Annex1.ToString(), (int)decision.Annex1);

    public static string Article9(SafeShare.Article9Condition? condition, Schedule1Condition schedule1) =>
        Article9(condition?.ToString(), schedule1 == Schedule1Condition.None ? null : schedule1.ToString(), schedule1 == Schedule1Condition.None ? null : (int)schedule1, null);

    public static string Article9(string? condition, string? schedule1, int? paragraph, string? basisInLaw) =>
        Text.LegalWords.Article9(condition, schedule1, paragraph, basisInLaw);

    public static string Consent(SafeShare.Consent consent) => consent.Status switch
    {
        ConsentStatus.Obtained => $"obtained from {consent.ObtainedFrom} at {consent.ObtainedAt?.ToUniversalTime():yyyy-MM-dd HH:mm}Z",
        ConsentStatus.NotSought => $"not sought: {consent.Reason}",
        ConsentStatus.RefusedAndOverridden => $"refused, and overridden: {consent.Reason}",
        ConsentStatus.NotRequired when consent.Reason is null => "not required",
        ConsentStatus.NotRequired => $"not required: {consent.Reason}",
        ConsentStatus.RefusedAndRespected => $"refused by {consent.ObtainedFrom}, and respected" + (consent.Reason is null ? string.Empty : $": {consent.Reason}"),
        ConsentStatus.Withdrawn => $"withdrawn by {consent.ObtainedFrom} at {consent.WithdrawnAt?.ToUniversalTime():yyyy-MM-dd HH:mm}Z" + (consent.Reason is null ? string.Empty : $": {consent.Reason}"),
        _ => consent.ToString(),
    };

    public static string Field(SharedField field) =>
        field.Kind == DataKind.CriminalOffence && (field.Article10Condition != Schedule1Condition.None || field.OfficialAuthority is not null)
            ? $"{field.Name} (criminal offence data: {Article10(field.OfficialAuthority, field.Article10Condition)})"
            : Kind(field.Kind.ToString(), field.Category?.ToString(), field.Name);

    public static string Article10(string? officialAuthority, Schedule1Condition schedule1) =>
        Text.LegalWords.Article10(officialAuthority, schedule1 == Schedule1Condition.None ? null : schedule1.ToString(), (int)schedule1);

    /// <summary>"RelevantHealthInformation (special category: health)".</summary>
    public static string Kind(string? kind, string? category, string name) => kind switch
    {
        SafeShare.Text.InventorySchema.SpecialCategory => $"{name} (special category: {Words(category ?? "unspecified")})",
        SafeShare.Text.InventorySchema.CriminalOffence => $"{name} (criminal offence data)",
        _ => name,
    };

    /// <summary>"para 18(2)(c): seeking consent would prejudice the protection".</summary>
    public static string Paragraph18(Paragraph18Reason reason) => reason switch
    {
        Paragraph18Reason.ConsentCannotBeGiven => "para 18(2)(a): consent cannot be given by the data subject",
        Paragraph18Reason.ConsentCannotReasonablyBeObtained => "para 18(2)(b): consent cannot reasonably be obtained",
        Paragraph18Reason.ConsentWouldPrejudiceProtection => "para 18(2)(c): obtaining consent would prejudice the protection",
        _ => reason.ToString(),
    };

    public static string Words(string pascal) => Text.LegalWords.Words(pascal);
}
