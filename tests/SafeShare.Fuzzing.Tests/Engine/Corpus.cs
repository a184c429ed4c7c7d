using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Fuzzing;

/// <summary>A valid source the fuzzer starts from, and where it came from.</summary>
public sealed record Seed(string Origin, string Text);

/// <summary>
/// The seed corpus: every raw string literal in the repository's tests that looks like C# (the test cases,
/// markup removed), every file of the sample app, and the appsettings JSON the transport tests use. Seeds are
/// sorted by origin so a run seed picks the same sources on every machine — as long as the corpus is unchanged;
/// a regression file therefore stores the mutant's text, not only its seed.
/// </summary>
public sealed class Corpus
{
    private Corpus(IReadOnlyList<Seed> sources, IReadOnlyList<Seed> appSettings)
    {
        Sources = sources;
        AppSettings = appSettings;
    }

    public IReadOnlyList<Seed> Sources { get; }

    public IReadOnlyList<Seed> AppSettings { get; }

    /// <summary>The repository root: the nearest folder holding Analyzers.sln up from the binaries, else up from the current directory.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Analyzers.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}");
    }

    public static Corpus Load() => Load(RepositoryRoot());

    public static Corpus Load(string root)
    {
        var sources = new List<Seed>();
        var appSettings = new List<Seed>();
        var testFiles = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*Tests.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p) && !p.Contains("SafeShare.Fuzzing.Tests", StringComparison.Ordinal));
        foreach (var path in testFiles.OrderBy(p => p, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path);
            var index = 0;
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                {
                    continue;
                }

                var text = StripMarkup(token.ValueText);
                var origin = $"{relative}#{index++}";
                if (LooksLikeJson(text))
                {
                    appSettings.Add(new Seed(origin, text));
                }
                else if (LooksLikeCSharp(text))
                {
                    sources.Add(new Seed(origin, text));
                }
            }
        }

        // Interpolated raw strings ($$"""...{{member}}...""") are left out: their holes are not C#.
        var sample = Path.Combine(root, "samples", "CaseManagement");
        foreach (var path in Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories).Where(p => !IsBuildOutput(p)).OrderBy(p => p, StringComparer.Ordinal))
        {
            sources.Add(new Seed(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)));
        }

        return new Corpus(sources, appSettings);
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static bool LooksLikeJson(string text) => text.TrimStart().StartsWith('{') && text.Contains("\":", StringComparison.Ordinal);

    // A test's C# declares something; expected messages and snippets of other languages do not.
    private static bool LooksLikeCSharp(string text)
    {
        if (text.Length < 20)
        {
            return false;
        }

        var root = CSharpSyntaxFactory.Parse(text);
        return root.Members.Count > 0 || root.AttributeLists.Count > 0;
    }

    /// <summary>Removes the verifier markup ([|...|], {|ID:...|}) and keeps the text it marks.</summary>
    public static string StripMarkup(string text)
    {
        try
        {
            return SafeShare.Testing.Markup.Parse(text).Source;
        }
        catch (FormatException)
        {
            return text;
        }
    }

    private static class CSharpSyntaxFactory
    {
        public static CompilationUnitSyntax Parse(string text) =>
            (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, SafeShare.Testing.TestCompilation.ParseOptions).GetRoot();
    }
}
