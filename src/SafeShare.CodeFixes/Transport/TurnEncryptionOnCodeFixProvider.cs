using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeShare.Analyzers;

namespace SafeShare.CodeFixes.Transport;

/// <summary>
/// SAFE205: turns encryption or the certificate check back on where the setting is written:
/// <c>Encrypt=False</c> → <c>Encrypt=True</c>, <c>TrustServerCertificate=True</c> → <c>False</c>,
/// <c>SslMode=Disable</c> → <c>VerifyFull</c>, and the same for builder properties.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TurnEncryptionOnCodeFixProvider))]
[Shared]
public sealed class TurnEncryptionOnCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string Key = "SAFE205.TurnEncryptionOn";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConnectionStringWithoutEncryption);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Location.IsInSource && TransportFix.TryGetValueEdit(diagnostic, out var change))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use '{change.NewText}'", ct => TransportFix.ApplyAsync(context.Document, change, ct), Key),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
