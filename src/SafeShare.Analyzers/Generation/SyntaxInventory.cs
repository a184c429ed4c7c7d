using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Generation;

/// <summary>
/// The data inventory entry of a type, and the model of a <c>[Share]</c> method (<see cref="TryShare"/>), read from
/// their syntax without binding — for the common case only, and only where the syntax says for certain what
/// <see cref="InventoryParser.Describe"/> and <see cref="ShareParser.Parse"/> would read (issue 6: binding every
/// attribute of every personal-data type, each retention anchor's type and each share method was most of the
/// generator's first run, on a compilation the build then discards).
/// </summary>
/// <remarks>
/// <para>
/// The common case is a class, struct or record written in one declaration (<c>partial</c> with one part is fine) without
/// a base list, type parameters or nesting, and without a primary constructor unless it is a positional record; whose
/// file imports <c>SafeShare</c> and declares no using alias or using static; whose members' attributes carry no target
/// (a positional record's parameters may say <c>property:</c>, <c>param:</c> or <c>field:</c>); and whose SafeShare
/// attributes are written by their simple names with literal, <c>Enum.Member</c> and <c>nameof(Member)</c> arguments.
/// </para>
/// <para>
/// A name written in an attribute stands for SafeShare's type only when nothing else could: no type or namespace
/// of that name is declared in the source or in any other referenced assembly, no global alias or top-level statement
/// declares it (a top-level local is found first from every file), and the type declares no member of that name
/// (which an argument like <c>DataSubject.Child</c> would find first). These are read once per compilation from the
/// declaration table, the references' name lists and each file's global names (<see cref="TreeCandidates"/>), not by
/// binding.
/// </para>
/// <para>
/// A retention anchor's type is read the same way when it is a keyword type, or <c>DateTime</c>, <c>DateOnly</c> or
/// <c>DateTimeOffset</c> (with or without <c>?</c>) and only System's can have that name where it is written
/// (<see cref="OnlySystems"/>); a share's payload type when exactly one of the namespaces the binder searches holds that
/// name, and it is a type of the source this reader can read (<see cref="SourceType"/>).
/// </para>
/// <para>
/// Anything else — another shape, an argument of another form, a name that could mean something else, ASP.NET Core
/// Identity's markers being referenced, syntax errors — returns false and the type is read semantically. The tests
/// compare the two readers on every test source, and the fuzzer on every mutant.
/// </para>
/// </remarks>
internal sealed class SyntaxInventory
{
    private const string Namespace = "SafeShare";

    // What each SafeShare attribute takes: its positional argument (if any) and its named ones, by value kind.
    private static readonly Dictionary<string, Shape> Shapes = new(System.StringComparer.Ordinal)
    {
        ["PersonalDataAttribute"] = new(Marker.Personal, null, new() { ["Subject"] = "DataSubject" }),
        ["SpecialCategoryAttribute"] = new(Marker.SpecialCategory, "SpecialCategory", new() { ["Subject"] = "DataSubject" }),
        ["CriminalOffenceDataAttribute"] = new(Marker.CriminalOffence, null, new() { ["Schedule1"] = "Schedule1Condition", ["OfficialAuthority"] = StringValue, ["Subject"] = "DataSubject" }),
        ["LawfulBasisAttribute"] = new(Marker.LawfulBasis, "LawfulBasis", new() { ["Gateway"] = StringValue }),
        ["Article9ConditionAttribute"] = new(Marker.Article9Condition, "Article9Condition", new() { ["Schedule1"] = "Schedule1Condition", ["BasisInLaw"] = StringValue }),
        ["RetainUntilAttribute"] = new(Marker.RetainUntil, StringValue, new() { ["Years"] = IntValue, ["Months"] = IntValue, ["ReviewEveryYears"] = IntValue }),
    };

    private const string StringValue = "string";
    private const string IntValue = "int";

    private readonly Compilation _compilation;
    private readonly SafeShareSymbols _symbols;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _enabled;
    private readonly bool _globalImport;
    private bool _assemblyBasisMayBeWritten;
    private readonly HashSet<string> _globalAliases;
    private readonly List<IAssemblySymbol> _otherAssemblies = new();
    private readonly Dictionary<string, List<INamedTypeSymbol>> _safeShareTypes = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _safeShareNamespaces = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _onlySafeShare = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _onlySystem = new(System.StringComparer.Ordinal);
    private HashSet<string>? _sourceNames;
    private readonly HashSet<string> _globalUsings = new(System.StringComparer.Ordinal);
    private bool _globalUsingsKnown = true;
    private readonly Dictionary<string, INamespaceSymbol?> _namespaces = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, EnumValues?> _enums = new(System.StringComparer.Ordinal);
    private readonly System.Func<SyntaxTree, SemanticModel> _model;
    private readonly Dictionary<TypeDeclarationSyntax, (bool Ok, InventoryType? Entry, RetentionModel? Retention)> _read = new();

    public SyntaxInventory(Compilation compilation, SafeShareSymbols symbols, EquatableArray<string> globalAliases, System.Func<SyntaxTree, SemanticModel> model, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _symbols = symbols;
        _model = model;
        _cancellationToken = cancellationToken;
        _globalAliases = new HashSet<string>(globalAliases, System.StringComparer.Ordinal);
        _enabled = Enable(out _globalImport);
    }

    /// <summary>How many declarations this thread has read from syntax, ever: for tests.</summary>
    [System.ThreadStatic]
    private static int s_readFromSyntax;

    internal static int ReadFromSyntaxOnThisThread => s_readFromSyntax;

    /// <summary>How many retention anchors' types this thread has bound rather than read from syntax, ever: for tests.</summary>
    [System.ThreadStatic]
    private static int s_anchorsBound;

    internal static int AnchorsBoundOnThisThread => s_anchorsBound;

    /// <summary>How many shares this thread has read from syntax, ever: for tests.</summary>
    [System.ThreadStatic]
    private static int s_sharesFromSyntax;

    internal static int SharesFromSyntaxOnThisThread => s_sharesFromSyntax;

    /// <summary>Reads the inventory entry of <paramref name="syntax"/> when its syntax says for certain what it is.</summary>
    /// <param name="syntax">A type declaration that may hold personal data.</param>
    /// <param name="entry">Its inventory entry, or null when it holds none.</param>
    /// <param name="retention">The retention model of a partial type, as <see cref="SafeShareGenerator.ParseRetention"/> makes it.</param>
    /// <returns>False when the type must be read semantically; otherwise the outputs are what the semantic reader gives.</returns>
    public bool TryDescribe(TypeDeclarationSyntax syntax, out InventoryType? entry, out RetentionModel? retention)
    {
        // A payload type is also a candidate of its own: read once a run.
        if (!_read.TryGetValue(syntax, out var read))
        {
            read = (Describe(syntax, out var described, out var model), described, model);
            _read.Add(syntax, read);
        }

        (entry, retention) = (read.Entry, read.Retention);
        return read.Ok;
    }

    /// <summary>
    /// A share's payload fields (<see cref="ShareParser.PayloadFields"/>) when its type is a declaration this reader
    /// can read; null otherwise.
    /// </summary>
    public EquatableArray<DataField>? PayloadFields(ITypeSymbol payload, HashSet<string>? allowed)
    {
        return payload is INamedTypeSymbol { DeclaringSyntaxReferences: { Length: 1 } references } &&
            references[0].GetSyntax(_cancellationToken) is TypeDeclarationSyntax syntax && _compilation.ContainsSyntaxTree(syntax.SyntaxTree)
            ? PayloadFieldsOf(syntax, allowed)
            : null;
    }

    private EquatableArray<DataField>? PayloadFieldsOf(TypeDeclarationSyntax syntax, HashSet<string>? allowed)
    {
        if (!TryDescribe(syntax, out var entry, out _))
        {
            return null;
        }

        var fields = new List<DataField>();
        foreach (var member in entry?.Members ?? EquatableArray<InventoryMember>.Empty)
        {
            if (allowed is null || allowed.Contains(member.Name))
            {
                // The member's kind is ShareParser.Field's; a special category member's field names its first category.
                fields.Add(new DataField(member.Name, member.Kind, member.Kind == "SpecialCategory" ? member.Categories[0] : null));
            }
        }

        return fields.ToEquatableArray();
    }

    /// <summary>
    /// Reads a <c>[Share]</c> method's model when its syntax says for certain what <see cref="ShareParser.Parse"/> would
    /// make of it, and that is a share with nothing to report: binding the method built every member of its type (and,
    /// for a class with a primary constructor, bound their bodies) and bound the file's usings (issue 6).
    /// </summary>
    /// <remarks>
    /// The common case: a partial method of a partial, plain type in one declaration (as <see cref="Describe"/> takes it,
    /// a primary constructor allowed) whose file imports SafeShare; <c>[Share]</c> written once with two string literals
    /// and no named argument; the return type, the <c>DecisionDetails</c> and any log parameter written by SafeShare's
    /// simple names; one payload parameter whose type is a type of the source this reader can read and the method can
    /// only mean; and, without a log parameter, a log field or property found before any member whose type it cannot
    /// tell. Anything else returns false and the method is read semantically.
    /// </remarks>
    /// <param name="syntax">A method declaration that may carry [Share].</param>
    /// <param name="share">The share, with no diagnostics.</param>
    /// <returns>False when the method must be read semantically.</returns>
    public bool TryShare(MethodDeclarationSyntax syntax, out ShareResult? share)
    {
        share = null;
        if (!_enabled || syntax.Parent is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax { ParameterList: null }) ||
            syntax.Parent is not TypeDeclarationSyntax owner || !IsPlainType(owner, primaryConstructor: true) || !owner.Modifiers.Any(SyntaxKind.PartialKeyword) || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) ||
            syntax.TypeParameterList is not null || syntax.ExplicitInterfaceSpecifier is not null || !Plain(syntax.Identifier) ||
            syntax.Body is not null || syntax.ExpressionBody is not null || !Imports(owner) || Accessibility(syntax.Modifiers) is not { } accessibility ||
            _symbols.DecisionRecord is not { } decisionRecord || _symbols.DecisionDetails is not { } decisionDetails || _symbols.DecisionLog is not { } decisionLog ||
            _model(syntax.SyntaxTree).GetDeclaredSymbol(owner, _cancellationToken) is not { DeclaringSyntaxReferences.Length: 1 })
        {
            return false;
        }

        var memberNames = MemberNames(owner);
        if (ShareAttribute(syntax, memberNames) is not { } shareAttribute ||
            ReadAll(syntax.AttributeLists, memberNames, skip: shareAttribute.Syntax) is not { } methodAttributes ||
            Read(owner.AttributeLists, memberNames) is not { } typeAttributes ||
            SafeShareType(syntax.ReturnType, memberNames) is not { } returnType || !SymbolEqualityComparer.Default.Equals(returnType, decisionRecord))
        {
            return false;
        }

        var isStatic = syntax.Modifiers.Any(SyntaxKind.StaticKeyword);
        var parameters = new List<ShareParameter>();
        (string Name, TypeDeclarationSyntax Type)? payload = null;
        string? logParameter = null;
        var details = 0;
        foreach (var parameter in syntax.ParameterList.Parameters)
        {
            if (parameter.Type is null || parameter.Modifiers.Count > 0 || parameter.Default is not null || parameter.AttributeLists.Count > 0 || !Plain(parameter.Identifier))
            {
                return false;
            }

            var name = parameter.Identifier.ValueText;
            if (SafeShareType(parameter.Type, memberNames) is { } known)
            {
                if (SymbolEqualityComparer.Default.Equals(known, decisionDetails))
                {
                    details++;
                    parameters.Add(new ShareParameter(known.ToDisplayString(ShareParser.FullyQualified), name, ShareParser.DetailsRole));
                }
                else if (ShareParser.IsDecisionLog(known, decisionLog) && logParameter is null)
                {
                    logParameter = name;
                    parameters.Add(new ShareParameter(known.ToDisplayString(ShareParser.FullyQualified), name, ShareParser.LogRole));
                }
                else
                {
                    return false; // another SafeShare type as the payload
                }
            }
            else if (payload is null && SourceType(parameter.Type, owner, memberNames) is { } declaration)
            {
                payload = (name, declaration);
                parameters.Add(new ShareParameter("global::" + FullName(declaration), name, ShareParser.PayloadRole));
            }
            else
            {
                return false;
            }
        }

        HashSet<string>? allowed = null;
        if (details != 1 || payload is not { } read ||
            (shareAttribute.Fields is { } fieldsArgument && (memberNames.Contains("nameof") ||
                // nameof in a method's attribute sees its parameters too
                syntax.ParameterList.Parameters.Any(p => p.Identifier.ValueText is "nameof" || p.Identifier.ValueText == read.Type.Identifier.ValueText) ||
                (allowed = FieldNames(fieldsArgument.Expression, read.Type.Identifier.ValueText, read.Type)) is null)) ||
            PayloadFieldsOf(read.Type, allowed) is not { Count: > 0 } fields)
        {
            return false;
        }

        string? logMember = null;
        if (logParameter is null && !TryLogMember(owner, isStatic, memberNames, decisionLog, out logMember))
        {
            return false;
        }

        var containing = new ContainingType(ShareParser.Keyword(owner), owner.Identifier.ValueText);
        share = new ShareResult(
            new ShareModel(
                NamespaceOf(owner),
                new[] { containing }.ToEquatableArray(),
                containing.Name,
                accessibility,
                isStatic,
                syntax.Identifier.ValueText,
                parameters.ToEquatableArray(),
                "global::" + FullName(read.Type),
                read.Type.Identifier.ValueText,
                shareAttribute.Recipient,
                shareAttribute.Purpose,
                Basis(methodAttributes, null, typeAttributes),
                fields,
                logMember,
                logParameter),
            EquatableArray<GeneratorDiagnostic>.Empty);
        s_sharesFromSyntax++;
        return true;
    }

    /// <summary>
    /// The method's one [Share], written by its simple name with two string literals and perhaps <c>Fields</c> (an array of
    /// string literals and <c>nameof(Payload.Member)</c>, read by <see cref="FieldNames"/>); null otherwise.
    /// </summary>
    private (AttributeSyntax Syntax, string Recipient, string Purpose, AttributeArgumentSyntax? Fields)? ShareAttribute(MethodDeclarationSyntax method, HashSet<string> memberNames)
    {
        (AttributeSyntax, string, string, AttributeArgumentSyntax?)? found = null;
        foreach (var list in method.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (attribute.Name is not IdentifierNameSyntax name || !Plain(name.Identifier) ||
                    AttributeType(name.Identifier.ValueText) is not { } type || !SymbolEqualityComparer.Default.Equals(type, _symbols.Share))
                {
                    continue; // ReadAll decides about every other attribute
                }

                if (found is not null || list.Target is not null || memberNames.Contains(name.Identifier.ValueText) ||
                    attribute.ArgumentList is not { Arguments: { Count: 2 or 3 } arguments } ||
                    arguments.Take(2).Any(a => a.NameEquals is not null || a.NameColon is not null || a.Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression }) ||
                    (arguments.Count == 3 && arguments[2] is not { NameColon: null, NameEquals.Name.Identifier.ValueText: "Fields" }))
                {
                    return null;
                }

                found = (attribute, ((LiteralExpressionSyntax)arguments[0].Expression).Token.ValueText, ((LiteralExpressionSyntax)arguments[1].Expression).Token.ValueText,
                    arguments.Count == 3 ? arguments[2] : null);
            }
        }

        return found;
    }

    /// <summary>
    /// The names <c>Fields = ...</c> lists, as ShareParser reads them: <c>new[] { ... }</c>, <c>new string[] { ... }</c> or
    /// <c>[ ... ]</c> of string literals and <c>nameof(Payload.Member)</c> naming a member the payload declares. Null when
    /// an element is anything else.
    /// </summary>
    private static HashSet<string>? FieldNames(ExpressionSyntax value, string payloadName, TypeDeclarationSyntax payload)
    {
        var elements = value switch
        {
            ImplicitArrayCreationExpressionSyntax { Commas.Count: 0 } implicitArray => implicitArray.Initializer.Expressions.ToList(),
            ArrayCreationExpressionSyntax { Type: { ElementType: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword }, RankSpecifiers: { Count: 1 } ranks }, Initializer: { } initializer }
                when ranks[0].Sizes.Count == 1 && ranks[0].Sizes[0] is OmittedArraySizeExpressionSyntax => initializer.Expressions.ToList(),
            CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
                collection.Elements.Select(e => ((ExpressionElementSyntax)e).Expression).ToList(),
            _ => null,
        };
        if (elements is null || elements.Count == 0)
        {
            return null;
        }

        var declared = MemberNames(payload);
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var element in elements)
        {
            switch (element)
            {
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal when literal.Token.ValueText.Length > 0:
                    names.Add(literal.Token.ValueText);
                    break;
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: { Count: 1 } arguments }
                    when arguments[0] is { NameColon: null, RefKindKeyword.RawKind: (int)SyntaxKind.None, Expression: MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: IdentifierNameSyntax type, Name: IdentifierNameSyntax member } } &&
                       type.Identifier.ValueText == payloadName && Plain(type.Identifier) && Plain(member.Identifier) &&
                       member.Identifier.ValueText != payloadName && declared.Contains(member.Identifier.ValueText):
                    names.Add(member.Identifier.ValueText);
                    break;
                default:
                    return null;
            }
        }

        return names;
    }

    /// <summary>The SafeShare type a simple name written in the type can only mean, or null.</summary>
    private INamedTypeSymbol? SafeShareType(TypeSyntax type, HashSet<string> memberNames) =>
        type is IdentifierNameSyntax { Identifier: var identifier } && Plain(identifier) && !memberNames.Contains(identifier.ValueText)
            ? Only(identifier.ValueText)
            : null;

    /// <summary>
    /// The declaration of the source type a simple name written in <paramref name="owner"/> can only mean, as the binder
    /// looks it up: no member or alias has the name, and of the namespaces it searches (<see cref="Places"/>) exactly one
    /// holds something of that name, and that is a plain type declared once in the source.
    /// </summary>
    private TypeDeclarationSyntax? SourceType(TypeSyntax type, TypeDeclarationSyntax owner, HashSet<string> memberNames)
    {
        if (type is not IdentifierNameSyntax { Identifier: var identifier } || !Plain(identifier) || memberNames.Contains(identifier.ValueText) ||
            _globalAliases.Contains(identifier.ValueText) || Places(owner) is not { } places)
        {
            return null;
        }

        ISymbol? found = null;
        foreach (var place in places.Distinct())
        {
            foreach (var member in NamespaceNamed(place)?.GetMembers(identifier.ValueText) ?? ImmutableArray<INamespaceOrTypeSymbol>.Empty)
            {
                if (found is not null)
                {
                    return null; // two candidates (or a generic one beside it): left to the binder
                }

                found = member;
            }
        }

        return found is INamedTypeSymbol { ContainingType: null, Arity: 0, DeclaringSyntaxReferences: { Length: 1 } references } &&
            references[0].GetSyntax(_cancellationToken) is TypeDeclarationSyntax declaration && _compilation.ContainsSyntaxTree(declaration.SyntaxTree)
            ? declaration
            : null;
    }

    /// <summary>
    /// ShareParser.FindLogMember from syntax: the first field or readable property, in declaration order, whose type is
    /// SafeShare's decision log (static for a static method). False when a member before it has a type this cannot tell.
    /// </summary>
    private bool TryLogMember(TypeDeclarationSyntax owner, bool isStatic, HashSet<string> memberNames, INamedTypeSymbol decisionLog, out string? logMember)
    {
        logMember = null;
        foreach (var member in owner.Members)
        {
            var (type, names, readable) = member switch
            {
                FieldDeclarationSyntax field => (field.Declaration.Type, field.Declaration.Variables.Select(v => v.Identifier).ToList(), true),
                PropertyDeclarationSyntax property => (property.Type, new List<SyntaxToken> { property.Identifier },
                    property.ExpressionBody is not null || property.AccessorList?.Accessors.Any(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)) == true),
                _ => (null, null, false),
            };
            if (type is null || names is null || !readable || type is PredefinedTypeSyntax || (isStatic && !IsStatic(member.Modifiers)))
            {
                continue;
            }

            if (member is PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: not null } || SafeShareType(type, memberNames) is not { } known)
            {
                return false; // a type this reader cannot tell from syntax: it may be a decision log
            }

            if (ShareParser.IsDecisionLog(known, decisionLog))
            {
                var name = names[0].ValueText;
                logMember = IsStatic(member.Modifiers) ? $"{owner.Identifier.ValueText}.{name}" : $"this.{name}";
                return true;
            }
        }

        return false; // no log member: the semantic reader reports it
    }

    /// <summary>A method's declared accessibility as ShareParser writes it, from its modifiers; null for a combination it cannot tell.</summary>
    private static string? Accessibility(SyntaxTokenList modifiers)
    {
        var has = (Public: false, Internal: false, Protected: false, Private: false);
        foreach (var modifier in modifiers)
        {
            switch (modifier.Kind())
            {
                case SyntaxKind.PublicKeyword: has.Public = true; break;
                case SyntaxKind.InternalKeyword: has.Internal = true; break;
                case SyntaxKind.ProtectedKeyword: has.Protected = true; break;
                case SyntaxKind.PrivateKeyword: has.Private = true; break;
                case SyntaxKind.StaticKeyword or SyntaxKind.PartialKeyword or SyntaxKind.AsyncKeyword or SyntaxKind.UnsafeKeyword or SyntaxKind.NewKeyword: break;
                default: return null; // virtual, override, extern, readonly...: left to the semantic reader
            }
        }

        return has switch
        {
            (true, false, false, false) => "public",
            (false, true, false, false) => "internal",
            (false, false, true, false) => "protected",
            (false, true, true, false) => "protected internal",
            (false, false, true, true) => "private protected",
            (false, false, false, _) => "private",
            _ => null,
        };
    }

    private bool Describe(TypeDeclarationSyntax syntax, out InventoryType? entry, out RetentionModel? retention)
    {
        entry = null;
        retention = null;
        if (!_enabled || !IsPlainType(syntax) || !Imports(syntax) ||
            // A second declaration of the name (an error without partial) makes one type of both: its members are read together.
            _model(syntax.SyntaxTree).GetDeclaredSymbol(syntax, _cancellationToken) is not { DeclaringSyntaxReferences.Length: 1 })
        {
            return false;
        }

        var memberNames = MemberNames(syntax);
        var typeAttributes = Read(syntax.AttributeLists, memberNames);
        if (typeAttributes is null)
        {
            return false;
        }

        var members = new List<(string Name, TypeSyntax Type, bool IsStatic, List<Written> Attributes)>();
        // A positional record's properties come first (a member's place is its location: the parameter's). Each has the
        // attributes written for it ([property: ...]); those written for its parameter count too (ReadMember, Resolve).
        var parameterAttributes = new Dictionary<string, List<Written>>(System.StringComparer.Ordinal);
        if (syntax.ParameterList is { } parameters && !Positional(syntax, parameters, memberNames, members, parameterAttributes))
        {
            return false;
        }

        foreach (var member in syntax.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property:
                    if (property.ExplicitInterfaceSpecifier is not null || Read(property.AttributeLists, memberNames) is not { } propertyAttributes)
                    {
                        return false;
                    }

                    members.Add((property.Identifier.ValueText, property.Type, IsStatic(property.Modifiers), propertyAttributes));
                    break;
                case FieldDeclarationSyntax field:
                    if (Read(field.AttributeLists, memberNames) is not { } fieldAttributes)
                    {
                        return false;
                    }

                    foreach (var variable in field.Declaration.Variables)
                    {
                        members.Add((variable.Identifier.ValueText, field.Declaration.Type, IsStatic(field.Modifiers), fieldAttributes));
                    }

                    break;
                default:
                    // Methods, constructors, events, operators and indexers hold no inventory entry; their attributes
                    // (and a target on them) do not matter here.
                    break;
            }
        }

        if (!TryRetention(typeAttributes, members, syntax, memberNames, out var rule))
        {
            return false;
        }

        retention = rule is null ? null : SafeShareGenerator.RetentionModelOf(rule, syntax, NamespaceOf(syntax));
        var typeBasis = Basis(typeAttributes, null, null);
        var entries = new List<InventoryMember>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (name, _, isStatic, attributes) in members)
        {
            if (isStatic)
            {
                continue;
            }

            parameterAttributes.TryGetValue(name, out var onParameter);
            var markers = onParameter is null ? Markers(attributes) : Merge(Markers(attributes), Markers(onParameter));
            if (!markers.IsPersonal || !seen.Add(name))
            {
                continue;
            }

            var kind = ShareParser.Field(name, markers.Criminal, markers.Categories).Kind;
            entries.Add(new InventoryMember(name, kind, markers.Categories.ToEquatableArray(), Subject(attributes) ?? Subject(typeAttributes), Basis(attributes, onParameter, typeAttributes)));
        }

        if (entries.Count > 0 || Markers(typeAttributes).IsPersonal)
        {
            entry = new InventoryType(FullName(syntax), Subject(typeAttributes), typeBasis, rule?.Describe(), entries.ToEquatableArray());
        }

        s_readFromSyntax++;
        return true;
    }

    // ---- the compilation: may names be read at all ----

    private bool Enable(out bool globalImport)
    {
        globalImport = false;
        // ASP.NET Core Identity's markers count too, under names SafeShare also uses: leave those projects to the binder.
        if (_symbols.IdentityPersonalData is not null || _symbols.IdentityProtectedPersonalData is not null)
        {
            return false;
        }

        var safeShare = _symbols.PersonalData.ContainingAssembly;
        foreach (var reference in _compilation.References)
        {
            switch (_compilation.GetAssemblyOrModuleSymbol(reference))
            {
                case IAssemblySymbol assembly when SymbolEqualityComparer.Default.Equals(assembly, safeShare):
                    break;
                case IAssemblySymbol assembly:
                    _otherAssemblies.Add(assembly);
                    break;
                case null:
                    break;
                default:
                    return false; // a module: its names are not listed
            }
        }

        Collect(safeShare.GlobalNamespace);
        if (Declared(Namespace))
        {
            return false; // "using SafeShare;" could mean another namespace
        }

        foreach (var tree in _compilation.SyntaxTrees)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var root = (CompilationUnitSyntax)tree.GetRoot(_cancellationToken);
            if (root.AttributeLists.Count > 0 && MayNameAssemblyBasis(root))
            {
                _assemblyBasisMayBeWritten = true;
            }

            foreach (var directive in root.Usings)
            {
                if (directive.GlobalKeyword.IsKind(SyntaxKind.None))
                {
                    continue;
                }

                if (!directive.StaticKeyword.IsKind(SyntaxKind.None))
                {
                    return false; // a global using static can bring a member named like an enum into every file
                }

                if (directive.Alias is null && IsSafeShare(directive.Name))
                {
                    globalImport = true;
                }

                if (directive.Alias is null && UsingName(directive.Name) is { } imported)
                {
                    _globalUsings.Add(imported);
                }
                else if (directive.Alias is null)
                {
                    _globalUsingsKnown = false; // a namespace whose name the reader cannot spell: anchors are bound
                }
            }
        }

        return true;
    }

    // An assembly-level [LawfulBasis] or [Article9Condition] can only be written at the top of a file: when no file has
    // one (by name, or through an alias), the assembly's attributes need not be bound to know it has none.
    private bool MayNameAssemblyBasis(CompilationUnitSyntax root)
    {
        if (root.Usings.Any(u => u.Alias is not null))
        {
            return true;
        }

        foreach (var list in root.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (SyntaxNames.Rightmost(attribute.Name) is not { } name || AssemblyBasisNames.Contains(name) ||
                    _globalAliases.Contains(name) || _globalAliases.Contains(name + "Attribute"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly HashSet<string> AssemblyBasisNames = new(System.StringComparer.Ordinal)
    {
        "LawfulBasis", "LawfulBasisAttribute", "Article9Condition", "Article9ConditionAttribute",
    };

    private void Collect(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                _safeShareNamespaces.Add(inner.Name);
                Collect(inner);
            }
            else if (member is INamedTypeSymbol type)
            {
                Collect(type);
            }
        }
    }

    private void Collect(INamedTypeSymbol type)
    {
        if (!_safeShareTypes.TryGetValue(type.Name, out var list))
        {
            _safeShareTypes[type.Name] = list = new List<INamedTypeSymbol>();
        }

        list.Add(type);
        foreach (var nested in type.GetTypeMembers())
        {
            Collect(nested);
        }
    }

    /// <summary>Whether a type or namespace of this name is declared anywhere but in SafeShare, or a global alias has it.</summary>
    private bool Declared(string name)
    {
        if (_onlySafeShare.TryGetValue(name, out var known))
        {
            return !known;
        }

        var declared = _globalAliases.Contains(name) ||
            DeclaredInSource(name) ||
            _otherAssemblies.Any(a => a.TypeNames.Contains(name) || a.NamespaceNames.Contains(name));
        _onlySafeShare[name] = !declared;
        return declared;
    }

    /// <summary>
    /// <c>ContainsSymbolsWithName(name, Namespace | Type)</c>: whether the source declares a namespace or type of this
    /// name. Roslyn answers that by walking every declaration of the compilation, each time; a reader asks it of every
    /// attribute name it meets (tens of names a run), so the names are collected in one walk of the same declarations,
    /// with a predicate that sees each of them and matches none (issue 6).
    /// </summary>
    private bool DeclaredInSource(string name)
    {
        if (_sourceNames is null)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            _compilation.ContainsSymbolsWithName(
                found =>
                {
                    names.Add(found);
                    return false;
                },
                SymbolFilter.Namespace | SymbolFilter.Type,
                _cancellationToken);
            _sourceNames = names;
        }

        return _sourceNames.Contains(name);
    }

    /// <summary>The SafeShare type this simple name can only stand for (in namespace SafeShare, the only type so named), or null.</summary>
    private INamedTypeSymbol? Only(string name) =>
        _safeShareTypes.TryGetValue(name, out var types) && types.Count == 1 && !_safeShareNamespaces.Contains(name) && !Declared(name) &&
        types[0] is { ContainingType: null, ContainingNamespace: { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true } } type
            ? type
            : null;

    private bool IsSafeShareTypeName(string name) => _safeShareTypes.ContainsKey(name) || _safeShareTypes.ContainsKey(name + "Attribute");

    // ---- the declaration ----

    // A share's type may have a primary constructor: its parameters are not members, and no inventory entry is read from it.
    private static bool IsPlainType(TypeDeclarationSyntax syntax, bool primaryConstructor = false) =>
        syntax is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax &&
        (syntax.ParameterList is null || syntax is RecordDeclarationSyntax || primaryConstructor) && syntax.BaseList is null && syntax.TypeParameterList is null && syntax.ConstraintClauses.Count == 0 &&
        syntax.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax &&
        !syntax.Modifiers.Any(m => m.IsKind(SyntaxKind.FileKeyword)) &&
        !syntax.ContainsDiagnostics && Plain(syntax.Identifier) &&
        !syntax.Members.Any(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax);

    // A verbatim or escaped identifier, or one that is a keyword somewhere (a class named "record" is displayed as
    // "@record"), is displayed differently from how it is written.
    private static bool Plain(SyntaxToken identifier) =>
        identifier.Text == identifier.ValueText &&
        SyntaxFacts.GetKeywordKind(identifier.ValueText) == SyntaxKind.None &&
        SyntaxFacts.GetContextualKeywordKind(identifier.ValueText) == SyntaxKind.None;

    private static bool IsStatic(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.StaticKeyword) || modifiers.Any(SyntaxKind.ConstKeyword);

    /// <summary>Whether SafeShare's names are in scope by import, with nothing that could rename them.</summary>
    private bool Imports(TypeDeclarationSyntax syntax)
    {
        var imported = _globalImport;
        for (var parent = syntax.Parent; parent is not null; parent = parent.Parent)
        {
            SyntaxList<UsingDirectiveSyntax> usings;
            switch (parent)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    if (NameOf(ns.Name) is not { } nsName)
                    {
                        return false;
                    }

                    imported |= nsName == Namespace || nsName.StartsWith(Namespace + ".", System.StringComparison.Ordinal);
                    usings = ns.Usings;
                    break;
                case CompilationUnitSyntax unit:
                    usings = unit.Usings;
                    break;
                default:
                    continue;
            }

            foreach (var directive in usings)
            {
                if (directive.Alias is not null || !directive.StaticKeyword.IsKind(SyntaxKind.None))
                {
                    return false;
                }

                imported |= IsSafeShare(directive.Name);
            }
        }

        return imported;
    }

    private static bool IsSafeShare(NameSyntax? name) => name switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == Namespace,
        AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global", Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText == Namespace,
        _ => false,
    };

    private static string? NameOf(NameSyntax name) => name switch
    {
        IdentifierNameSyntax identifier when Plain(identifier.Identifier) => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified when NameOf(qualified.Left) is { } left && Plain(qualified.Right.Identifier) => left + "." + qualified.Right.Identifier.ValueText,
        _ => null,
    };

    private static string FullName(TypeDeclarationSyntax syntax) =>
        NamespaceOf(syntax) is { } ns ? ns + "." + syntax.Identifier.ValueText : syntax.Identifier.ValueText;

    /// <summary>The namespace the declaration is in, as its symbol displays it; null for the global namespace.</summary>
    private static string? NamespaceOf(TypeDeclarationSyntax syntax)
    {
        string? name = null;
        for (var parent = syntax.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is BaseNamespaceDeclarationSyntax ns)
            {
                name = name is null ? NameOf(ns.Name) : NameOf(ns.Name) + "." + name;
            }
        }

        return name;
    }

    /// <summary>The names the type declares: an argument's <c>DataSubject.Child</c> finds a member named DataSubject first.</summary>
    private static HashSet<string> MemberNames(TypeDeclarationSyntax syntax, bool withParameters = true)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal) { syntax.Identifier.ValueText };
        foreach (var parameter in withParameters ? syntax.ParameterList?.Parameters ?? default : default)
        {
            names.Add(parameter.Identifier.ValueText);
        }

        foreach (var member in syntax.Members)
        {
            switch (member)
            {
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        names.Add(variable.Identifier.ValueText);
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    names.Add(property.Identifier.ValueText);
                    break;
                case EventDeclarationSyntax @event:
                    names.Add(@event.Identifier.ValueText);
                    break;
                case MethodDeclarationSyntax method:
                    names.Add(method.Identifier.ValueText);
                    break;
            }
        }

        return names;
    }

    // ---- attributes ----

    /// <summary>The SafeShare attributes in these lists, in order; null when one of them cannot be read from syntax.</summary>
    private List<Written>? Read(SyntaxList<AttributeListSyntax> lists, HashSet<string> memberNames) =>
        lists.Any(list => list.Target is not null) ? null : ReadAll(lists, memberNames);

    /// <summary>The SafeShare attributes in these lists (whatever their target), in order; null when one cannot be read.</summary>
    private List<Written>? ReadAll(IEnumerable<AttributeListSyntax> lists, HashSet<string> memberNames, AttributeSyntax? skip = null)
    {
        var written = new List<Written>();
        foreach (var list in lists)
        {
            if (skip is not null && list.Target is not null)
            {
                return null; // a share's method: only attributes without a target are read
            }

            foreach (var attribute in list.Attributes)
            {
                if (attribute == skip)
                {
                    continue;
                }

                if (SyntaxNames.Rightmost(attribute.Name) is not { } rightmost)
                {
                    return null;
                }

                if (!IsSafeShareTypeName(rightmost) && !_globalAliases.Contains(rightmost) && !_globalAliases.Contains(rightmost + "Attribute") &&
                    !(attribute.Name is QualifiedNameSyntax { Left: var left } && SyntaxNames.Rightmost(Leftmost(left)) is { } first && _globalAliases.Contains(first)))
                {
                    continue; // not SafeShare's, whatever it is: the semantic reader ignores it too
                }

                if (attribute.Name is not IdentifierNameSyntax name || !Plain(name.Identifier) || AttributeType(name.Identifier.ValueText) is not { } type ||
                    !Shapes.TryGetValue(type.Name, out var shape) || Arguments(attribute, shape, memberNames) is not { } read)
                {
                    return null;
                }

                written.Add(read);
            }
        }

        return written;
    }

    private static NameSyntax Leftmost(NameSyntax name) => name is QualifiedNameSyntax qualified ? Leftmost(qualified.Left) : name;

    /// <summary>What [Name] binds to: Name or NameAttribute, whichever is an attribute class (C# §22.3), when both can only be SafeShare's.</summary>
    private INamedTypeSymbol? AttributeType(string written)
    {
        INamedTypeSymbol? found = null;
        foreach (var candidate in new[] { written, written + "Attribute" })
        {
            if (!_safeShareTypes.ContainsKey(candidate))
            {
                if (Declared(candidate))
                {
                    return null;
                }

                continue;
            }

            if (Only(candidate) is not { } type)
            {
                return null;
            }

            if (IsAttribute(type))
            {
                if (found is not null)
                {
                    return null; // both are attributes: ambiguous
                }

                found = type;
            }
        }

        return found;
    }

    private static bool IsAttribute(INamedTypeSymbol type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    private Written? Arguments(AttributeSyntax attribute, Shape shape, HashSet<string> memberNames)
    {
        object? positional = null;
        var positionalCount = 0;
        var named = new Dictionary<string, object>(System.StringComparer.Ordinal);
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameColon is not null)
            {
                return null;
            }

            if (argument.NameEquals is { } equals)
            {
                var name = equals.Name.Identifier.ValueText;
                if (named.ContainsKey(name) || !shape.Named.TryGetValue(name, out var kind) || Value(argument.Expression, kind, memberNames) is not { } value)
                {
                    return null;
                }

                named.Add(name, value);
            }
            else
            {
                if (named.Count > 0 || shape.Positional is null || ++positionalCount > 1 || Value(argument.Expression, shape.Positional, memberNames) is not { } value)
                {
                    return null;
                }

                positional = value;
            }
        }

        if ((shape.Positional is null) != (positionalCount == 0))
        {
            return null; // no such constructor: the attribute does not bind, and marks nothing
        }

        return new Written(shape.Marker, positional, named);
    }

    /// <summary>A literal, an <c>Enum.Member</c> of the expected SafeShare enum, or (for a string) <c>nameof(Member)</c>; null for anything else.</summary>
    private object? Value(ExpressionSyntax expression, string kind, HashSet<string> memberNames)
    {
        switch (kind)
        {
            case StringValue:
                if (expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } text)
                {
                    return text.Token.ValueText;
                }

                if (expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: { Count: 1 } arguments } &&
                    !memberNames.Contains("nameof") && arguments[0] is { NameColon: null, RefKindKeyword.RawKind: (int)SyntaxKind.None, Expression: IdentifierNameSyntax target })
                {
                    // nameof(X) is "X" whenever it binds; an anchor that names no date member gives no rule either way.
                    return new NameOfArgument(target.Identifier.ValueText);
                }

                return null;
            case IntValue:
                return expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int number } ? number : null;
            default:
                if (expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: IdentifierNameSyntax type, Name: IdentifierNameSyntax member } ||
                    type.Identifier.ValueText != kind || !Plain(type.Identifier) || memberNames.Contains(kind) || EnumOf(kind) is not { } values ||
                    !values.ByName.TryGetValue(member.Identifier.ValueText, out var constant))
                {
                    return null;
                }

                return new EnumValue(values, constant);
        }
    }

    private EnumValues? EnumOf(string name)
    {
        if (!_enums.TryGetValue(name, out var values))
        {
            values = Only(name) is { TypeKind: TypeKind.Enum } type ? new EnumValues(type) : null;
            _enums[name] = values;
        }

        return values;
    }

    // ---- what the semantic reader computes, from the written attributes ----

    // As DataClassification.Merge: the property's own, then what its parameter adds.
    private static (bool IsPersonal, List<string> Categories, bool Criminal) Merge(
        (bool IsPersonal, List<string> Categories, bool Criminal) a, (bool IsPersonal, List<string> Categories, bool Criminal) b) =>
        !b.IsPersonal ? a :
        !a.IsPersonal ? b :
        (true, a.Categories.Concat(b.Categories.Where(c => !a.Categories.Contains(c))).ToList(), a.Criminal || b.Criminal);

    /// <summary>A positional record's parameters as its properties; false when one cannot be read from syntax.</summary>
    private bool Positional(
        TypeDeclarationSyntax syntax, ParameterListSyntax parameters, HashSet<string> memberNames,
        List<(string Name, TypeSyntax Type, bool IsStatic, List<Written> Attributes)> members, Dictionary<string, List<Written>> parameterAttributes)
    {
        var declared = MemberNames(syntax, withParameters: false);
        foreach (var parameter in parameters.Parameters)
        {
            var name = parameter.Identifier.ValueText;
            // A member of the parameter's name stands instead of the property; a modifier (ref, out, this...) is an error.
            if (parameter.Type is null || parameter.Modifiers.Count > 0 || declared.Contains(name) || parameterAttributes.ContainsKey(name))
            {
                return false;
            }

            var onProperty = new List<AttributeListSyntax>();
            var onParameter = new List<AttributeListSyntax>();
            foreach (var list in parameter.AttributeLists)
            {
                switch (list.Target?.Identifier.ValueText)
                {
                    case null or "param":
                        onParameter.Add(list);
                        break;
                    case "property":
                        onProperty.Add(list);
                        break;
                    case "field":
                        break; // the backing field's, which no reader looks at
                    default:
                        return false;
                }
            }

            if (ReadAll(onProperty, memberNames) is not { } propertyAttributes || ReadAll(onParameter, memberNames) is not { } ownAttributes)
            {
                return false;
            }

            members.Add((name, parameter.Type, false, propertyAttributes));
            parameterAttributes.Add(name, ownAttributes);
        }

        return true;
    }

    private static (bool IsPersonal, List<string> Categories, bool Criminal) Markers(List<Written> attributes)
    {
        var personal = false;
        var criminal = false;
        var categories = new List<string>();
        foreach (var attribute in attributes)
        {
            switch (attribute.Marker)
            {
                case Marker.Personal:
                    personal = true;
                    break;
                case Marker.SpecialCategory:
                    personal = true;
                    categories.Add(((EnumValue)attribute.Positional!).Name);
                    break;
                case Marker.CriminalOffence:
                    personal = true;
                    criminal = true;
                    break;
            }
        }

        return (personal, categories, criminal);
    }

    private static string? Subject(List<Written> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Named.TryGetValue("Subject", out var value) && value is EnumValue { Constant: int number } subject && number != 0)
            {
                return subject.Name;
            }
        }

        return null;
    }

    /// <summary>The lawful basis and Article 9 condition: the member's own, else the type's, else the assembly's.</summary>
    private LegalBasis Basis(List<Written> own, List<Written>? parameter, List<Written>? type)
    {
        var basis = Find(own, Marker.LawfulBasis) ?? Find(parameter, Marker.LawfulBasis) ?? Find(type, Marker.LawfulBasis);
        var condition = Find(own, Marker.Article9Condition) ?? Find(parameter, Marker.Article9Condition) ?? Find(type, Marker.Article9Condition);
        var basisPart = basis is not null ? Part.Of(basis, "Gateway") : _assemblyBasisMayBeWritten ? Part.Of(_symbols.Assembly.LawfulBasis, "Gateway") : null;
        var conditionPart = condition is not null ? Part.Of(condition, "BasisInLaw") : _assemblyBasisMayBeWritten ? Part.Of(_symbols.Assembly.Article9Condition, "BasisInLaw") : null;
        var paragraph = conditionPart?.Schedule1 ?? 0;
        return new LegalBasis(basisPart?.Value, basisPart?.Text, conditionPart?.Value, paragraph == 0 ? null : conditionPart!.Schedule1Name, paragraph, conditionPart?.Text);
    }

    private static Written? Find(List<Written>? attributes, Marker marker) => attributes?.FirstOrDefault(a => a.Marker == marker);

    /// <summary>The retention rule: the first [RetainUntil] decides; only its anchor member's type is bound.</summary>
    private bool TryRetention(List<Written> typeAttributes, List<(string Name, TypeSyntax Type, bool IsStatic, List<Written> Attributes)> members, TypeDeclarationSyntax syntax, HashSet<string> memberNames, out RetentionRule? rule)
    {
        rule = null;
        if (Find(typeAttributes, Marker.RetainUntil) is not { } retain)
        {
            return true;
        }

        var anchor = retain.Positional switch
        {
            string text => text,
            NameOfArgument name => name.Name,
            _ => null,
        };
        if (anchor is null)
        {
            return false;
        }

        foreach (var member in members)
        {
            if (member.Name == anchor && AnchorType(member.Type, syntax, memberNames) is { } type && _symbols.IsDate(type))
            {
                rule = new RetentionRule(anchor, type, Int(retain, "Years"), Int(retain, "Months"), Int(retain, "ReviewEveryYears"));
                break;
            }
        }

        return true;
    }

    /// <summary>
    /// The type of a retention anchor. Binding its syntax would build every member of the declaring type (and, for a
    /// record, bind its bodies) on a compilation the build discards (issue 6), so a keyword type, or <c>DateTime</c>,
    /// <c>DateOnly</c> or <c>DateTimeOffset</c> (or one of them with <c>?</c>) that can only mean System's, is read from
    /// the syntax; anything else is bound.
    /// </summary>
    private ITypeSymbol? AnchorType(TypeSyntax type, TypeDeclarationSyntax declaration, HashSet<string> memberNames)
    {
        if (type is PredefinedTypeSyntax)
        {
            return null; // int, string...: never a date
        }

        var element = type is NullableTypeSyntax nullable ? nullable.ElementType : type;
        if (element is IdentifierNameSyntax { Identifier: var identifier } && identifier.Text == identifier.ValueText &&
            SystemDate(identifier.ValueText) is { } date && !memberNames.Contains(identifier.ValueText) && OnlySystems(date, declaration))
        {
            return element == type ? date : _compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(date);
        }

        s_anchorsBound++;
        return _model(declaration.SyntaxTree).GetTypeInfo(type, _cancellationToken).Type;
    }

    private INamedTypeSymbol? SystemDate(string name) => name switch
    {
        "DateTime" => _compilation.GetSpecialType(SpecialType.System_DateTime),
        "DateOnly" => _symbols.DateOnly,
        "DateTimeOffset" => _symbols.DateTimeOffset,
        _ => null,
    } is { TypeKind: not TypeKind.Error } type ? type : null;

    /// <summary>
    /// Whether <paramref name="date"/>'s simple name, written in the declaration, can only mean it: the file (or a global
    /// using) imports System, no alias has the name, and no type or namespace of that name is declared in the source,
    /// in another reference, or in any namespace the declaration imports or sits in within the assembly that defines it.
    /// </summary>
    private bool OnlySystems(INamedTypeSymbol date, TypeDeclarationSyntax declaration)
    {
        var name = date.Name;
        var defining = date.ContainingAssembly;
        if (!_onlySystem.TryGetValue(name, out var only))
        {
            only = !_globalAliases.Contains(name) && !_safeShareTypes.ContainsKey(name) && !_safeShareNamespaces.Contains(name) &&
                !DeclaredInSource(name) &&
                !defining.NamespaceNames.Contains(name) &&
                !_otherAssemblies.Any(a => !SymbolEqualityComparer.Default.Equals(a, defining) && (a.TypeNames.Contains(name) || a.NamespaceNames.Contains(name)));
            _onlySystem[name] = only;
        }

        if (!only)
        {
            return false;
        }

        // Where the binder looks, after the type's own scope (memberNames): only System may hold the name there, and
        // System must be one of the places.
        if (Places(declaration) is not { } places)
        {
            return false;
        }

        return places.Contains("System") &&
            places.All(p => p == "System" || defining.GetTypeByMetadataName(p.Length == 0 ? name : p + "." + name) is null);
    }

    /// <summary>
    /// The namespaces whose types a simple name written in the declaration can find: the global namespace, those around
    /// it and those imported at each level or by a global using (Imports has ruled out aliases and using static). Null when
    /// one of them cannot be spelt.
    /// </summary>
    private List<string>? Places(TypeDeclarationSyntax declaration)
    {
        if (!_globalUsingsKnown)
        {
            return null;
        }

        var places = new List<string>(_globalUsings) { string.Empty };
        for (var parent = declaration.Parent; parent is not null; parent = parent.Parent)
        {
            SyntaxList<UsingDirectiveSyntax> usings;
            if (parent is BaseNamespaceDeclarationSyntax ns)
            {
                if (NamespaceOf(ns) is not { } full)
                {
                    return null;
                }

                for (string? prefix = full; prefix is not null; prefix = Parent(prefix))
                {
                    places.Add(prefix);
                }

                usings = ns.Usings;
            }
            else if (parent is CompilationUnitSyntax unit)
            {
                usings = unit.Usings;
            }
            else
            {
                continue;
            }

            foreach (var directive in usings)
            {
                if (UsingName(directive.Name) is not { } imported)
                {
                    return null;
                }

                places.Add(imported);
            }
        }

        return places;
    }

    /// <summary>The compilation's namespace of that full name (source and references merged), or null when there is none.</summary>
    private INamespaceSymbol? NamespaceNamed(string full)
    {
        if (!_namespaces.TryGetValue(full, out var found))
        {
            found = full.Length == 0 ? _compilation.GlobalNamespace
                : NamespaceNamed(Parent(full) ?? string.Empty) is { } outer ? outer.GetMembers(full.Substring(full.LastIndexOf('.') + 1)).OfType<INamespaceSymbol>().FirstOrDefault()
                : null;
            _namespaces[full] = found;
        }

        return found;
    }

    /// <summary>A namespace declaration's full name, with the declarations around it.</summary>
    private static string? NamespaceOf(BaseNamespaceDeclarationSyntax ns)
    {
        string? name = null;
        for (SyntaxNode? parent = ns; parent is not null; parent = parent.Parent)
        {
            if (parent is BaseNamespaceDeclarationSyntax outer)
            {
                if (NameOf(outer.Name) is not { } outerName)
                {
                    return null;
                }

                name = name is null ? outerName : outerName + "." + name;
            }
        }

        return name;
    }

    private static string? Parent(string ns) => ns.LastIndexOf('.') is var dot and > 0 ? ns.Substring(0, dot) : null;

    /// <summary>The namespace a using directive imports, with or without <c>global::</c>.</summary>
    private static string? UsingName(NameSyntax? name) => name switch
    {
        AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global", Name: var right } => NameOf(right),
        null => null,
        _ => NameOf(name),
    };

    private static int Int(Written attribute, string name) => attribute.Named.TryGetValue(name, out var value) && value is int number ? number : 0;

    private enum Marker
    {
        Personal,
        SpecialCategory,
        CriminalOffence,
        LawfulBasis,
        Article9Condition,
        RetainUntil,
    }

    private sealed record Shape(Marker Marker, string? Positional, Dictionary<string, string> Named);

    private sealed record Written(Marker Marker, object? Positional, Dictionary<string, object> Named);

    private sealed record NameOfArgument(string Name);

    /// <summary>A member of a SafeShare enum: its constant as the compiler holds it, and the name the semantic reader shows for it.</summary>
    private sealed record EnumValue(EnumValues Values, object Constant)
    {
        public string Name => Values.NameOf(Constant);
    }

    private sealed class EnumValues
    {
        private readonly List<(string Name, object Value)> _inOrder = new();

        public EnumValues(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value } field)
                {
                    _inOrder.Add((field.Name, value));
                    ByName[field.Name] = value;
                }
            }
        }

        public Dictionary<string, object> ByName { get; } = new(System.StringComparer.Ordinal);

        // As DataClassification.EnumName: the first member with the value.
        public string NameOf(object value)
        {
            foreach (var (name, constant) in _inOrder)
            {
                if (Equals(constant, value))
                {
                    return name;
                }
            }

            return value.ToString() ?? "?";
        }
    }

    /// <summary>What LegalBasis takes from a [LawfulBasis] or [Article9Condition], written or bound.</summary>
    private sealed record Part(string? Value, string? Text, int Schedule1, string? Schedule1Name)
    {
        public static Part? Of(Written? attribute, string text) => attribute is null ? null : new Part(
            ((EnumValue)attribute.Positional!).Name,
            attribute.Named.TryGetValue(text, out var value) ? value as string : null,
            attribute.Named.TryGetValue("Schedule1", out var schedule) && schedule is EnumValue { Constant: int paragraph } ? paragraph : 0,
            attribute.Named.TryGetValue("Schedule1", out var named) && named is EnumValue enumValue ? enumValue.Name : null);

        public static Part? Of(AttributeData? attribute, string text)
        {
            if (attribute is null)
            {
                return null;
            }

            var schedule = DataClassification.NamedArgument(attribute, "Schedule1");
            return new Part(
                InventoryParser.EnumArgument(attribute, 0),
                DataClassification.NamedArgument(attribute, text).Value as string,
                schedule.Value is int paragraph ? paragraph : 0,
                DataClassification.EnumName(schedule));
        }
    }
}
