namespace SafeShare.Analyzers.Generation;

/// <summary>Plain-English names for the legal values in generated code, for the reviewers who read it.</summary>
internal static class LegalText
{
    public static string LawfulBasis(string? basis, string? gateway) => Text.LegalWords.LawfulBasis(basis, gateway);

    public static string LawfulBasis(LegalBasis basis) => Text.LegalWords.LawfulBasis(basis.LawfulBasis, basis.Gateway, basis.Annex1, basis.Annex1Paragraph);

    public static string Article9(string? condition, string? schedule1, int paragraph, string? basisInLaw) =>
        Text.LegalWords.Article9(condition, schedule1, paragraph, basisInLaw);

    public static string Article10(Classification.Article10Authority authority) =>
        Text.LegalWords.Article10(authority.OfficialAuthority, authority.Schedule1, authority.Schedule1Paragraph);

    public static string Words(string pascal) => Text.LegalWords.Words(pascal);

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text) => OneLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Text on one line, for comments: a newline in a declared purpose must not end the comment.</summary>
    public static string OneLine(string? text) => (text ?? string.Empty).Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');

    /// <summary>A C# string literal for the text.</summary>
    public static string Literal(string? text) =>
        text is null ? "null" : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
