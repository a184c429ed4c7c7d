using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SafeShare.Analyzers;

namespace SafeShare.CodeFixes.Transport;

/// <summary>SAFE201: <c>http://</c> → <c>https://</c> and <c>ws://</c> → <c>wss://</c> in the reported string.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseEncryptedSchemeCodeFixProvider))]
[Shared]
public sealed class UseEncryptedSchemeCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string Key = "SAFE201.UseEncryptedScheme";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ClearTextProtocol);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Location.IsInSource || !diagnostic.Properties.TryGetValue(TransportFix.Scheme, out var scheme) ||
                scheme is not ("http" or "ws"))
            {
                continue;
            }

            var span = diagnostic.Location.SourceSpan;
            var index = TransportFix.IndexOfScheme(text, span, scheme);
            if (index < 0)
            {
                continue;
            }

            var secure = scheme + "s";
            var change = new TextChange(new TextSpan(span.Start + index, scheme.Length), secure);
            context.RegisterCodeFix(
                CodeAction.Create($"Use {secure}://", ct => TransportFix.ApplyAsync(context.Document, change, ct), Key),
                diagnostic);
        }
    }
}
