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

    private static bool Parses(string source) =>
        !CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
}
