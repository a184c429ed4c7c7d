using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SafeShare.Analyzers;

namespace SafeShare.CodeFixes.Transport;

/// <summary>
/// The diagnostic properties the transport analyzers set for their fixes (<see cref="TransportProperties"/>, linked
/// from the analyzers' assembly), and the text edit most fixes make.
/// </summary>
internal static class TransportFix
{
    public const string Scheme = TransportProperties.Scheme;
    public const string ValueOffset = TransportProperties.ValueOffset;
    public const string Replacement = TransportProperties.Replacement;
    public const string Fix = TransportProperties.Fix;
    public const string FixInitializer = TransportProperties.FixInitializer;
    public const string FixValue = TransportProperties.FixValue;

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
