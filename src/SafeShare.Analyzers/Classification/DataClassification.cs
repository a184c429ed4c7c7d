using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers.Classification;

/// <summary>What a symbol's own markers say it holds.</summary>
internal readonly struct DataMarkers
{
    public DataMarkers(bool isPersonal, ImmutableArray<string> specialCategories, AttributeData? criminalOffence)
    {
        IsPersonal = isPersonal;
        SpecialCategories = specialCategories.IsDefault ? ImmutableArray<string>.Empty : specialCategories;
        CriminalOffence = criminalOffence;
    }

    public bool IsPersonal { get; }
    public ImmutableArray<string> SpecialCategories { get; }
    public AttributeData? CriminalOffence { get; }
    public bool IsSpecialCategory => SpecialCategories.Length > 0;
}

/// <summary>
/// The authority for criminal offence data (UK GDPR Art. 10): an official authority, as written, and the DPA 2018
/// Schedule 1 condition (enum member name and paragraph; null and 0 when none).
/// </summary>
internal sealed record Article10Authority(string? OfficialAuthority, string? Schedule1, int Schedule1Paragraph)
{
    /// <summary>
    /// Whether Art. 10(1) is met as far as the code can say: under the control of official authority, or with a condition
    /// in Part 1, 2 or 3 of Schedule 1 (DPA 2018 s10(5)).
    /// </summary>
    public bool IsResolved => OfficialAuthority is not null || Schedule1Rules.PartOf(Schedule1Paragraph) != 0;
}

/// <summary>
/// Reads the SafeShare markers of types and members and resolves their lawful basis and Article 9
/// condition. The nearest declaration wins — member, then (for a parameter) its method,
/// then the declaring type with its base types and enclosing types, then the assembly.
/// </summary>
internal sealed class DataClassification
{
    private readonly SafeShareSymbols _symbols;

    public DataClassification(SafeShareSymbols symbols) => _symbols = symbols;

    public SafeShareSymbols Symbols => _symbols;

    /// <summary>The markers written on the symbol itself.</summary>
    public DataMarkers ReadOwn(ISymbol symbol) => Read(symbol.GetAttributes());

    /// <summary>
    /// The markers of a data member: its own, those of the property it overrides, and for a positional
    /// record property those written on its primary-constructor parameter.
    /// </summary>
    public DataMarkers ReadMember(ISymbol member)
    {
        var markers = ReadOwn(member);
        if (member is IPropertySymbol property)
        {
            if (RecordParameterOf(property) is { } parameter)
            {
                markers = Merge(markers, ReadOwn(parameter));
            }

            for (var overridden = property.OverriddenProperty; overridden is not null; overridden = overridden.OverriddenProperty)
            {
                markers = Merge(markers, ReadOwn(overridden));
            }
        }

        return markers;
    }

    /// <summary>The type's own type-level markers, and those it inherits from its base types.</summary>
    public DataMarkers ReadType(INamedTypeSymbol type, bool includeBaseTypes)
    {
        var markers = ReadOwn(type);
        if (includeBaseTypes)
        {
            for (var b = type.BaseType; b is not null && b.SpecialType != SpecialType.System_Object; b = b.BaseType)
            {
                markers = Merge(markers, ReadOwn(b));
            }
        }

        return markers;
    }

    /// <summary>
    /// The data members declared in a type: non-implicit properties and fields, and the parameters of
    /// its methods and constructors (a positional record's parameters are reported as its properties).
    /// </summary>
    public IEnumerable<ISymbol> DeclaredDataMembers(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IPropertySymbol { IsIndexer: false } property:
                    yield return property;
                    break;
                case IFieldSymbol { IsImplicitlyDeclared: false } field:
                    yield return field;
                    break;
                case IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor } method:
                    foreach (var parameter in method.Parameters)
                    {
                        if (!IsRecordPropertyParameter(parameter))
                        {
                            yield return parameter;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The personal data a value of the type carries, as the generator records it and the rules judge it: each instance
    /// property and field marked personal (<see cref="ReadMember"/>), the base type's first, in declaration order, a
    /// name hidden by a derived member counted once. The inventory, a share's recorded fields, SAFE905 and SAFE106 all
    /// read this list, so a rule and a record never disagree.
    /// </summary>
    public List<(ISymbol Member, DataMarkers Markers)> PersonalMembers(INamedTypeSymbol type)
    {
        var found = new List<(ISymbol, DataMarkers)>();
        var seen = new HashSet<string>();
        foreach (var member in DataMembersBaseFirst(type))
        {
            if (member.IsStatic)
            {
                continue;
            }

            var markers = ReadMember(member);
            // A member hidden by a derived one keeps the base's entry (base first); a set, as a type can have thousands.
            if (markers.IsPersonal && seen.Add(member.Name))
            {
                found.Add((member, markers));
            }
        }

        return found;
    }

    /// <summary>Properties and fields in declaration order, the base type's first: the order a reviewer reads them in.</summary>
    public IEnumerable<ISymbol> DataMembersBaseFirst(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            chain.Add(t);
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var member in chain[i].GetMembers())
            {
                if (member is IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsImplicitlyDeclared: false })
                {
                    yield return member;
                }
            }
        }
    }

    /// <summary>Every data member of the type, including those inherited from its base types.</summary>
    public IEnumerable<ISymbol> AllDataMembers(INamedTypeSymbol type)
    {
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member is IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsImplicitlyDeclared: false })
                {
                    yield return member;
                }
            }
        }
    }

    public AttributeData? ResolveLawfulBasis(ISymbol symbol) => Resolve(symbol, _symbols.LawfulBasis, static a => a.LawfulBasis);

    public AttributeData? ResolveArticle9Condition(ISymbol symbol) => Resolve(symbol, _symbols.Article9Condition, static a => a.Article9Condition);

    /// <summary>The information sharing agreement of a share: on the share method, its types, or the assembly.</summary>
    public AttributeData? ResolveSharingAgreement(ISymbol share) => Resolve(share, _symbols.SharingAgreement, static a => a.SharingAgreement);

    /// <summary>
    /// What authorises criminal offence data held by <paramref name="symbol"/> (UK GDPR Art. 10; DPA 2018 s10(5)): the
    /// official authority and Schedule 1 condition on its <c>[CriminalOffenceData]</c> marker, or else the Schedule 1
    /// condition of the Article 9 condition that applies to it (member → type → assembly). SAFE005, the share rule and
    /// the generated records all read it here, so a record never names an authority a rule would not accept.
    /// </summary>
    public Article10Authority ResolveArticle10(ISymbol symbol, AttributeData criminalOffence)
    {
        var authority = NamedArgument(criminalOffence, "OfficialAuthority").Value as string;
        authority = string.IsNullOrWhiteSpace(authority) ? null : authority;
        var paragraph = Schedule1Paragraph(criminalOffence);
        var source = criminalOffence;
        if (paragraph == 0 && ResolveArticle9Condition(symbol) is { } condition && Schedule1Paragraph(condition) != 0)
        {
            paragraph = Schedule1Paragraph(condition);
            source = condition;
        }

        return new Article10Authority(authority, paragraph == 0 ? null : EnumName(NamedArgument(source, "Schedule1")), paragraph);
    }

    /// <summary>"Type.Member", "Type.Method(parameter)" or "Type": how messages name a symbol.</summary>
    public static string DisplayName(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => TypeName(type),
        IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter =>
            $"{TypeName(method.ContainingType)}.{(method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor ? method.ContainingType.Name : method.Name)}({parameter.Name})",
        IAssemblySymbol assembly => $"assembly {assembly.Name}",
        _ when symbol.ContainingType is { } containing => $"{TypeName(containing)}.{symbol.Name}",
        _ => symbol.Name,
    };

    /// <summary>The name of an enum value held by an attribute argument, or its number when it has no name.</summary>
    public static string EnumName(TypedConstant constant)
    {
        if (constant.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && constant.Value is { } value)
        {
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
                {
                    return field.Name;
                }
            }
        }

        return constant.Value?.ToString() ?? "?";
    }

    /// <summary>The value of a named argument, or default when it is not set or does not compile.</summary>
    public static TypedConstant NamedArgument(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Kind != TypedConstantKind.Error)
            {
                return pair.Value;
            }
        }

        return default;
    }

    /// <summary>The constructor argument at <paramref name="index"/>, or default when missing or broken.</summary>
    public static TypedConstant ConstructorArgument(AttributeData attribute, int index) =>
        attribute.AttributeConstructor is not null && index < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[index].Kind != TypedConstantKind.Error
            ? attribute.ConstructorArguments[index]
            : default;

    /// <summary>The Schedule 1 paragraph named by an attribute's <c>Schedule1</c> argument; 0 when none.</summary>
    public static int Schedule1Paragraph(AttributeData attribute) =>
        NamedArgument(attribute, "Schedule1").Value is int paragraph ? paragraph : 0;

    private AttributeData? Resolve(ISymbol symbol, INamedTypeSymbol? attributeType, System.Func<AssemblyAnnotations, AttributeData?> assemblyLevel)
    {
        if (attributeType is null)
        {
            return null;
        }

        if (Find(symbol, attributeType) is { } own)
        {
            return own;
        }

        if (symbol is IPropertySymbol property && RecordParameterOf(property) is { } recordParameter && Find(recordParameter, attributeType) is { } onParameter)
        {
            return onParameter;
        }

        if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method } && Find(method, attributeType) is { } onMethod)
        {
            return onMethod;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        for (var enclosing = type; enclosing is not null; enclosing = enclosing.ContainingType)
        {
            for (var t = enclosing; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            {
                if (Find(t, attributeType) is { } onType)
                {
                    return onType;
                }
            }
        }

        var assembly = symbol.ContainingAssembly;
        if (assembly is null)
        {
            return null;
        }

        return SymbolEqualityComparer.Default.Equals(assembly, _symbols.Compilation.Assembly)
            ? assemblyLevel(_symbols.Assembly)
            : Find(assembly, attributeType);
    }

    private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SafeShareSymbols.Is(attribute, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    private DataMarkers Read(ImmutableArray<AttributeData> attributes)
    {
        var personal = false;
        ImmutableArray<string>.Builder? categories = null;
        AttributeData? criminal = null;
        foreach (var attribute in attributes)
        {
            // An attribute whose arguments do not bind yet (half-typed) marks nothing until it compiles.
            if (attribute.AttributeClass is null || attribute.AttributeConstructor is null)
            {
                continue;
            }

            if (SafeShareSymbols.Is(attribute, _symbols.SpecialCategory))
            {
                personal = true;
                categories ??= ImmutableArray.CreateBuilder<string>();
                var category = ConstructorArgument(attribute, 0);
                categories.Add(EnumName(category));
            }
            else if (SafeShareSymbols.Is(attribute, _symbols.CriminalOffenceData))
            {
                personal = true;
                criminal ??= attribute;
            }
            else if (SafeShareSymbols.Is(attribute, _symbols.PersonalData) ||
                     SafeShareSymbols.Is(attribute, _symbols.IdentityPersonalData) ||
                     SafeShareSymbols.Is(attribute, _symbols.IdentityProtectedPersonalData))
            {
                personal = true;
            }
        }

        return new DataMarkers(personal, categories?.ToImmutable() ?? ImmutableArray<string>.Empty, criminal);
    }

    private static DataMarkers Merge(DataMarkers a, DataMarkers b) =>
        !b.IsPersonal ? a :
        !a.IsPersonal ? b :
        new DataMarkers(true, a.SpecialCategories.AddRange(b.SpecialCategories.Where(c => !a.SpecialCategories.Contains(c))), a.CriminalOffence ?? b.CriminalOffence);

    /// <summary>The primary-constructor parameter a positional record property was declared by.</summary>
    private static IParameterSymbol? RecordParameterOf(IPropertySymbol property)
    {
        var type = property.ContainingType;
        if (type is not { IsRecord: true } || property.Locations.Length == 0)
        {
            return null;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.Name == property.Name && parameter.Locations.Length > 0 && parameter.Locations[0] == property.Locations[0])
                {
                    return parameter;
                }
            }
        }

        return null;
    }

    private static bool IsRecordPropertyParameter(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { IsRecord: true } type } || parameter.Locations.Length == 0)
        {
            return false;
        }

        foreach (var member in type.GetMembers(parameter.Name))
        {
            if (member is IPropertySymbol property && property.Locations.Length > 0 && property.Locations[0] == parameter.Locations[0])
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SymbolDisplayFormat TypeNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    private static string TypeName(INamedTypeSymbol type) => type.ToDisplayString(TypeNameFormat);
}
