using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeShare.Analyzers.Classification;

/// <summary>
/// SAFE008: a <c>[LawfulBasis]</c> of Art. 6(1)(ea) recognised legitimate interest that names no UK GDPR Annex 1
/// condition (Art. 6(5)), and an (ea) or (f) basis where the code says the controller is a public authority performing
/// its tasks (Art. 6(1), final subparagraph): the assembly declares <c>[assembly: PublicAuthority]</c>, or an enclosing
/// declaration (type or assembly) relies on Art. 6(1)(e) public task.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LegitimateInterestAnalyzer : DiagnosticAnalyzer
{
    private const int PublicTask = 4;                     // LawfulBasis.PublicTask
    private const int LegitimateInterests = 5;            // LawfulBasis.LegitimateInterests, Art. 6(1)(f)
    private const int RecognisedLegitimateInterest = 6;   // LawfulBasis.RecognisedLegitimateInterest, Art. 6(1)(ea)

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.LegitimateInterestNotAvailable);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (SafeShareSymbols.TryCreate(start.Compilation) is not { LawfulBasis: not null } symbols)
            {
                return;
            }

            // Members are read at the type's end, when the compiler has bound their attributes (see AnnotationValidityAnalyzer).
            start.RegisterSymbolStartAction(
                s =>
                {
                    if (AnnotationSites.MayHoldAnnotations((INamedTypeSymbol)s.Symbol, s.Compilation, s.CancellationToken))
                    {
                        s.RegisterSymbolEndAction(c => AnalyzeType(c, symbols));
                    }
                },
                SymbolKind.NamedType);
            start.RegisterSyntaxTreeAction(c => AnalyzeAssemblyAttributes(c, symbols));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, SafeShareSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        System.Action<Diagnostic> report = d => context.ReportOutsideGeneratedCode(d);
        var cancellationToken = context.CancellationToken;
        AnnotationSites.ForEachAttribute(type, (target, attribute) => Check(attribute, target, symbols, report, cancellationToken));
    }

    private static void AnalyzeAssemblyAttributes(SyntaxTreeAnalysisContext context, SafeShareSymbols symbols)
    {
        var attributes = symbols.Assembly.WrittenIn(context.Tree, context.CancellationToken);
        if (!attributes.IsEmpty)
        {
            CheckAssemblyAttributes(context, attributes, symbols);
        }
    }

    // In a method of its own: the closure over the context is made only for a file that holds assembly attributes.
    private static void CheckAssemblyAttributes(SyntaxTreeAnalysisContext context, ImmutableArray<AttributeData> attributes, SafeShareSymbols symbols)
    {
        foreach (var attribute in attributes)
        {
            Check(attribute, symbols.Compilation.Assembly, symbols, d => context.ReportOutsideGeneratedCode(d), context.CancellationToken);
        }
    }

    private static void Check(AttributeData attribute, ISymbol target, SafeShareSymbols symbols, System.Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (!SafeShareSymbols.Is(attribute, symbols.LawfulBasis) ||
            DataClassification.ConstructorArgument(attribute, 0).Value is not int basis ||
            basis is not (LegitimateInterests or RecognisedLegitimateInterest))
        {
            return;
        }

        var letter = basis == RecognisedLegitimateInterest ? "ea" : "f";
        var name = DataClassification.EnumName(DataClassification.ConstructorArgument(attribute, 0));
        string? problem = null;
        if (symbols.Assembly.IsPublicAuthority)
        {
            problem = "but the assembly declares [assembly: PublicAuthority], and this basis does not apply to processing by a public authority in the performance of its tasks (Art. 6(1), final subparagraph); rely on PublicTask or LegalObligation with the statutory gateway";
        }
        else if (PublicTaskAround(target, symbols) is { } around)
        {
            problem = $"but {around} relies on Art. 6(1)(e) public task, which makes this a public authority's task, where this basis does not apply (Art. 6(1), final subparagraph); rely on PublicTask with the statutory gateway";
        }
        else if (basis == RecognisedLegitimateInterest && !(DataClassification.NamedArgument(attribute, "Annex1").Value is int annex && annex != 0))
        {
            problem = "and names no UK GDPR Annex 1 condition, which Art. 6(5) requires; set Annex1, e.g. Annex1Condition.SafeguardingVulnerableIndividual (Annex 1 para 6)";
        }

        if (problem is not null)
        {
            report(Diagnostic.Create(
                Rules.LegitimateInterestNotAvailable,
                AnnotationSites.LocationOf(attribute, cancellationToken),
                DataClassification.DisplayName(target),
                letter,
                name,
                problem));
        }
    }

    /// <summary>The nearest enclosing declaration (containing types, then the assembly) whose lawful basis is public task.</summary>
    private static string? PublicTaskAround(ISymbol target, SafeShareSymbols symbols)
    {
        if (target is IAssemblySymbol)
        {
            return null;
        }

        var start = target switch
        {
            IParameterSymbol { ContainingSymbol: IMethodSymbol method } => (ISymbol)method,
            _ => target,
        };
        for (var type = start is INamedTypeSymbol named ? named.ContainingType : start.ContainingType; type is not null; type = type.ContainingType)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (SafeShareSymbols.Is(attribute, symbols.LawfulBasis))
                {
                    return DataClassification.ConstructorArgument(attribute, 0).Value is PublicTask ? $"the enclosing type '{type.Name}'" : null;
                }
            }
        }

        return symbols.Assembly.LawfulBasis is { } assembly && DataClassification.ConstructorArgument(assembly, 0).Value is PublicTask
            ? "the assembly's [LawfulBasis]"
            : null;
    }
}
