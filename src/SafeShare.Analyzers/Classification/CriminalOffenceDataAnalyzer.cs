using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeShare.Analyzers.Classification;

/// <summary>
/// SAFE005: criminal offence data (UK GDPR Art. 10) with neither official authority nor a DPA 2018
/// Schedule 1 condition (DPA 2018 s10(5)).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CriminalOffenceDataAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.CriminalOffenceDataWithoutCondition);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (SafeShareSymbols.TryCreate(start.Compilation) is not { } symbols || symbols.CriminalOffenceData is null)
            {
                return;
            }

            var classification = new DataClassification(symbols);
            // Members are read at the type's end, when the compiler has bound their attributes (see AnnotationValidityAnalyzer).
            start.RegisterSymbolStartAction(
                s =>
                {
                    if (AnnotationSites.MayHoldAnnotations((INamedTypeSymbol)s.Symbol, s.Compilation, s.CancellationToken))
                    {
                        s.RegisterSymbolEndAction(c => AnalyzeType(c, classification));
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, DataClassification classification)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        Check(context, classification, type, classification.ReadOwn(type));
        foreach (var member in classification.DeclaredDataMembers(type))
        {
            Check(context, classification, member, classification.ReadMember(member));
        }
    }

    private static void Check(SymbolAnalysisContext context, DataClassification classification, ISymbol symbol, DataMarkers markers)
    {
        if (markers.CriminalOffence is not { } attribute || symbol.Locations.Length == 0 || !symbol.Locations[0].IsInSource)
        {
            return;
        }

        if (classification.ResolveArticle10(symbol, attribute).IsResolved)
        {
            return;
        }

        context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.CriminalOffenceDataWithoutCondition, symbol.Locations[0], DataClassification.DisplayName(symbol)));
    }
}
