using System.Text;

namespace SafeShare.Cli;

/// <summary>The legal values of records and inventories in the words of UK GDPR and the DPA 2018.</summary>
internal static class Legal
{
    public static string LawfulBasis(SafeShare.LawfulBasis? basis, string? gateway) => LawfulBasis(basis?.ToString(), gateway);

    public static string LawfulBasis(string? basis, string? gateway)
    {
        var text = basis switch
        {
            "Consent" => "UK GDPR Art. 6(1)(a) consent",
            "Contract" => "UK GDPR Art. 6(1)(b) contract",
            "LegalObligation" => "UK GDPR Art. 6(1)(c) legal obligation",
            "VitalInterests" => "UK GDPR Art. 6(1)(d) vital interests",
            "PublicTask" => "UK GDPR Art. 6(1)(e) public task",
            "LegitimateInterests" => "UK GDPR Art. 6(1)(f) legitimate interests",
            null => "none recorded",
            _ => basis,
        };
        return string.IsNullOrWhiteSpace(gateway) ? text : $"{text}, under {gateway}";
    }

    public static string Article9(SafeShare.Article9Condition? condition, Schedule1Condition schedule1) =>
        Article9(condition?.ToString(), schedule1 == Schedule1Condition.None ? null : schedule1.ToString(), schedule1 == Schedule1Condition.None ? null : (int)schedule1, null);

    public static string Article9(string? condition, string? schedule1, int? paragraph, string? basisInLaw)
    {
        if (condition is null)
        {
            return "none recorded";
        }

        var letter = condition switch
        {
            "ExplicitConsent" => "a",
            "EmploymentSocialSecurityAndSocialProtection" => "b",
            "VitalInterests" => "c",
            "NotForProfitBodies" => "d",
            "MadePublicByDataSubject" => "e",
            "LegalClaimsOrJudicialActs" => "f",
            "SubstantialPublicInterest" => "g",
            "HealthOrSocialCare" => "h",
            "PublicHealth" => "i",
            "ArchivingResearchOrStatistics" => "j",
            _ => "?",
        };
        var text = $"UK GDPR Art. 9(2)({letter}) {Words(condition)}";
        if (schedule1 is not null && schedule1 != "None")
        {
            text += paragraph is null ? $", with DPA 2018 Schedule 1 ({Words(schedule1)})" : $", with DPA 2018 Schedule 1 para {paragraph} ({Words(schedule1)})";
        }

        return string.IsNullOrWhiteSpace(basisInLaw) ? text : $"{text}, under {basisInLaw}";
    }

    public static string Consent(SafeShare.Consent consent) => consent.Status switch
    {
        ConsentStatus.Obtained => $"obtained from {consent.ObtainedFrom} at {consent.ObtainedAt?.ToUniversalTime():yyyy-MM-dd HH:mm}Z",
        ConsentStatus.NotSought => $"not sought: {consent.Reason}",
        ConsentStatus.RefusedAndOverridden => $"refused, and overridden: {consent.Reason}",
        ConsentStatus.NotRequired when consent.Reason is null => "not required",
        ConsentStatus.NotRequired => $"not required: {consent.Reason}",
        _ => consent.ToString(),
    };

    public static string Field(SharedField field) => Kind(field.Kind.ToString(), field.Category?.ToString(), field.Name);

    /// <summary>"RelevantHealthInformation (special category: health)".</summary>
    public static string Kind(string? kind, string? category, string name) => kind switch
    {
        "SpecialCategory" => $"{name} (special category: {Words(category ?? "unspecified")})",
        "CriminalOffence" => $"{name} (criminal offence data)",
        _ => name,
    };

    /// <summary>"SafeguardingOfChildrenAndIndividualsAtRisk" → "safeguarding of children and individuals at risk".</summary>
    public static string Words(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
