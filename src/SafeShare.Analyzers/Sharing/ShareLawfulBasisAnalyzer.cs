using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// SAFE102: a share with no lawful basis (share method, then its type, then the assembly). SAFE107: a
/// safeguarding share whose lawful basis is Consent — "when you intend to share information as part of
/// action to safeguard a child at possible risk of harm, consent may not be an appropriate basis for
/// sharing" (North East Lincolnshire guidance §4 rule 3).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShareLawfulBasisAnalyzer : DiagnosticAnalyzer
{
    private const int ConsentBasis = 0; // LawfulBasis.Consent
    private const int SafeguardingParagraph = 18; // Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk

    // Words in a share's recipient or purpose that say it is safeguarding work (Buckinghamshire Code of Practice Appendix 1,
    // "Safeguarding"; Children Act 1989 s47 enquiries and strategy discussions).
    private static readonly string[] SafeguardingWords =
    {
        "safeguard", "child protection", "protection plan", "significant harm", "at risk", "risk of harm",
        "section 47", "s47", "s.47", "strategy discussion", "strategy meeting", "abuse", "neglect", "exploitation",
    };

    // The same, as they appear in a method name.
    private static readonly string[] SafeguardingNameParts = { "safeguard", "childprotection", "section47", "s47", "strategydiscussion" };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.ShareWithoutLawfulBasis,
        Rules.ConsentBasisForSafeguardingShare);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        DeclaredShares.RegisterShareRule(context, static _ => true, AnalyzeMethod);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, IMethodSymbol method, AttributeData share, SharingSymbols symbols, DataClassification classification)
    {
        var basis = classification.ResolveLawfulBasis(method);
        if (basis is null)
        {
            context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.ShareWithoutLawfulBasis, method.Locations[0], DataClassification.DisplayName(method)));
            return;
        }

        if (DataClassification.ConstructorArgument(basis, 0).Value is ConsentBasis &&
            SafeguardingSignal(method, share, classification) is { } signal)
        {
            context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.ConsentBasisForSafeguardingShare, method.Locations[0], DataClassification.DisplayName(method), signal));
        }
    }

    /// <summary>Why the share looks like safeguarding work, or null when nothing says so.</summary>
    private static string? SafeguardingSignal(IMethodSymbol method, AttributeData share, DataClassification classification)
    {
        var names = new[] { "purpose", "recipient" };
        for (var i = 0; i < names.Length; i++)
        {
            // ShareAttribute(recipient, purpose): index 1 is the purpose.
            if (DataClassification.ConstructorArgument(share, 1 - i).Value is string text && Find(text, SafeguardingWords) is { } word)
            {
                return $"its {names[i]} mentions '{word}'";
            }
        }

        if (Find(method.Name, SafeguardingNameParts) is not null)
        {
            return $"its name '{method.Name}' says so";
        }

        if (classification.ResolveArticle9Condition(method) is { } condition && DataClassification.Schedule1Paragraph(condition) == SafeguardingParagraph)
        {
            return "its Article 9 condition relies on DPA 2018 Sch. 1 para 18, safeguarding of children and individuals at risk";
        }

        return null;
    }

    private static string? Find(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return word;
            }
        }

        return null;
    }
}
