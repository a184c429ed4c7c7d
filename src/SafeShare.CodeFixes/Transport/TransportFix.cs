using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SafeShare.CodeFixes.Transport;

/// <summary>
/// The diagnostic properties the transport analyzers set for their fixes (the same names as in
/// SafeShare.Analyzers' Rules.Transport.cs and MailTransferWithoutTlsAnalyzer), and the text edit most fixes make.
/// </summary>
internal static class TransportFix
{
    public const string Scheme = "Scheme";
    public const string ValueOffset = "ValueOffset";
    public const string Replacement = "Replacement";
    public const string Fix = "Fix";
    public const string FixInitializer = "Initializer";
    public const string FixValue = "Value";

    /// <summary>Replaces the end of the diagnostic's span, from <see cref="ValueOffset"/>, with <see cref="Replacement"/>.</summary>
    public static bool TryGetValueEdit(Diagnostic diagnostic, out TextChange change)
    {
        change = default;
        var span = diagnostic.Location.SourceSpan;
        if (!diagnostic.Properties.TryGetValue(ValueOffset, out var offsetText) || offsetText is null ||
            !int.TryParse(offsetText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset) ||
            offset < 0 || offset > span.Length ||
            !diagnostic.Properties.TryGetValue(Replacement, out var replacement) || replacement is null)
        {
            return false;
        }

        change = new TextChange(TextSpan.FromBounds(span.Start + offset, span.End), replacement);
        return true;
    }

    public static async Task<Document> ApplyAsync(Document document, TextChange change, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(change));
    }

    /// <summary>Where "scheme://" starts in the reported text, case-insensitively, or -1.</summary>
    public static int IndexOfScheme(SourceText text, TextSpan span, string scheme)
    {
        var written = text.ToString(span);
        return written.IndexOf(scheme + "://", StringComparison.OrdinalIgnoreCase);
    }
}
