using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// SAFE106: a share whose payload carries more personal data than it declares — with <c>Fields</c>, each
/// personal member of the payload not listed; without, a payload that is a whole stored record (its type
/// has <c>[RetainUntil]</c>). Also a <c>Fields</c> entry that names no member of the payload. "Sharing
/// information with a third party rarely requires you to share an entire record or case-file" (North East Lincolnshire guidance
/// §4 rule 6; golden rule 6 of the Sheffield schools guide).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShareFieldsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ShareCarriesUndeclaredFields);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        DeclaredShares.RegisterShareRule(context, static _ => true, AnalyzeMethod);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, IMethodSymbol method, AttributeData share, SharingSymbols symbols, DataClassification classification)
    {
        if (DeclaredShares.PayloadOf(method, symbols) is not { } payload || payload.Locations.Length == 0 ||
            DeclaredShares.ElementTypeOf(payload.Type) is not INamedTypeSymbol type)
        {
            return;
        }

        var shareName = DataClassification.DisplayName(method);
        var typeName = DataClassification.DisplayName(type);
        var fields = DeclaredShares.FieldsOf(share);
        if (fields.IsDefault)
        {
            if (IsStoredRecord(type, symbols.Core))
            {
                context.ReportOutsideGeneratedCode(Diagnostic.Create(
                    Rules.ShareCarriesUndeclaredFields,
                    payload.Locations[0],
                    $"The share '{shareName}' sends the whole stored record '{typeName}' (it has [RetainUntil]); list what the purpose needs with Fields = new[] {{ nameof({typeName}.Member), ... }} or share a smaller payload type"));
            }

            return;
        }

        var members = new HashSet<string>();
        foreach (var member in classification.AllDataMembers(type))
        {
            members.Add(member.Name);
        }

        // What the generated record lists as shared: the same reader as the generator's.
        var personal = new List<string>();
        foreach (var (member, _) in classification.PersonalMembers(type))
        {
            personal.Add(member.Name);
        }

        var listed = new HashSet<string>();
        var entries = EntryLocations(share, context.CancellationToken);
        for (var i = 0; i < fields.Length; i++)
        {
            var name = fields[i].Kind == TypedConstantKind.Error ? null : fields[i].Value as string;
            if (name is not null && members.Contains(name))
            {
                listed.Add(name);
                continue;
            }

            context.ReportOutsideGeneratedCode(Diagnostic.Create(
                Rules.ShareCarriesUndeclaredFields,
                i < entries.Count ? entries[i] : AnnotationSites.LocationOf(share, context.CancellationToken),
                name is null
                    ? $"A Fields entry of the share '{shareName}' is null; name a member of '{typeName}' with nameof({typeName}.Member)"
                    : $"The Fields entry \"{name}\" of the share '{shareName}' names no member of its payload '{typeName}'; use nameof({typeName}.Member)"));
        }

        personal.RemoveAll(listed.Contains);
        if (personal.Count > 0)
        {
            context.ReportOutsideGeneratedCode(Diagnostic.Create(
                Rules.ShareCarriesUndeclaredFields,
                payload.Locations[0],
                $"The share '{shareName}' declares Fields, but its payload '{typeName}' also carries personal data it does not list ({string.Join(", ", personal)}); share a payload type that holds only what the purpose needs"));
        }
    }

    /// <summary>A whole stored record: the type, or a base type, says how long it is kept.</summary>
    private static bool IsStoredRecord(INamedTypeSymbol type, SafeShareSymbols symbols)
    {
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
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

    /// <summary>The location of each element of <c>Fields = new[] { ... }</c> (or <c>[...]</c>) as written.</summary>
    private static IReadOnlyList<Location> EntryLocations(AttributeData share, CancellationToken cancellationToken)
    {
        var locations = new List<Location>();
        if (share.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } list })
        {
            return locations;
        }

        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText != "Fields")
            {
                continue;
            }

            switch (argument.Expression)
            {
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    AddAll(initializer.Expressions, locations);
                    break;
                case ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    AddAll(initializer.Expressions, locations);
                    break;
                case CollectionExpressionSyntax collection:
                    foreach (var element in collection.Elements)
                    {
                        locations.Add(element.GetLocation());
                    }

                    break;
            }
        }

        return locations;
    }

    private static void AddAll(SeparatedSyntaxList<ExpressionSyntax> expressions, List<Location> locations)
    {
        foreach (var expression in expressions)
        {
            locations.Add(expression.GetLocation());
        }
    }
}
