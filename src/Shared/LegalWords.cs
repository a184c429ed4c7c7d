using System.Text;

namespace SafeShare.Text;

/// <summary>
/// The legal values of SafeShare's enums in the words of UK GDPR and the DPA 2018: one text for the generated code
/// (which reviewers read) and the tool's reports (which a board reads). A linked source file, so that both the
/// analyzer assembly and the tool compile it without either depending on the other.
/// </summary>
internal static class LegalWords
{
    /// <summary>
    /// "UK GDPR Art. 6(1)(e) public task, under Children Act 1989 s47"; for a recognised legitimate interest, with the
    /// Annex 1 condition it meets: "UK GDPR Art. 6(1)(ea) recognised legitimate interest, meeting UK GDPR Annex 1 para 6
    /// (safeguarding vulnerable individual)".
    /// </summary>
    public static string LawfulBasis(string? basis, string? gateway, string? annex1 = null, int? annex1Paragraph = null)
    {
        var text = basis switch
        {
            "RecognisedLegitimateInterest" => "UK GDPR Art. 6(1)(ea) recognised legitimate interest" + (annex1 is null || annex1 == "None"
                ? ", with no UK GDPR Annex 1 condition recorded"
                : annex1Paragraph is null or 0 ? $", meeting UK GDPR Annex 1 ({Words(annex1)})" : $", meeting UK GDPR Annex 1 para {annex1Paragraph} ({Words(annex1)})"),
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

    /// <summary>
    /// "UK GDPR Art. 9(2)(g) substantial public interest, with DPA 2018 Schedule 1 para 18 (safeguarding of children and
    /// individuals at risk)". A Schedule 1 condition of null or "None" is left out.
    /// </summary>
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
            text += paragraph is null or 0
                ? $", with DPA 2018 Schedule 1 ({Words(schedule1)})"
                : $", with DPA 2018 Schedule 1 para {paragraph} ({Words(schedule1)})";
        }

        return string.IsNullOrWhiteSpace(basisInLaw) ? text : $"{text}, under {basisInLaw}";
    }

    /// <summary>
    /// What authorises criminal offence data: "UK GDPR Art. 10, under the control of official authority (Police Act 1996
    /// s30)" or "UK GDPR Art. 10, with DPA 2018 Schedule 1 para 18 (safeguarding of children and individuals at risk)"
    /// (DPA 2018 s10(5)); "none recorded" when neither is.
    /// </summary>
    public static string Article10(string? officialAuthority, string? schedule1, int? paragraph)
    {
        var text = "UK GDPR Art. 10";
        var any = false;
        if (!string.IsNullOrWhiteSpace(officialAuthority))
        {
            text += $", under the control of official authority ({officialAuthority})";
            any = true;
        }

        if (schedule1 is not null && schedule1 != "None")
        {
            text += (any ? ", and" : ",") + (paragraph is null or 0
                ? $" with DPA 2018 Schedule 1 ({Words(schedule1)})"
                : $" with DPA 2018 Schedule 1 para {paragraph} ({Words(schedule1)})");
            any = true;
        }

        return any ? text : "none recorded";
    }

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
