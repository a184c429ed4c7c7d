using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Generation;

/// <summary>Reads the data inventory entry of a type holding personal data, and retention rules.</summary>
internal static class InventoryParser
{
    /// <summary>
    /// The inventory entry of the type a personal-data marker sits in: on the type itself, a member, or a constructor's
    /// parameter. Null for a marker elsewhere (a method's parameter), and for every marker of a type declaration but the
    /// first: the entry is the type's, so one per declaration is enough, whichever marker input found it.
    /// </summary>
    public static InventoryType? DescribeHolder(GeneratorAttributeSyntaxContext attributed, CancellationToken cancellationToken)
    {
        var type = HolderOf(attributed.TargetSymbol);
        if (type is null || SafeShareSymbols.TryCreate(attributed.SemanticModel.Compilation) is not { } symbols ||
            attributed.TargetNode.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration)
        {
            return null;
        }

        var first = FirstMarker(declaration, attributed.SemanticModel, symbols, cancellationToken);
        foreach (var attribute in attributed.Attributes)
        {
            if (attribute.ApplicationSyntaxReference?.Span.Start == first)
            {
                return Describe(type, new DataClassification(symbols), cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// The inventory entry of a declared type no marker input describes (see
    /// <see cref="GeneratorInputs.MayHoldPersonalDataUnmarked"/>), or null.
    /// </summary>
    public static InventoryType? DescribeDeclared(TypeDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type &&
        SafeShareSymbols.TryCreate(model.Compilation) is { } symbols &&
        FirstMarker(declaration, model, symbols, cancellationToken) is null
            ? Describe(type, new DataClassification(symbols), cancellationToken)
            : null;

    private static INamedTypeSymbol? HolderOf(ISymbol target) => target switch
    {
        INamedTypeSymbol named => named,
        IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } => constructor.ContainingType,
        IPropertySymbol or IFieldSymbol or IEventSymbol => target.ContainingType,
        _ => null,
    };

    /// <summary>
    /// Where the first marker a marker input finds in a type declaration is written (the type's own attributes, then
    /// its positional parameters, then its members and their constructor parameters, in order), or null when there is
    /// none. Read from the declared symbols, as <c>ForAttributeWithMetadataName</c> reads them, so exactly one of the
    /// inputs describes the declaration.
    /// </summary>
    private static int? FirstMarker(TypeDeclarationSyntax declaration, SemanticModel model, SafeShareSymbols symbols, CancellationToken cancellationToken)
    {
        if (MarkerIn(declaration, declaration, model, symbols, cancellationToken) is { } onType)
        {
            return onType;
        }

        foreach (var parameter in declaration.ParameterList?.Parameters ?? default)
        {
            if (MarkerIn(parameter, declaration, model, symbols, cancellationToken) is { } onParameter)
            {
                return onParameter;
            }
        }

        foreach (var member in declaration.Members)
        {
            var found = member switch
            {
                BaseFieldDeclarationSyntax field => FirstOf(field.Declaration.Variables, field.AttributeLists.Count > 0),
                ConstructorDeclarationSyntax constructor => FirstOf(constructor.ParameterList.Parameters, true),
                PropertyDeclarationSyntax or IndexerDeclarationSyntax or EventDeclarationSyntax => MarkerIn(member, declaration, model, symbols, cancellationToken),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;

        int? FirstOf<T>(SeparatedSyntaxList<T> nodes, bool mayCarry)
            where T : SyntaxNode
        {
            foreach (var node in nodes)
            {
                if (mayCarry && MarkerIn(node, declaration, model, symbols, cancellationToken) is { } at)
                {
                    return at;
                }
            }

            return null;
        }
    }

    // The earliest marker on the symbol a node declares, written inside this declaration.
    private static int? MarkerIn(SyntaxNode node, TypeDeclarationSyntax declaration, SemanticModel model, SafeShareSymbols symbols, CancellationToken cancellationToken)
    {
        if (node is MemberDeclarationSyntax { AttributeLists.Count: 0 } or ParameterSyntax { AttributeLists.Count: 0 } ||
            model.GetDeclaredSymbol(node, cancellationToken) is not { } symbol)
        {
            return null;
        }

        int? first = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference is { } written && written.SyntaxTree == declaration.SyntaxTree &&
                declaration.Span.Contains(written.Span) && IsMarker(attribute, symbols) && (first is null || written.Span.Start < first))
            {
                first = written.Span.Start;
            }
        }

        return first;
    }

    private static bool IsMarker(AttributeData attribute, SafeShareSymbols symbols) =>
        SafeShareSymbols.Is(attribute, symbols.PersonalData) || SafeShareSymbols.Is(attribute, symbols.SpecialCategory) ||
        SafeShareSymbols.Is(attribute, symbols.CriminalOffenceData) || SafeShareSymbols.Is(attribute, symbols.IdentityPersonalData) ||
        SafeShareSymbols.Is(attribute, symbols.IdentityProtectedPersonalData);

    /// <summary>The inventory entry of a type (its own members and its base types'); null when it holds no personal data.</summary>
    public static InventoryType? Describe(INamedTypeSymbol type, DataClassification classification, CancellationToken cancellationToken)
    {
        var members = new List<InventoryMember>();
        foreach (var (member, markers) in classification.PersonalMembers(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var field = ShareParser.Field(member.Name, markers, member, classification);
            members.Add(new InventoryMember(member.Name, field.Kind, markers.SpecialCategories.ToEquatableArray(), Subject(classification, member), Basis(classification, member))
            {
                Article10 = field.Article10,
            });
        }

        var typeMarkers = classification.ReadType(type, includeBaseTypes: true);
        if (members.Count == 0 && !typeMarkers.IsPersonal)
        {
            return null;
        }

        return new InventoryType(
            type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
            Subject(classification, type),
            Basis(classification, type),
            Retention(type, classification.Symbols)?.Describe(),
            members.ToEquatableArray())
        {
            Article10 = typeMarkers.CriminalOffence is { } criminal ? classification.ResolveArticle10(type, criminal) : null,
        };
    }

    /// <summary>The lawful basis and Article 9 condition resolved for a symbol (member → type → assembly).</summary>
    public static LegalBasis Basis(DataClassification classification, ISymbol symbol)
    {
        var basis = classification.ResolveLawfulBasis(symbol);
        var condition = classification.ResolveArticle9Condition(symbol);
        var paragraph = condition is null ? 0 : DataClassification.Schedule1Paragraph(condition);
        var annex1 = basis is not null && DataClassification.NamedArgument(basis, "Annex1").Value is int annex ? annex : 0;
        return new LegalBasis(
            basis is null ? null : EnumArgument(basis, 0),
            basis is null ? null : DataClassification.NamedArgument(basis, "Gateway").Value as string,
            condition is null ? null : EnumArgument(condition, 0),
            paragraph == 0 ? null : DataClassification.EnumName(DataClassification.NamedArgument(condition!, "Schedule1")),
            paragraph,
            condition is null ? null : DataClassification.NamedArgument(condition, "BasisInLaw").Value as string)
        {
            Annex1 = annex1 == 0 ? null : DataClassification.EnumName(DataClassification.NamedArgument(basis!, "Annex1")),
            Annex1Paragraph = annex1,
        };
    }

    /// <summary>The retention rule on a type or its base types, when its anchor is a date member.</summary>
    public static RetentionRule? Retention(INamedTypeSymbol type, SafeShareSymbols symbols)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var attribute in t.GetAttributes())
            {
                if (!SafeShareSymbols.Is(attribute, symbols.RetainUntil) || DataClassification.ConstructorArgument(attribute, 0).Value is not string anchor)
                {
                    continue;
                }

                var anchorType = FindDateMember(type, anchor, symbols);
                if (anchorType is null)
                {
                    return null;
                }

                return new RetentionRule(
                    anchor,
                    anchorType,
                    DataClassification.NamedArgument(attribute, "Years").Value as int? ?? 0,
                    DataClassification.NamedArgument(attribute, "Months").Value as int? ?? 0,
                    DataClassification.NamedArgument(attribute, "ReviewEveryYears").Value as int? ?? 0);
            }
        }

        return null;
    }

    private static ITypeSymbol? FindDateMember(INamedTypeSymbol type, string name, SafeShareSymbols symbols)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name))
            {
                var memberType = member switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null };
                if (memberType is not null && symbols.IsDate(memberType))
                {
                    return memberType;
                }
            }
        }

        return null;
    }

    private static string? Subject(DataClassification classification, ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (DataClassification.NamedArgument(attribute, "Subject") is { Value: int value } subject && value != 0 && attribute.AttributeClass?.ContainingNamespace?.Name == "SafeShare")
            {
                return DataClassification.EnumName(subject);
            }
        }

        return symbol is IPropertySymbol or IFieldSymbol && symbol.ContainingType is { } type ? Subject(classification, type) : null;
    }

    internal static string? EnumArgument(AttributeData attribute, int index)
    {
        var argument = DataClassification.ConstructorArgument(attribute, index);
        return argument.Value is null ? null : DataClassification.EnumName(argument);
    }
}

/// <summary>A retention rule whose anchor resolved to a date member.</summary>
internal sealed record RetentionRule(string Anchor, ITypeSymbol AnchorType, int Years, int Months, int ReviewEveryYears)
{
    public string Describe()
    {
        var period = (Years, Months) switch
        {
            (0, 0) => "no fixed period",
            (_, 0) => $"{Years} year{(Years == 1 ? string.Empty : "s")}",
            (0, _) => $"{Months} month{(Months == 1 ? string.Empty : "s")}",
            _ => $"{Years} year{(Years == 1 ? string.Empty : "s")} {Months} month{(Months == 1 ? string.Empty : "s")}",
        };
        var text = Years == 0 && Months == 0 ? $"kept from {Anchor}" : $"{period} after {Anchor}";
        return ReviewEveryYears > 0 ? $"{text}, reviewed every {ReviewEveryYears} year{(ReviewEveryYears == 1 ? string.Empty : "s")}" : text;
    }
}
