using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeShare.Analyzers.Classification;

/// <summary>
/// SAFE001: special category data with no Article 9 condition. SAFE002: an Article 9 condition whose
/// Schedule 1 condition is missing or from the wrong part. SAFE006: a Schedule 1 condition that needs an
/// appropriate policy document in an assembly that declares none.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpecialCategoryAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.SpecialCategoryWithoutArticle9Condition,
        Rules.Article9ConditionWithoutMatchingSchedule1,
        Rules.MissingAppropriatePolicyDocument);

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
                    if (AnnotationSites.MayHoldAnnotations((INamedTypeSymbol)s.Symbol, s.Compilation, s.CancellationToken))
                    {
                        s.RegisterSymbolEndAction(c => AnalyzeType(c, classification));
                    }
                },
                SymbolKind.NamedType);
            start.RegisterSyntaxTreeAction(c => AnalyzeAssemblyAttributes(c, symbols));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, DataClassification classification)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        ReportIfNoCondition(context, classification, type, classification.ReadOwn(type));
        foreach (var member in classification.DeclaredDataMembers(type))
        {
            ReportIfNoCondition(context, classification, member, classification.ReadMember(member));
        }

        var symbols = classification.Symbols;
        // One delegate for the type: a method group of the context (a struct) would box it for every attribute.
        System.Action<Diagnostic> report = d => context.ReportOutsideGeneratedCode(d);
        var cancellationToken = context.CancellationToken;
        AnnotationSites.ForEachAttribute(type, (target, attribute) => CheckSchedule1(attribute, target, symbols, report, cancellationToken));
    }

    private static void ReportIfNoCondition(SymbolAnalysisContext context, DataClassification classification, ISymbol symbol, DataMarkers markers)
    {
        if (!markers.IsSpecialCategory || symbol.Locations.Length == 0 || !symbol.Locations[0].IsInSource)
        {
            return;
        }

        if (classification.ResolveArticle9Condition(symbol) is null)
        {
            var categories = string.Join(", ", markers.SpecialCategories);
            context.ReportOutsideGeneratedCode(Diagnostic.Create(
                Rules.SpecialCategoryWithoutArticle9Condition,
                symbol.Locations[0],
                ImmutableDictionary<string, string?>.Empty.Add(ClassificationProperties.SpecialCategories, categories),
                DataClassification.DisplayName(symbol),
                categories));
        }
    }

    private static void AnalyzeAssemblyAttributes(SyntaxTreeAnalysisContext context, SafeShareSymbols symbols)
    {
        // No semantic model is needed: the assembly's attributes are read from its symbol, once.
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
            CheckSchedule1(attribute, symbols.Compilation.Assembly, symbols, d => context.ReportOutsideGeneratedCode(d), context.CancellationToken);
        }
    }

    private static void CheckSchedule1(AttributeData attribute, ISymbol target, SafeShareSymbols symbols, System.Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var isCondition = SafeShareSymbols.Is(attribute, symbols.Article9Condition);
        if (!isCondition && !SafeShareSymbols.Is(attribute, symbols.CriminalOffenceData))
        {
            return;
        }

        var paragraph = DataClassification.Schedule1Paragraph(attribute);
        if (isCondition && DataClassification.ConstructorArgument(attribute, 0).Value is int condition &&
            !Schedule1Rules.Matches(condition, paragraph))
        {
            var problem = paragraph == 0
                ? "but names no Schedule 1 condition"
                : Schedule1Rules.PartOf(paragraph) == 0
                    ? $"but Schedule1 = {paragraph} is not a Schedule 1 paragraph"
                    : Schedule1Rules.NeedsSchedule1(condition)
                        ? $"but Schedule1Condition.{DataClassification.EnumName(DataClassification.NamedArgument(attribute, "Schedule1"))} is Sch. 1 Part {Schedule1Rules.PartOf(paragraph)} para {paragraph}"
                        : $"which needs no Schedule 1 condition, but names Schedule1Condition.{DataClassification.EnumName(DataClassification.NamedArgument(attribute, "Schedule1"))} (Sch. 1 Part {Schedule1Rules.PartOf(paragraph)} para {paragraph})";
            report(Diagnostic.Create(
                Rules.Article9ConditionWithoutMatchingSchedule1,
                AnnotationSites.LocationOf(attribute, cancellationToken),
                DataClassification.DisplayName(target),
                Schedule1Rules.Letter(condition),
                DataClassification.EnumName(DataClassification.ConstructorArgument(attribute, 0)),
                problem,
                Schedule1Rules.Required(condition)));
        }

        if (Schedule1Rules.NeedsAppropriatePolicyDocument(paragraph) && !symbols.Assembly.HasAppropriatePolicyDocument)
        {
            report(Diagnostic.Create(
                Rules.MissingAppropriatePolicyDocument,
                AnnotationSites.LocationOf(attribute, cancellationToken),
                "Schedule1Condition." + DataClassification.EnumName(DataClassification.NamedArgument(attribute, "Schedule1")),
                paragraph));
        }
    }
}
