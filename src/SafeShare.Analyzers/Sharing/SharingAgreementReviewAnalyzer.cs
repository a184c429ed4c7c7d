using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Analyzers.Classification;
using SafeShare.Text;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// SAFE109: the information sharing agreement behind a declared share (<c>[SharingAgreement]</c> on the share, its type or
/// the assembly) is past its review date, reviewed "initially after six months and thereafter annually" (Berkshire
/// protocol §6.2; Solihull protocol §6.2), or its dates cannot be read. Judged against the date of the build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharingAgreementReviewAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.SharingAgreementReviewDue);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (SharingSymbols.TryCreate(start.Compilation) is not { Share: not null } symbols || symbols.Core.SharingAgreement is null)
            {
                return;
            }

            var classification = new DataClassification(symbols.Core);
            var today = DateTime.UtcNow.Date;
            DeclaredShares.RegisterShareAction(start, symbols, (c, method, _) => AnalyzeMethod(c, method, classification, today));
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, IMethodSymbol method, DataClassification classification, DateTime today)
    {
        if (classification.ResolveSharingAgreement(method) is not { } agreement)
        {
            return;
        }

        var agreedText = DataClassification.ConstructorArgument(agreement, 0).Value as string;
        var reviewedText = DataClassification.NamedArgument(agreement, "LastReviewedOn").Value as string;
        var agreed = ReviewSchedule.Parse(agreedText);
        var reviewed = ReviewSchedule.Parse(reviewedText);
        string? problem = null;
        if (agreed is null || (reviewedText is not null && reviewed is null))
        {
            problem = $"has a date that cannot be read ('{(agreed is null ? agreedText : reviewedText)}'); write dates as yyyy-MM-dd";
        }
        else if (ReviewSchedule.Next(agreed.Value, reviewed) is var next && next < today)
        {
            problem = $"(agreed {ReviewSchedule.Format(agreed.Value)}, last reviewed {(reviewed is { } r ? ReviewSchedule.Format(r) : "never")}) was due for review on {ReviewSchedule.Format(next)}: " +
                      "review it with the partner agencies and set LastReviewedOn";
        }

        if (problem is not null)
        {
            context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.SharingAgreementReviewDue, method.Locations[0], DataClassification.DisplayName(method), problem));
        }
    }
}
