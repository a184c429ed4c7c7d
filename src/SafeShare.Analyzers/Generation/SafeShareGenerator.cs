using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Analyzers.Generation;

/// <summary>The names of the generator's pipeline steps, for tests that check what was cached.</summary>
public static class SafeShareGeneratorSteps
{
    /// <summary>Each [Share] method parsed into a share model or generator diagnostics.</summary>
    public const string Shares = "SafeShare.Shares";

    /// <summary>Each partial type with [RetainUntil] parsed into a retention model.</summary>
    public const string Retention = "SafeShare.Retention";

    /// <summary>
    /// Each type declaration that may carry a personal-data marker, described (the semantic work of the inventory):
    /// its entry, or null when it holds no personal data. Types with only other attributes never reach it.
    /// </summary>
    public const string DescribedTypes = "SafeShare.DescribedTypes";

    /// <summary>Every type holding personal data, merged and sorted.</summary>
    public const string InventoryTypes = "SafeShare.InventoryTypes";

    /// <summary>Every declared share, as the inventory lists it.</summary>
    public const string InventoryShares = "SafeShare.InventoryShares";

    /// <summary>The assembly name: the only value taken from the compilation.</summary>
    public const string AssemblyName = "SafeShare.AssemblyName";

    /// <summary>The whole inventory model.</summary>
    public const string Inventory = "SafeShare.Inventory";
}

/// <summary>
/// Generates, from the annotations: the implementation of every <c>[Share]</c> method (which records the
/// decision) with its not-shared and disclosure companions, retention helpers for partial types with
/// <c>[RetainUntil]</c>, and the assembly's data inventory.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SafeShareGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var shares = context.SyntaxProvider
            .ForAttributeWithMetadataName("SafeShare.ShareAttribute", static (node, _) => node is MethodDeclarationSyntax, ShareParser.Parse)
            .WithTrackingName(SafeShareGeneratorSteps.Shares);
        context.RegisterSourceOutput(shares, static (output, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                output.ReportDiagnostic(Diagnostic.Create(Descriptor(diagnostic.Id), diagnostic.Location?.ToLocation(), diagnostic.Arguments.Cast<object>().ToArray()));
            }
        });
        var shareSources = shares
            .Where(static result => result.Share is not null)
            .Select(static (result, _) => new GeneratedSource(
                Identity(result.Share!.Namespace, result.Share.ContainingTypes) + "." + result.Share.MethodName + "(" + string.Join(",", result.Share.Parameters.Select(p => p.Type)) + ")",
                HintName(result.Share.Namespace, result.Share.TypeDisplayName, result.Share.MethodName + ".Share"),
                ShareEmitter.Emit(result.Share)));

        var retention = context.SyntaxProvider
            .ForAttributeWithMetadataName("SafeShare.RetainUntilAttribute", static (node, _) => node is TypeDeclarationSyntax type && type.Modifiers.Any(SyntaxKind.PartialKeyword), ParseRetention)
            .Where(static model => model is not null)
            .WithTrackingName(SafeShareGeneratorSteps.Retention);
        var retentionSources = retention.Select(static (model, _) => new GeneratedSource(
            Identity(model!.Namespace, model.ContainingTypes) + " retention",
            HintName(model.Namespace, model.TypeDisplayName, "Retention"),
            RetentionEmitter.Emit(model)));

        // Emitted per declaration above (cached); here the files are only named, each uniquely.
        context.RegisterSourceOutput(shareSources.Collect().Combine(retentionSources.Collect()), static (output, files) =>
        {
            foreach (var (hintName, text) in GeneratedSource.Name(files.Left.Concat(files.Right)))
            {
                output.AddSource(hintName, text);
            }
        });

        // Each type declaration carrying a personal-data marker (on itself, a member, or a positional parameter,
        // [property:] targets included) is described once. Describing the whole type for each marked member, as an
        // attribute-driven provider per marker did, made a type with 10,000 members quadratic (fuzzing, issue 7).
        // Markers are recognised by name first (MayHoldPersonalData), so that types with only other attributes
        // ([Required], [JsonPropertyName], ...) cost no semantic work on any run; where a using alias in the file
        // could hide a marker, any attribute counts. A global alias declared in another file cannot be seen from a
        // declaration, so the other attributed types are kept as syntax-only facts, and only those whose attribute
        // names match a global alias are described. One syntax provider finds all three kinds of node: each
        // provider walks every node of every file on the first run.
        var found = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is TypeDeclarationSyntax type ? HasAnyAttribute(type) : IsGlobalAlias(node),
                static (context, cancellationToken) => context.Node switch
                {
                    TypeDeclarationSyntax type when MayHoldPersonalData(type) => new Found(Describe(context.SemanticModel, type, cancellationToken), null, null),
                    TypeDeclarationSyntax type => new Found(null, AttributedType.From(type), null),
                    _ => new Found(null, null, ((UsingDirectiveSyntax)context.Node).Alias!.Name.Identifier.ValueText),
                });
        var marked = found
            .Where(static f => f.Other is null && f.GlobalAlias is null)
            .Select(static (f, _) => f.Type)
            .WithTrackingName(SafeShareGeneratorSteps.DescribedTypes)
            .Where(static type => type is not null);
        var globalAliases = found
            .Where(static f => f.GlobalAlias is not null)
            .Select(static (f, _) => f.GlobalAlias!)
            .Collect()
            .Select(static (names, _) => names.Distinct(System.StringComparer.Ordinal).OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray());
        var aliased = found
            .Where(static f => f.Other is not null)
            .Select(static (f, _) => f.Other!)
            .Combine(globalAliases)
            .Where(static pair => pair.Right.Count > 0 && pair.Left.MayUse(pair.Right))
            .Select(static (pair, _) => pair.Left)
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => pair.Left.Find(pair.Right, cancellationToken) is { } at ? Describe(at.Model, at.Node, cancellationToken) : null)
            .Where(static type => type is not null);

        var types = marked.Collect()
            .Combine(aliased.Collect())
            .Select(static (all, _) => InventoryEmitter.Merge(all.Left.Concat(all.Right)!));

        var inventoryTypes = types.WithTrackingName(SafeShareGeneratorSteps.InventoryTypes);
        var inventoryShares = shares
            .Select(static (result, _) => result.Share is { } s ? new InventoryShare(s.ShareName, s.Recipient, s.Purpose, s.PayloadType, s.Basis, s.Fields) : null)
            .Where(static share => share is not null)
            .Collect()
            .Select(static (found, _) => found.OrderBy(s => s!.Name, System.StringComparer.Ordinal).Select(s => s!).ToEquatableArray())
            .WithTrackingName(SafeShareGeneratorSteps.InventoryShares);
        var assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty)
            .WithTrackingName(SafeShareGeneratorSteps.AssemblyName);
        var inventory = inventoryTypes.Combine(inventoryShares).Combine(assemblyName)
            .Select(static (input, _) => new InventoryModel(input.Right, input.Left.Left, input.Left.Right))
            .WithTrackingName(SafeShareGeneratorSteps.Inventory);
        context.RegisterSourceOutput(inventory, static (output, model) =>
        {
            if (model.Types.Count > 0 || model.Shares.Count > 0)
            {
                output.AddSource("SafeShare.DataInventory.g.cs", InventoryEmitter.Emit(model));
            }
        });
    }

    private static RetentionModel? ParseRetention(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax syntax ||
            SafeShareSymbols.TryCreate(context.SemanticModel.Compilation) is not { } symbols ||
            InventoryParser.Retention(type, symbols) is not { } rule)
        {
            return null;
        }

        var containing = new System.Collections.Generic.List<ContainingType>();
        for (TypeDeclarationSyntax? t = syntax; t is not null; t = t.Parent as TypeDeclarationSyntax)
        {
            if (!t.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            containing.Insert(0, new ContainingType(ShareParser.Keyword(t), t.Identifier.ValueText + t.TypeParameterList?.ToString()));
        }

        if (syntax.Parent is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax or TypeDeclarationSyntax) || type.TypeKind == TypeKind.Interface)
        {
            return null;
        }

        var anchorType = rule.AnchorType;
        var nullable = anchorType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        var underlying = nullable ? ((INamedTypeSymbol)anchorType).TypeArguments[0] : anchorType;
        return new RetentionModel(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            containing.ToEquatableArray(),
            string.Join(".", containing.Select(c => c.Name)),
            rule.Anchor,
            underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            nullable,
            rule.Years,
            rule.Months,
            rule.ReviewEveryYears);
    }

    private static bool IsGlobalAlias(SyntaxNode node) =>
        node is UsingDirectiveSyntax { Alias: not null } directive && !directive.GlobalKeyword.IsKind(SyntaxKind.None);

    private static InventoryType? Describe(SemanticModel semanticModel, SyntaxNode node, CancellationToken cancellationToken) =>
        semanticModel.GetDeclaredSymbol(node, cancellationToken) is INamedTypeSymbol type &&
        SafeShareSymbols.TryCreate(semanticModel.Compilation) is { } symbols
            ? InventoryParser.Describe(type, new Classification.DataClassification(symbols), cancellationToken)
            : null;

    /// <summary>
    /// The simple names of the attributes that can make a type hold personal data (DataClassification.Read): SafeShare's
    /// PersonalData, SpecialCategory and CriminalOffenceData, and ASP.NET Core Identity's PersonalData and
    /// ProtectedPersonalData, with and without the suffix. Written qualified, a name is matched by its rightmost identifier.
    /// </summary>
    private static readonly System.Collections.Generic.HashSet<string> MarkerNames = new(System.StringComparer.Ordinal)
    {
        "PersonalData", "PersonalDataAttribute",
        "SpecialCategory", "SpecialCategoryAttribute",
        "CriminalOffenceData", "CriminalOffenceDataAttribute",
        "ProtectedPersonalData", "ProtectedPersonalDataAttribute",
    };

    /// <summary>
    /// Whether the declaration may carry a personal-data marker, from syntax alone: an attribute named like a marker on the
    /// type, a member or a positional parameter; or any attribute there when a using alias in its file could name a marker
    /// or the type may derive from a class.
    /// </summary>
    internal static bool MayHoldPersonalData(TypeDeclarationSyntax type)
    {
        foreach (var lists in OwnAttributeLists(type))
        {
            if (HasMarker(lists))
            {
                return true;
            }
        }

        // Otherwise only an alias in scope could hide a marker, or a base class could hand the type personal members,
        // a type-level marker or a marked property it overrides: the old any-attribute test is kept for those, so the
        // inventory lists exactly the types it listed before (a derived type still needs an attribute of its own).
        return HasAnyAttribute(type) && (AliasInScope(type) || MayHaveBaseClass(type));
    }

    private static bool MayHaveBaseClass(TypeDeclarationSyntax type) =>
        type.BaseList is not null && type is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword };

    /// <summary>
    /// The attribute lists that can mark a type declaration or its data: its own, its positional parameters' and its
    /// members' (a nested type is a declaration of its own).
    /// </summary>
    internal static System.Collections.Generic.IEnumerable<SyntaxList<AttributeListSyntax>> OwnAttributeLists(TypeDeclarationSyntax type)
    {
        yield return type.AttributeLists;
        if (type.ParameterList is { } parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                yield return parameter.AttributeLists;
            }
        }

        foreach (var member in type.Members)
        {
            if (member is not BaseTypeDeclarationSyntax)
            {
                yield return member.AttributeLists;
            }
        }
    }

    private static bool HasMarker(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (RightmostName(attribute.Name) is { } name && MarkerNames.Contains(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    // A using alias (global ones included) in the file or an enclosing namespace: conservatively, any alias.
    private static bool AliasInScope(SyntaxNode node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            var usings = parent switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            foreach (var directive in usings)
            {
                if (directive.Alias is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasAnyAttribute(TypeDeclarationSyntax type)
    {
        if (type.AttributeLists.Count > 0 || (type.ParameterList?.Parameters.Any(p => p.AttributeLists.Count > 0) ?? false))
        {
            return true;
        }

        foreach (var member in type.Members)
        {
            if (member.AttributeLists.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    // Readable, but not unique: GeneratedSource.Name makes it so.
    private static string HintName(string? ns, string type, string suffix)
    {
        var name = $"{(ns is null ? string.Empty : ns + ".")}{type}.{suffix}";
        return new string(name.Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_').ToArray());
    }

    // Exact: "+" separates enclosing types, so N.C nested in nothing and C nested in N differ.
    private static string Identity(string? ns, EquatableArray<ContainingType> types) =>
        (ns ?? string.Empty) + "::" + string.Join("+", types.Select(t => t.Keyword + " " + t.Name));

    private static DiagnosticDescriptor Descriptor(string id) => id switch
    {
        DiagnosticIds.ShareMustBePartial => Rules.ShareMustBePartial,
        DiagnosticIds.UnsupportedShareSignature => Rules.UnsupportedShareSignature,
        DiagnosticIds.ShareHasNoDecisionLog => Rules.ShareHasNoDecisionLog,
        DiagnosticIds.ShareHasNoPayload => Rules.ShareHasNoPayload,
        _ => Rules.PayloadHoldsNoPersonalData,
    };
}

/// <summary>What the inventory's syntax provider found: a described declaration, an attributed one kept as syntax, or a global alias.</summary>
internal sealed record Found(InventoryType? Type, AttributedType? Other, string? GlobalAlias);

/// <summary>
/// A type declaration carrying only attributes not named like a marker, as syntax-only facts: where it is and the
/// unqualified names of its attributes (the only way a global alias can be written as an attribute).
/// </summary>
internal sealed record AttributedType(string FilePath, int Position, EquatableArray<string> Names)
{
    public static AttributedType From(TypeDeclarationSyntax type)
    {
        var names = new System.Collections.Generic.SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var lists in SafeShareGenerator.OwnAttributeLists(type))
        {
            Add(names, lists);
        }

        return new AttributedType(type.SyntaxTree.FilePath, type.SpanStart, names.ToEquatableArray());
    }

    /// <summary>Whether an attribute may be written through one of the global aliases ([PD] binds PD or PDAttribute).</summary>
    public bool MayUse(EquatableArray<string> aliases)
    {
        foreach (var alias in aliases)
        {
            foreach (var name in Names)
            {
                if (alias == name || alias == name + "Attribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The declaration again, in the given compilation.</summary>
    public (SemanticModel Model, TypeDeclarationSyntax Node)? Find(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath != FilePath)
            {
                continue;
            }

            var root = tree.GetRoot(cancellationToken);
            if (Position < root.FullSpan.End &&
                root.FindToken(Position).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t.SpanStart == Position) is { } node)
            {
                return (compilation.GetSemanticModel(tree), node);
            }
        }

        return null;
    }

    private static void Add(System.Collections.Generic.SortedSet<string> names, SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (attribute.Name is IdentifierNameSyntax or GenericNameSyntax)
                {
                    names.Add(((SimpleNameSyntax)attribute.Name).Identifier.ValueText);
                }
            }
        }
    }
}
