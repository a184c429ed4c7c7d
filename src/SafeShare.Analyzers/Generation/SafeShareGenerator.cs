using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
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
    /// Each declaration that can make a type hold personal data (a marker on the type, a member or a positional
    /// parameter; a positional record; a derived class with attributes of its own), described as its type's inventory entry.
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
/// <remarks>
/// Each input is one attributed declaration, found by <c>ForAttributeWithMetadataName</c> (which binds attribute names,
/// aliases included, the way the compiler does), or one file declaring a type no attribute lookup can find; each is
/// turned at once into plain values that hold no symbol, syntax or compilation. Roslyn's tables keep those values
/// between runs and skip every later step whose input is equal; the generator keeps nothing itself.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class SafeShareGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var shares = context.SyntaxProvider
            .ForAttributeWithMetadataName(GeneratorInputs.ShareAttribute, static (node, _) => node is MethodDeclarationSyntax, ShareParser.Parse)
            .WithTrackingName(SafeShareGeneratorSteps.Shares);
        context.RegisterSourceOutput(shares, static (output, result) =>
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                output.ReportDiagnostic(Diagnostic.Create(Descriptor(diagnostic.Id), diagnostic.Location?.ToLocation(), diagnostic.Arguments.Cast<object>().ToArray()));
            }
        });
        var shareSources = shares
            .Where(static result => result.Share is not null || result.Stub is not null)
            .Select(static (result, _) => result.Share is { } share
                ? ShareSource(share.Namespace, share.ContainingTypes, share.TypeDisplayName, share.MethodName, string.Join(",", share.Parameters.Select(p => p.Type)), ShareEmitter.Emit(share))
                : ShareSource(result.Stub!.Namespace, result.Stub.ContainingTypes, result.Stub.TypeDisplayName, result.Stub.MethodName, result.Stub.ParameterTypes,
                    ShareStubEmitter.Emit(result.Stub, result.Diagnostics.Select(d => d.Id).Distinct())));

        var retention = context.SyntaxProvider
            .ForAttributeWithMetadataName(GeneratorInputs.RetainUntilAttribute, static (node, _) => node is TypeDeclarationSyntax, static (attributed, _) => ParseRetention(attributed))
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

        // A type can hold personal data through a marker on itself, a member or a positional parameter (one input per
        // marker attribute), through a [property: ...] marker on a record's parameter (on the property, which has no
        // declaration of its own), or through what it inherits (a derived class with attributes of its own, as before).
        // The unmarked ones are found by reading each file's type declarations (never a member's body: a syntax
        // provider would visit every node of every file), once per file version, the way
        // ForAttributeWithMetadataName itself reads each file; only files with a candidate are bound.
        var described = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .Where(static tree => GeneratorInputs.HasUnmarkedCandidates(tree))
            .Combine(context.CompilationProvider)
            .SelectMany(static (input, cancellationToken) => DescribeUnmarked(input.Right, input.Left, cancellationToken))
            .WithTrackingName(SafeShareGeneratorSteps.DescribedTypes)
            .Collect();
        foreach (var marker in GeneratorInputs.MarkerAttributes)
        {
            described = Concat(described, context.SyntaxProvider
                .ForAttributeWithMetadataName(marker, static (_, _) => true, static (attributed, cancellationToken) => InventoryParser.DescribeHolder(attributed, cancellationToken))
                .WithTrackingName(SafeShareGeneratorSteps.DescribedTypes)
                .Collect());
        }

        var inventoryTypes = described
            .Select(static (all, _) => InventoryEmitter.Merge(all.Where(t => t is not null)!))
            .WithTrackingName(SafeShareGeneratorSteps.InventoryTypes);
        var inventoryShares = shares
            .Select(static (result, _) => result.Share is { } s ? new InventoryShare(s.ShareName, s.Recipient, s.Purpose, s.PayloadType, s.Basis, s.Fields) { Agreement = s.Agreement } : null)
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

    private static IncrementalValueProvider<ImmutableArray<InventoryType?>> Concat(IncrementalValueProvider<ImmutableArray<InventoryType?>> left, IncrementalValueProvider<ImmutableArray<InventoryType?>> right) =>
        left.Combine(right).Select(static (pair, _) => pair.Left.AddRange(pair.Right));

    private static ImmutableArray<InventoryType?> DescribeUnmarked(Compilation compilation, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var model = compilation.GetSemanticModel(tree);
        var described = ImmutableArray.CreateBuilder<InventoryType?>();
        GeneratorInputs.UnmarkedCandidates(tree, type => described.Add(InventoryParser.DescribeDeclared(type, model, cancellationToken)), cancellationToken);
        return described.ToImmutable();
    }

    /// <summary>The retention helpers of a type declaration carrying [RetainUntil]: null unless it and every enclosing type are partial and the rule resolves.</summary>
    private static RetentionModel? ParseRetention(GeneratorAttributeSyntaxContext attributed) =>
        attributed.TargetSymbol is INamedTypeSymbol type && attributed.TargetNode is TypeDeclarationSyntax syntax &&
        SafeShareSymbols.TryCreate(attributed.SemanticModel.Compilation) is { } symbols
            ? ParseRetention(type, syntax, symbols)
            : null;

    /// <summary>The retention helpers of a type declaration carrying [RetainUntil]: null unless it and every enclosing type are partial and the rule resolves.</summary>
    internal static RetentionModel? ParseRetention(INamedTypeSymbol type, TypeDeclarationSyntax syntax, SafeShareSymbols symbols) =>
        InventoryParser.Retention(type, symbols) is { } rule && type.TypeKind != TypeKind.Interface
            ? RetentionModelOf(rule, syntax, type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null)
            : null;

    /// <summary>The retention model of a resolved rule on a partial type (and partial enclosing types), or null.</summary>
    internal static RetentionModel? RetentionModelOf(RetentionRule rule, TypeDeclarationSyntax syntax, string? ns)
    {
        if (ShareParser.PartialTypes(syntax, out _) is not { } containing ||
            syntax.Parent is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax or TypeDeclarationSyntax))
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

    // A share's file, implemented or a stub: one identity per method and overload, so the two can never both be written.
    private static GeneratedSource ShareSource(string? ns, EquatableArray<ContainingType> types, string typeName, string method, string parameterTypes, string text) =>
        new(Identity(ns, types) + "." + method + "(" + parameterTypes + ")", HintName(ns, typeName, method + ".Share"), text);

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
