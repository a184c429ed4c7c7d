using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SafeShare.Fuzzing;

/// <summary>
/// Mutants for a real build with the SDK's compiler (PackagedBuildTests and the harness's build command), and what
/// that build must never print.
/// </summary>
public static class BuildableMutants
{
    /// <summary>The diagnostics that mean SafeShare failed in the build, with what each means.</summary>
    public static readonly IReadOnlyList<(string Id, string Meaning)> Forbidden = new[]
    {
        ("AD0001", "an analyzer threw"),
        ("CS8784", "the generator failed to initialise"),
        ("CS8785", "the generator threw"),
        ("CS8032", "an analyzer could not be created"),
        ("CS8033", "the analyzer assembly has no analyzers"),
    };

    /// <summary>
    /// The mutants of a run from <paramref name="first"/> on, up to <paramref name="count"/> of them: only those that
    /// parse unless <paramref name="withSyntaxErrors"/> (the compiler reports syntax errors and stops before running
    /// analyzers). Gives up after a hundred times <paramref name="count"/> mutants.
    /// </summary>
    public static IEnumerable<(long Index, Mutant Mutant)> Take(Corpus corpus, ulong seed, long first, long count, bool withSyntaxErrors = false) =>
        Enumerable.Range(0, checked((int)(count * 100)))
            .Select(i => first + i)
            .Select(index => (Index: index, Mutant: FuzzSession.Generate(corpus, seed, index)))
            .Where(m => withSyntaxErrors || Parses(m.Mutant.Source))
            .Take(checked((int)count));

    /// <summary>
    /// Mutants that can be built together in one project with the analyzers still running: each parses, and adding it
    /// declares nothing twice and breaks no declaration, parsed as a Debug build parses it (#if DEBUG) and with the generator's files added. The compiler stops before the analyzers when the declarations
    /// have errors (two mutants of one seed both declare its types), so a build of such a set would check only the
    /// generator. Mutants are taken in order and skipped when they would add a declaration error.
    /// </summary>
    public static IEnumerable<(long Index, Mutant Mutant)> TakeTogether(Corpus corpus, ulong seed, long first, int count)
    {
        var compilation = SafeShare.Testing.TestCompilation.Create();
        var taken = 0;
        foreach (var (index, mutant) in Take(corpus, seed, first, count * 50L))
        {
            var tree = CSharpSyntaxTree.ParseText(mutant.Source, BuildParseOptions, $"M{index}.cs");
            // A mutant that parses can still fail to parse as the build parses it: an #if DEBUG branch holding a syntax
            // error (an attribute list left with nothing after it) is inactive in the first parse and compiled here.
            if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                continue;
            }

            var with = compilation.AddSyntaxTrees(tree);
            // The generator's files are declarations too (a retention helper's partial type can clash with another mutant's).
            CSharpGeneratorDriver.Create(FuzzRunner.Generators, parseOptions: SafeShare.Testing.TestCompilation.ParseOptions)
                .RunGeneratorsAndUpdateCompilation(with, out var generated, out _);
            if (generated.GetDeclarationDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                continue;
            }

            compilation = with;
            yield return (index, mutant);
            if (++taken == count)
            {
                yield break;
            }
        }
    }

    // What a Debug build for net10.0 defines: a mutant's #if DEBUG branch is compiled there.
    private static readonly CSharpParseOptions BuildParseOptions = SafeShare.Testing.TestCompilation.ParseOptions.WithPreprocessorSymbols(
        new[] { "DEBUG", "TRACE", "NET", "NETCOREAPP", "NET10_0", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER" }
            .Concat(Enumerable.Range(5, 6).Select(v => $"NET{v}_0_OR_GREATER")));

    private static bool Parses(string source) =>
        !CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
}
