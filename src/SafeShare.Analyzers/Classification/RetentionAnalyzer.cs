using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeShare.Analyzers.Classification;

/// <summary>
/// SAFE004: a type that holds personal data (its own or inherited) has no <c>[RetainUntil]</c> on
/// itself or a base type (UK GDPR Art. 5(1)(e); North East Lincolnshire guidance §7). Abstract and static types are left to
/// the concrete types that hold the records.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RetentionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.PersonalDataWithoutRetention);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (SafeShareSymbols.TryCreate(start.Compilation) is not { } symbols || symbols.RetainUntil is null)
            {
                return;
            }

            var classification = new DataClassification(symbols);
            // Checked from syntax first (most types carry no attribute, nor do their bases); members are read
            // at the type's end, when the compiler has bound their attributes (see AnnotationValidityAnalyzer).
            start.RegisterSymbolStartAction(
                s =>
                {
                    var type = (INamedTypeSymbol)s.Symbol;
                    if (type.TypeKind is (TypeKind.Class or TypeKind.Struct) && !type.IsAbstract && !type.IsStatic &&
                        type.Locations.Length > 0 && type.Locations[0].IsInSource &&
                        AnnotationSites.MayHoldAnnotationsOrInherit(type, s.Compilation, s.CancellationToken))
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
        if (HasRetention(type, classification.Symbols) || !HoldsPersonalData(type, classification))
        {
            return;
        }

        var anchor = "nameof(<a date member>), Years = n";
        foreach (var member in classification.AllDataMembers(type))
        {
            var memberType = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
            if (classification.Symbols.IsDate(memberType))
            {
                anchor = $"nameof({member.Name}), Years = n";
                break;
            }
        }

        context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.PersonalDataWithoutRetention, type.Locations[0], DataClassification.DisplayName(type), anchor));
    }

    private static bool HoldsPersonalData(INamedTypeSymbol type, DataClassification classification)
    {
        if (classification.ReadType(type, includeBaseTypes: true).IsPersonal)
        {
            return true;
        }

        foreach (var member in classification.AllDataMembers(type))
        {
            if (classification.ReadMember(member).IsPersonal)
            {
                return true;
            }
        }

        // A positional record's parameters are its properties; other constructors' parameters are not stored data.
        return false;
    }

    private static bool HasRetention(INamedTypeSymbol type, SafeShareSymbols symbols)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var attribute in t.GetAttributes())
            {
                if (SafeShareSymbols.Is(attribute, symbols.RetainUntil))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
