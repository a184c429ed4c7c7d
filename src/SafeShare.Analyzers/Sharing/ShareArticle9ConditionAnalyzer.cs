using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// SAFE103: a share whose payload carries special category data when no Article 9 condition resolves
/// for the share (method, type, assembly) nor for each special-category member or the payload type.
/// "Special category data will be shared only where there is an additional special category
/// condition" (Berkshire protocol Appendix B 1.4; Solihull protocol §5.4).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShareArticle9ConditionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ShareOfSpecialCategoryWithoutArticle9Condition);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        DeclaredShares.RegisterShareRule(context, static symbols => symbols.Core.SpecialCategory is not null, AnalyzeMethod);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, IMethodSymbol method, AttributeData share, SharingSymbols symbols, DataClassification classification)
    {
        if (DeclaredShares.PayloadOf(method, symbols) is not { } payload ||
            classification.ResolveArticle9Condition(method) is not null)
        {
            return;
        }

        var uncovered = new List<string>();
        var own = classification.ReadOwn(payload);
        if (own.IsSpecialCategory && classification.ResolveArticle9Condition(payload) is null)
        {
            uncovered.Add($"{payload.Name}: {string.Join(", ", own.SpecialCategories)}");
        }

        if (DeclaredShares.ElementTypeOf(payload.Type) is INamedTypeSymbol type)
        {
            var typeMarkers = classification.ReadType(type, includeBaseTypes: true);
            if (typeMarkers.IsSpecialCategory && classification.ResolveArticle9Condition(type) is null)
            {
                uncovered.Add($"{DataClassification.DisplayName(type)}: {string.Join(", ", typeMarkers.SpecialCategories)}");
            }

            // With Fields set the share carries only the listed members (SAFE106 reports the rest).
            var fields = DeclaredShares.FieldsOf(share);
            var seen = new HashSet<string>();
            foreach (var member in classification.AllDataMembers(type))
            {
                // An override and the property it overrides are one member of the payload.
                if (member.IsStatic || !seen.Add(member.Name) || (!fields.IsDefault && !Lists(fields, member.Name)))
                {
                    continue;
                }

                var markers = classification.ReadMember(member);
                if (markers.IsSpecialCategory && classification.ResolveArticle9Condition(member) is null)
                {
                    uncovered.Add($"{DataClassification.DisplayName(member)}: {string.Join(", ", markers.SpecialCategories)}");
                }
            }
        }

        if (uncovered.Count > 0)
        {
            context.ReportOutsideGeneratedCode(Diagnostic.Create(
                Rules.ShareOfSpecialCategoryWithoutArticle9Condition,
                method.Locations[0],
                DataClassification.DisplayName(method),
                string.Join("; ", uncovered)));
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
