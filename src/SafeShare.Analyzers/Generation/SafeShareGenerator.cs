using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Analyzers.Generation;

/// <summary>The names of the generator's pipeline steps, for tests that check what was cached.</summary>
public static class SafeShareGeneratorSteps
{
    /// <summary>
    /// The compilation read into plain values: every [Share] method, [RetainUntil] type and personal-data type. Unchanged
    /// after an edit that changes no declaration it reads; see IncrementalAnalysis.
    /// </summary>
    public const string Analysis = "SafeShare.Analysis";

    /// <summary>Each [Share] method parsed into a share model or generator diagnostics.</summary>
    public const string Shares = "SafeShare.Shares";

    /// <summary>Each partial type with [RetainUntil] parsed into a retention model.</summary>
    public const string Retention = "SafeShare.Retention";

    /// <summary>
    /// Each type declaration holding personal data, as described by the analysis (a partial type once per marked part).
    /// Types with only other attributes are never described.
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
        // All semantic work is in one step over the compilation, which reads again only what an edit can have
        // changed (IncrementalAnalysis); the steps after it see equal values and stay cached.
        var analysis = context.CompilationProvider
            .Select(new IncrementalAnalysis().Analyze)
            .WithTrackingName(SafeShareGeneratorSteps.Analysis);

        var shares = analysis
            .SelectMany(static (model, _) => model.Shares.AsImmutableArray())
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

        var retention = analysis
            .SelectMany(static (model, _) => model.Retention.AsImmutableArray())
            .WithTrackingName(SafeShareGeneratorSteps.Retention);
        var retentionSources = retention.Select(static (model, _) => new GeneratedSource(
            Identity(model.Namespace, model.ContainingTypes) + " retention",
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

        var inventoryTypes = analysis
            .SelectMany(static (model, _) => model.Types.AsImmutableArray())
            .WithTrackingName(SafeShareGeneratorSteps.DescribedTypes)
            .Collect()
            .Select(static (all, _) => InventoryEmitter.Merge(all))
            .WithTrackingName(SafeShareGeneratorSteps.InventoryTypes);
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

    /// <summary>The retention helpers of a type declaration carrying [RetainUntil]: null unless it and every enclosing type are partial and the rule resolves.</summary>
    internal static RetentionModel? ParseRetention(INamedTypeSymbol type, TypeDeclarationSyntax syntax, SafeShareSymbols symbols) =>
        InventoryParser.Retention(type, symbols) is { } rule && type.TypeKind != TypeKind.Interface
            ? RetentionModelOf(rule, syntax, type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null)
            : null;

    /// <summary>The retention model of a resolved rule on a partial type (and partial enclosing types), or null.</summary>
    internal static RetentionModel? RetentionModelOf(RetentionRule rule, TypeDeclarationSyntax syntax, string? ns)
    {
        var containing = new System.Collections.Generic.List<ContainingType>();
        for (TypeDeclarationSyntax? t = syntax; t is not null; t = t.Parent as TypeDeclarationSyntax)
        {
            if (!t.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            containing.Insert(0, new ContainingType(ShareParser.Keyword(t), t.Identifier.ValueText + t.TypeParameterList?.ToString()));
        }

        if (syntax.Parent is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax or TypeDeclarationSyntax))
        {
            return null;
        }

        var anchorType = rule.AnchorType;
        var nullable = anchorType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        var underlying = nullable ? ((INamedTypeSymbol)anchorType).TypeArguments[0] : anchorType;
        return new RetentionModel(
            ns,
            containing.ToEquatableArray(),
            string.Join(".", containing.Select(c => c.Name)),
            rule.Anchor,
            underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            nullable,
            rule.Years,
            rule.Months,
            rule.ReviewEveryYears);
    }

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
    internal static bool MayHoldPersonalData(TypeDeclarationSyntax type, EquatableArray<string> globalAliases)
    {
        foreach (var lists in OwnAttributeLists(type))
        {
            if (HasNamed(lists, MarkerNames, globalAliases))
            {
                return true;
            }
        }

        // Otherwise only an alias in scope could hide a marker, or a base class could hand the type personal members,
        // a type-level marker or a marked property it overrides: any attribute counts for those (a derived type still
        // needs an attribute of its own to be listed).
        return HasAnyAttribute(type) && (SyntaxNames.UsingAliasInScope(type) || MayHaveBaseClass(type));
    }

    /// <summary>The names [Share] can be written with.</summary>
    internal static readonly System.Collections.Generic.HashSet<string> ShareNames = new(System.StringComparer.Ordinal) { "Share", "ShareAttribute" };

    /// <summary>The names [RetainUntil] can be written with.</summary>
    internal static readonly System.Collections.Generic.HashSet<string> RetainUntilNames = new(System.StringComparer.Ordinal) { "RetainUntil", "RetainUntilAttribute" };

    /// <summary>
    /// Whether one of these attribute lists may hold an attribute of the given names, from syntax alone: written with one of
    /// the names (qualified or not), through a global alias named like it is used, or any attribute when a using alias in the
    /// declaration's file could stand for it.
    /// </summary>
    internal static bool MayCarry(SyntaxNode declaration, SyntaxList<AttributeListSyntax> lists, System.Collections.Generic.HashSet<string> names, EquatableArray<string> globalAliases) =>
        lists.Count > 0 && (HasNamed(lists, names, globalAliases) || SyntaxNames.UsingAliasInScope(declaration));

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

    private static bool HasNamed(SyntaxList<AttributeListSyntax> lists, System.Collections.Generic.HashSet<string> names, EquatableArray<string> globalAliases)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (SyntaxNames.Rightmost(attribute.Name) is not { } name)
                {
                    continue;
                }

                if (names.Contains(name))
                {
                    return true;
                }

                // [PD] binds a global alias PD or PDAttribute; only an unqualified name can be an alias.
                if (attribute.Name is IdentifierNameSyntax or GenericNameSyntax)
                {
                    foreach (var alias in globalAliases)
                    {
                        if (alias == name || alias == name + "Attribute")
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    internal static bool HasAnyAttribute(TypeDeclarationSyntax type)
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
