using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeShare.Analyzers.Generation;

namespace SafeShare.Bench.LookupOnly;

/// <summary>
/// SafeShare's generator with SafeShare's work taken out: the same inputs (the same attributes looked up by
/// <c>ForAttributeWithMetadataName</c>, with the same syntax filters, and the same reading of each file's type
/// declarations for types the marker inputs cannot see), each transform returning only where its declaration starts. What it costs is what
/// Roslyn spends finding and binding the attributed declarations, which any generator on these inputs pays: the
/// difference from the real generator is SafeShare's own reading of them. Run by the harness (configuration g) and, in
/// real-build.sh's lookup-only builds, by csc in place of the real generator; never packed.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AttributeLookupOnly : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var found = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .Where(static tree => GeneratorInputs.HasUnmarkedCandidates(tree))
            .Combine(context.CompilationProvider)
            .Select(static (_, _) => 0)
            .Collect();
        found = Add(found, context.SyntaxProvider.ForAttributeWithMetadataName(GeneratorInputs.ShareAttribute, static (node, _) => node is MethodDeclarationSyntax, static (attributed, _) => attributed.TargetNode.SpanStart));
        found = Add(found, context.SyntaxProvider.ForAttributeWithMetadataName(GeneratorInputs.RetainUntilAttribute, static (node, _) => node is TypeDeclarationSyntax, static (attributed, _) => attributed.TargetNode.SpanStart));
        foreach (var marker in GeneratorInputs.MarkerAttributes)
        {
            found = Add(found, context.SyntaxProvider.ForAttributeWithMetadataName(marker, static (_, _) => true, static (attributed, _) => attributed.TargetNode.SpanStart));
        }

        context.RegisterSourceOutput(found, static (_, _) => { });
    }

    private static IncrementalValueProvider<ImmutableArray<int>> Add(IncrementalValueProvider<ImmutableArray<int>> left, IncrementalValuesProvider<int> right) =>
        left.Combine(right.Collect()).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
}
