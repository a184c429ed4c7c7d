using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
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

    /// <summary>A new instance of every SafeShare analyzer, as the package ships them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(SafeShareGenerator).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>
    /// SafeShare's generator, then the analyzers over its output, as csc runs them: the compilation with the generated
    /// code, everything reported (the generator's diagnostics first) and every exception an analyzer threw.
    /// </summary>
    public static async Task<(Compilation Output, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions)> BuildAsync(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> additionalFiles = default,
        AnalyzerConfigOptionsProvider? configOptions = null)
    {
        var (output, generatorDiagnostics) = Generate(compilation);
        var exceptions = new List<string>();
        var files = additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles;
        var options = new CompilationWithAnalyzersOptions(
            configOptions is null ? new AnalyzerOptions(files) : new AnalyzerOptions(files, configOptions),
            onAnalyzerException: (ex, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {ex}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var all = await output.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();
        return (output, generatorDiagnostics.AddRange(all), exceptions);
    }

    /// <summary>Whether a tree was added by the generator (not one of the sources).</summary>
    public static bool IsGenerated(SyntaxTree tree) => tree.FilePath.Contains(nameof(SafeShareGenerator));
}
