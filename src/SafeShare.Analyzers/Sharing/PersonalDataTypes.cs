using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// Which types hold personal data, answered once per type and compilation: a type marked personal (or
/// special category, or criminal offence data) itself or through a base type, a type with a member so
/// marked, a type with a member of such a type (a referral holding a child), and a collection, array,
/// nullable or other framework generic of one.
/// </summary>
internal sealed class PersonalDataTypes
{
    // Deep enough for "referral → child → health summary"; bounded so that cyclic graphs end.
    private const int MaximumDepth = 3;

    private readonly DataClassification _classification;
    private readonly ConcurrentDictionary<ITypeSymbol, string> _cache = new(SymbolEqualityComparer.Default);

    // In front of it, the same answers for type definitions, by reference: every operation of a method asks for its type,
    // and a definition (CaseId, HttpClient, a service) is one object however it is annotated, so most lookups end here
    // without hashing. A constructed or annotated type is a new object at each use and is looked up by symbol equality.
    private readonly ConcurrentDictionary<ITypeSymbol, string> _definitions = new(ByReference<ITypeSymbol>.Instance);
    private readonly ConcurrentDictionary<ISymbol, bool> _personalSymbols = new(SymbolEqualityComparer.Default);
    private readonly System.Func<ITypeSymbol, string> _compute;
    private readonly System.Func<ISymbol, bool> _readPersonal;

    public PersonalDataTypes(DataClassification classification)
    {
        _classification = classification;
        // Made once: a lambda capturing this, written at each lookup, would be a new delegate on every call.
        _compute = t => Compute(t, 0) ?? string.Empty;
        _readPersonal = member => _classification.ReadMember(member).IsPersonal;
    }

    public DataClassification Classification => _classification;

    /// <summary>The name of the personal-data type <paramref name="type"/> is or holds, or null.</summary>
    public string? Describe(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Enum or TypeKind.Pointer or TypeKind.Dynamic)
        {
            return null;
        }

        string found;
        if (type is INamedTypeSymbol { IsDefinition: true } definition)
        {
            definition = definition.OriginalDefinition;
            if (!_definitions.TryGetValue(definition, out found))
            {
                found = _cache.TryGetValue(definition, out var known) ? known : _cache.GetOrAdd(definition, _compute);
                _definitions.TryAdd(definition, found);
            }
        }
        else
        {
            found = _cache.TryGetValue(type, out var known) ? known : _cache.GetOrAdd(type, _compute);
        }

        return found.Length == 0 ? null : found;
    }

    /// <summary>
    /// Whether a parameter is marked personal itself (its own markers), or a property or field is (its own, an overridden
    /// property's, a positional record's parameter's): what <see cref="PersonalDataTrace"/> reads at each reference.
    /// A member is answered once; a parameter is read each time (a lambda's parameters are new symbols whenever its
    /// method is bound, so a cache of them would only grow).
    /// </summary>
    public bool IsMarkedPersonal(ISymbol symbol) =>
        symbol is IParameterSymbol parameter ? _classification.ReadOwn(parameter).IsPersonal
        : _personalSymbols.TryGetValue(symbol, out var known) ? known : _personalSymbols.GetOrAdd(symbol, _readPersonal);

    private string? Compute(ITypeSymbol type, int depth)
    {
        if (depth > MaximumDepth || type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Enum or TypeKind.Pointer or TypeKind.Dynamic or TypeKind.Delegate)
        {
            return null;
        }

        if (type is IArrayTypeSymbol array)
        {
            return Compute(array.ElementType, depth + 1);
        }

        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        var element = DeclaredShares.ElementTypeOf(named);
        if (!SymbolEqualityComparer.Default.Equals(element, named))
        {
            return Compute(element, depth + 1);
        }

        // System types hold no personal-data markers; a generic one (KeyValuePair, Nullable, Tuple...) holds
        // whatever its type arguments are. (Microsoft.* types are read: ASP.NET Core Identity marks its user.)
        if (IsSystem(named))
        {
            foreach (var argument in named.TypeArguments)
            {
                if (Compute(argument, depth + 1) is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        var name = DataClassification.DisplayName(named);
        if (_classification.ReadType(named, includeBaseTypes: true).IsPersonal)
        {
            return name;
        }

        foreach (var member in _classification.AllDataMembers(named))
        {
            if (IsMarkedPersonal(member))
            {
                return name;
            }
        }

        foreach (var member in _classification.AllDataMembers(named))
        {
            var memberType = member switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };
            if (memberType is not null && !member.IsStatic && Compute(memberType, depth + 1) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static bool IsSystem(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: false, Name: "System" };
    }
}
