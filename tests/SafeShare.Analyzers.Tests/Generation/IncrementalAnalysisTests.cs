using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeShare.Analyzers.Generation;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>
/// After an edit the generator reads again only the declarations the edit can have changed (IncrementalAnalysis), and
/// what it generates is always what a fresh run on the edited code generates.
/// </summary>
public class IncrementalAnalysisTests
{
    private const string Domain = """
        using System;
        using SafeShare;
        namespace Council.Domain
        {
            [LawfulBasis(LawfulBasis.PublicTask)]
            public class Person { [PersonalData] public string? Name { get; set; } }

            [LawfulBasis(LawfulBasis.PublicTask)]
            [RetainUntil(nameof(Born), Years = RetentionYears)]
            public partial class Child : Person
            {
                public DateOnly Born { get; set; }
                [SpecialCategory(SpecialCategory.Health)] public string? Needs { get; set; }
                public int Age(DateOnly today) => today.Year - Born.Year;
            }
        }
        """;

    // The other part of Child: a private constant the retention rule reads, and a method body.
    private const string ChildPart = """
        namespace Council.Domain
        {
            public partial class Child
            {
                private const int RetentionYears = 25;
                public string Describe() => "child";
            }
        }
        """;

    private const string Sharing = """
        using SafeShare;
        namespace Council.Sharing
        {
            public sealed class Helper { public int Count() { return 1; } }

            public partial class Referrals
            {
                private readonly IDecisionLog _log = new InMemoryDecisionLog();

                [Share("Police", "Strategy discussion", Fields = new[] { "Name" })]
                [LawfulBasis(LawfulBasis.PublicTask)]
                public partial DecisionRecord Refer(Council.Domain.Child child, DecisionDetails details);

                [Share("Health", "Not partial")]
                public DecisionRecord Broken(Council.Domain.Child child, DecisionDetails details) => null!;
            }
        }
        """;

    private const string Reporting = """
        namespace Council.Reporting
        {
            public static class Totals
            {
                private const int PageSize = 50;
                public static int Pages(int count) => (count + PageSize - 1) / PageSize;
            }
        }
        """;

    [Fact]
    public void A_body_edit_in_an_unrelated_file_reads_nothing_again()
    {
        var (driver, compilation) = First();
        var edited = Replace(compilation, 3, "PageSize = 50", "PageSize = 51");

        driver = driver.RunGenerators(edited);

        Assert.Equal(0, IncrementalAnalysis.ReadOnThisThread);
        AssertSameAsFresh(driver, edited);
    }

    [Fact]
    public void A_body_edit_above_a_share_reads_that_file_again_and_moves_its_diagnostic()
    {
        var (driver, compilation) = First();
        var edited = Replace(compilation, 2, "public int Count() { return 1; }", "public int Count()\n        {\n            return 1;\n        }");

        driver = driver.RunGenerators(edited);

        // Refer and Broken (two [Share] methods) and nothing else: Sharing.cs's other declarations carry no attribute.
        Assert.Equal(2, IncrementalAnalysis.ReadOnThisThread);
        var moved = driver.GetRunResult().Diagnostics.Single(d => d.Id == DiagnosticIds.ShareMustBePartial);
        Assert.Equal(17, moved.Location.GetLineSpan().StartLinePosition.Line);
        AssertSameAsFresh(driver, edited);
    }

    [Fact]
    public void A_private_constant_in_another_part_of_the_type_is_read_again()
    {
        var (driver, compilation) = First();
        var edited = Replace(compilation, 1, "RetentionYears = 25", "RetentionYears = 30");

        driver = driver.RunGenerators(edited);

        // Child's two parts are in Domain.cs and ChildPart.cs: the Child declaration of Domain.cs is read again with it.
        Assert.Equal(1, IncrementalAnalysis.ReadOnThisThread);
        Assert.Contains("AddYears(30)", Generated(driver, "Retention"));
        AssertSameAsFresh(driver, edited);
    }

    [Fact]
    public void A_declaration_edit_reads_everything_again()
    {
        var (driver, compilation) = First();
        // The base type gains a personal member: every type deriving from it, in any file, lists it.
        var edited = Replace(compilation, 0, "[PersonalData] public string? Name { get; set; }", "[PersonalData] public string? Name { get; set; } [PersonalData] public string? Address { get; set; }");

        driver = driver.RunGenerators(edited);

        Assert.Equal(4, IncrementalAnalysis.ReadOnThisThread);
        Assert.Contains("Address", Generated(driver, "DataInventory"));
        AssertSameAsFresh(driver, edited);
    }

    [Fact]
    public void A_visible_constant_edit_in_an_unrelated_file_reads_everything_again()
    {
        var (driver, compilation) = First();
        var edited = Replace(compilation, 3, "private const int PageSize", "public const int PageSize");

        driver = driver.RunGenerators(edited);

        Assert.Equal(4, IncrementalAnalysis.ReadOnThisThread);
        AssertSameAsFresh(driver, edited);
    }

    [Fact]
    public void Adding_and_removing_files_matches_a_fresh_run()
    {
        var (driver, compilation) = First();
        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Council.Domain { public partial class Child { [SafeShare.PersonalData] public string? Nickname { get; set; } } }",
            TestCompilation.ParseOptions,
            path: "/0/Nickname.cs"));
        driver = driver.RunGenerators(added);
        Assert.Contains("Nickname", Generated(driver, "DataInventory"));
        AssertSameAsFresh(driver, added);

        var removed = added.RemoveSyntaxTrees(added.SyntaxTrees.First());
        driver = driver.RunGenerators(removed);
        AssertSameAsFresh(driver, removed);
    }

    [Fact]
    public void A_new_reference_set_reads_everything_again()
    {
        var (driver, compilation) = First();
        var fewer = compilation.RemoveReferences(compilation.References.Last());

        driver = driver.RunGenerators(fewer);

        AssertSameAsFresh(driver, fewer);
    }

    [Fact]
    public void Reordered_files_match_a_fresh_run_without_reading_anything()
    {
        var (driver, compilation) = First();
        var reordered = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Reverse());

        driver = driver.RunGenerators(reordered);

        Assert.Equal(0, IncrementalAnalysis.ReadOnThisThread);
        AssertSameAsFresh(driver, reordered);
    }

    private static (GeneratorDriver Driver, Compilation Compilation) First()
    {
        var compilation = TestCompilation.Create(Domain, ChildPart, Sharing, Reporting);
        var driver = GeneratorHost.CreateDriver().RunGenerators(compilation);
        // Person, Child (Domain.cs), Refer and Broken: the other declarations carry no attribute.
        Assert.Equal(4, IncrementalAnalysis.ReadOnThisThread);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795"));
        Assert.True(driver.GetRunResult().GeneratedTrees.Any(t => t.FilePath.EndsWith("Retention.g.cs", System.StringComparison.Ordinal)), string.Join(", ", driver.GetRunResult().GeneratedTrees.Select(t => t.FilePath)));
        return (driver, compilation);
    }

    private static Compilation Replace(Compilation compilation, int index, string from, string to)
    {
        var tree = compilation.SyntaxTrees.ElementAt(index);
        var text = tree.GetText();
        var at = text.ToString().IndexOf(from, System.StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' is not in file {index}");
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(at, from.Length), to))));
    }

    private static string Generated(GeneratorDriver driver, string hintPart) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.Contains(hintPart)).SourceText.ToString();

    /// <summary>The incremental run generated exactly what a new driver generates from the same compilation.</summary>
    internal static void AssertSameAsFresh(GeneratorDriver driver, Compilation compilation)
    {
        var incremental = driver.GetRunResult();
        var fresh = GeneratorHost.CreateDriver().RunGenerators(compilation).GetRunResult();
        Assert.Equal(
            fresh.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            incremental.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
        Assert.Equal(
            fresh.Diagnostics.Select(d => d.ToString()).OrderBy(d => d, System.StringComparer.Ordinal),
            incremental.Diagnostics.Select(d => d.ToString()).OrderBy(d => d, System.StringComparer.Ordinal));
    }
}
