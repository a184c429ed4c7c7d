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
    /// declares nothing twice and breaks no declaration. The compiler stops before the analyzers when the declarations
    /// have errors (two mutants of one seed both declare its types), so a build of such a set would check only the
    /// generator. Mutants are taken in order and skipped when they would add a declaration error.
    /// </summary>
    public static IEnumerable<(long Index, Mutant Mutant)> TakeTogether(Corpus corpus, ulong seed, long first, int count)
    {
        var compilation = SafeShare.Testing.TestCompilation.Create();
        var taken = 0;
        foreach (var (index, mutant) in Take(corpus, seed, first, count * 50L))
        {
            var tree = CSharpSyntaxTree.ParseText(mutant.Source, SafeShare.Testing.TestCompilation.ParseOptions, $"M{index}.cs");
            var with = compilation.AddSyntaxTrees(tree);
            if (with.GetDeclarationDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
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

    private static bool Parses(string source) =>
        !CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
}
