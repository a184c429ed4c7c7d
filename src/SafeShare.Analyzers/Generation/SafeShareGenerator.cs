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
    private static readonly string[] PersonalDataMarkers =
    {
        "SafeShare.PersonalDataAttribute",
        "SafeShare.SpecialCategoryAttribute",
        "SafeShare.CriminalOffenceDataAttribute",
        "Microsoft.AspNetCore.Identity.PersonalDataAttribute",
        "Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute",
    };

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

        IncrementalValueProvider<EquatableArray<InventoryType>> FoundBy(string marker) => context.SyntaxProvider
            .ForAttributeWithMetadataName(marker, static (node, _) => node is TypeDeclarationSyntax or PropertyDeclarationSyntax or VariableDeclaratorSyntax or ParameterSyntax, InventoryParser.Parse)
            .Where(static type => type is not null)
            .Collect()
            .Select(static (found, _) => InventoryEmitter.Merge(found!));

        var types = FoundBy(PersonalDataMarkers[0]);
        foreach (var marker in PersonalDataMarkers.Skip(1))
        {
            types = types.Combine(FoundBy(marker)).Select(static (pair, _) => InventoryEmitter.Merge(pair.Left.Concat(pair.Right)));
        }

        // [property: PersonalData] on a positional record parameter marks the property, which no
        // attribute-driven provider sees through the parameter; find those records by their syntax.
        var recordProperties = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is RecordDeclarationSyntax { ParameterList: { } parameters } &&
                    parameters.Parameters.Any(p => p.AttributeLists.Any(list => list.Target?.Identifier.IsKind(SyntaxKind.PropertyKeyword) == true)),
                static (context, cancellationToken) =>
                    context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is INamedTypeSymbol type &&
                    SafeShareSymbols.TryCreate(context.SemanticModel.Compilation) is { } symbols
                        ? InventoryParser.Describe(type, new Classification.DataClassification(symbols), cancellationToken)
                        : null)
            .Where(static type => type is not null)
            .Collect()
            .Select(static (found, _) => InventoryEmitter.Merge(found!));
        types = types.Combine(recordProperties).Select(static (pair, _) => InventoryEmitter.Merge(pair.Left.Concat(pair.Right)));

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
