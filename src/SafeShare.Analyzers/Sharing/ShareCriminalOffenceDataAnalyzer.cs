using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// SAFE108: a share whose payload carries criminal offence data for which neither official authority nor a DPA 2018
/// Schedule 1 condition resolves (UK GDPR Art. 10; DPA 2018 s10(5)). SAFE005 reports the declaration in this project;
/// this rule reports the share, which also catches a payload declared in another assembly or marked on the parameter.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShareCriminalOffenceDataAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ShareOfCriminalOffenceDataWithoutAuthority);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        DeclaredShares.RegisterShareRule(context, static symbols => symbols.Core.CriminalOffenceData is not null, AnalyzeMethod);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, IMethodSymbol method, AttributeData share, SharingSymbols symbols, DataClassification classification)
    {
        if (DeclaredShares.PayloadOf(method, symbols) is not { } payload)
        {
            return;
        }

        var uncovered = new List<string>();
        if (classification.ReadOwn(payload).CriminalOffence is { } onParameter && !classification.ResolveArticle10(payload, onParameter).IsResolved)
        {
            uncovered.Add(payload.Name);
        }

        if (DeclaredShares.ElementTypeOf(payload.Type) is INamedTypeSymbol type)
        {
            var typeMarkers = classification.ReadType(type, includeBaseTypes: true);
            if (typeMarkers.CriminalOffence is { } onType && !classification.ResolveArticle10(type, onType).IsResolved)
            {
                uncovered.Add(DataClassification.DisplayName(type));
            }

            // With Fields set the share carries only the listed members.
            var fields = DeclaredShares.FieldsOf(share);
            foreach (var (member, markers) in classification.PersonalMembers(type))
            {
                if (markers.CriminalOffence is { } criminal && (fields.IsDefault || Lists(fields, member.Name)) &&
                    !classification.ResolveArticle10(member, criminal).IsResolved)
                {
                    uncovered.Add(DataClassification.DisplayName(member));
                }
            }
        }

        if (uncovered.Count > 0)
        {
            context.ReportOutsideGeneratedCode(Diagnostic.Create(
                Rules.ShareOfCriminalOffenceDataWithoutAuthority,
                method.Locations[0],
                DataClassification.DisplayName(method),
                string.Join(", ", uncovered)));
        }
    }

    private static bool Lists(ImmutableArray<TypedConstant> fields, string name)
    {
        foreach (var field in fields)
        {
            if (field.Value is string listed && listed == name)
            {
                return true;
            }
        }

        return false;
    }
}
