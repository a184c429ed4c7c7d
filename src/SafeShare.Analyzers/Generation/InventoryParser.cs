using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Generation;

/// <summary>Reads the data inventory entry of a type holding personal data, and retention rules.</summary>
internal static class InventoryParser
{
    /// <summary>The inventory entry of a type (its own members and its base types'); null when it holds no personal data.</summary>
    public static InventoryType? Describe(INamedTypeSymbol type, DataClassification classification, CancellationToken cancellationToken)
    {
        var members = new List<InventoryMember>();
        var seen = new HashSet<string>();
        foreach (var member in DataMembersBaseFirst(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.IsStatic)
            {
                continue;
            }

            var markers = classification.ReadMember(member);
            // A member hidden by a derived one keeps the base's entry (base first); a set, as a type can have thousands.
            if (!markers.IsPersonal || !seen.Add(member.Name))
            {
                continue;
            }

            var field = ShareParser.Field(member.Name, markers);
            members.Add(new InventoryMember(member.Name, field.Kind, markers.SpecialCategories.ToEquatableArray(), Subject(classification, member), Basis(classification, member)));
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
            members.ToEquatableArray());
    }

    /// <summary>Properties and fields in declaration order, the base type's first: the order a reviewer reads them in.</summary>
    private static IEnumerable<ISymbol> DataMembersBaseFirst(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        return chain.SelectMany(t => t.GetMembers()).Where(m => m is IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsImplicitlyDeclared: false });
    }

    /// <summary>The lawful basis and Article 9 condition resolved for a symbol (member → type → assembly).</summary>
    public static LegalBasis Basis(DataClassification classification, ISymbol symbol)
    {
        var basis = classification.ResolveLawfulBasis(symbol);
        var condition = classification.ResolveArticle9Condition(symbol);
        var paragraph = condition is null ? 0 : DataClassification.Schedule1Paragraph(condition);
        return new LegalBasis(
            basis is null ? null : EnumArgument(basis, 0),
            basis is null ? null : DataClassification.NamedArgument(basis, "Gateway").Value as string,
            condition is null ? null : EnumArgument(condition, 0),
            paragraph == 0 ? null : DataClassification.EnumName(DataClassification.NamedArgument(condition!, "Schedule1")),
            paragraph,
            condition is null ? null : DataClassification.NamedArgument(condition, "BasisInLaw").Value as string);
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
