using System.Text;

namespace SafeShare.Analyzers.Generation;

/// <summary>Plain-English names for the legal values in generated code, for the reviewers who read it.</summary>
internal static class LegalText
{
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

    public static string Article9(string? condition, string? schedule1, int paragraph, string? basisInLaw)
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
        if (schedule1 is not null)
        {
            text += $", with DPA 2018 Schedule 1 para {paragraph} ({Words(schedule1)})";
        }

        return string.IsNullOrWhiteSpace(basisInLaw) ? text : $"{text}, under {basisInLaw}";
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

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text) => OneLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Text on one line, for comments: a newline in a declared purpose must not end the comment.</summary>
    public static string OneLine(string? text) => (text ?? string.Empty).Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');

    /// <summary>A C# string literal for the text.</summary>
    public static string Literal(string? text) =>
        text is null ? "null" : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
