using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeShare.Analyzers.Generation;

namespace SafeShare.Testing;

/// <summary>
/// What <c>csc</c> does before any analyzer runs: SafeShare's generator over the sources, its output added to the
/// compilation. Analyzers in a build always see the generated implementations, so the tests do too.
/// </summary>
public static class CompilerRun
{
    /// <summary>The compilation with the generator's output, and what the generator reported.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Generate(Compilation compilation)
    {
        var parseOptions = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? TestCompilation.ParseOptions;
        var driver = CSharpGeneratorDriver.Create(
            new[] { new SafeShareGenerator().AsSourceGenerator() },
            parseOptions: parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics);
    }

    /// <summary>Whether a tree was added by the generator (not one of the sources).</summary>
    public static bool IsGenerated(SyntaxTree tree) => tree.FilePath.Contains(nameof(SafeShareGenerator));
}
