using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeShare.Analyzers.Classification;

/// <summary>
/// SAFE003: personal data with no Article 6 lawful basis. Reported once per type (naming the members
/// that lack one) and once per personal method parameter.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LawfulBasisAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.PersonalDataWithoutLawfulBasis);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (SafeShareSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var classification = new DataClassification(symbols);
            // Members are read at the type's end, when the compiler has bound their attributes (see AnnotationValidityAnalyzer).
            start.RegisterSymbolStartAction(
                s =>
                {
                    var type = (INamedTypeSymbol)s.Symbol;
                    if (type.Locations.Length > 0 && type.Locations[0].IsInSource && AnnotationSites.MayHoldAnnotations(type, s.Compilation, s.CancellationToken))
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

        // A type-level basis, or one on an enclosing or base type or the assembly, covers every member.
        var typeBasis = classification.ResolveLawfulBasis(type);
        var typeIsMarked = classification.ReadOwn(type).IsPersonal;
        var uncovered = new List<string>();
        foreach (var member in classification.DeclaredDataMembers(type))
        {
            if (!classification.ReadMember(member).IsPersonal || classification.ResolveLawfulBasis(member) is not null)
            {
                continue;
            }

            if (member is IParameterSymbol parameter)
            {
                if (parameter.Locations.Length > 0 && parameter.Locations[0].IsInSource)
                {
                    context.ReportOutsideGeneratedCode(Diagnostic.Create(
                        Rules.PersonalDataWithoutLawfulBasis,
                        parameter.Locations[0],
                        DataClassification.DisplayName(parameter),
                        "the parameter, its method, its type or the assembly"));
                }
            }
            else
            {
                uncovered.Add(member.Name);
            }
        }

        if (typeBasis is null && (typeIsMarked || uncovered.Count > 0))
        {
            var where = uncovered.Count == 0
                ? $"the type '{type.Name}' or the assembly"
                : $"the type '{type.Name}' (members: {string.Join(", ", uncovered)}), those members or the assembly";
            context.ReportOutsideGeneratedCode(Diagnostic.Create(
                Rules.PersonalDataWithoutLawfulBasis,
                type.Locations[0],
                DataClassification.DisplayName(type),
                where));
        }
    }
}
