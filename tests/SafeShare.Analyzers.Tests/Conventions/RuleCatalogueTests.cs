using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Tests.Conventions;

/// <summary>Every exported rule has a docs page, a help link to it and a release-tracking entry.</summary>
public class RuleCatalogueTests
{
    public static IEnumerable<object[]> Descriptors() =>
        AllDescriptors().Select(d => new object[] { d.Id });

    [Fact]
    public void Every_analyzer_is_exported_for_CSharp()
    {
        var analyzers = typeof(SpecialCategoryAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(analyzers);
        Assert.All(analyzers, t =>
        {
            var attribute = t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Cast<DiagnosticAnalyzerAttribute>().SingleOrDefault();
            Assert.True(attribute is not null && attribute.Languages.Contains(LanguageNames.CSharp), $"{t.Name} is not exported for C#");
        });
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Help_link_names_an_existing_docs_page(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        Assert.Matches(@"^SAFE\d{3}$", id);
        Assert.EndsWith($"/docs/rules/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(descriptor.HelpLinkUri, UriKind.Absolute), descriptor.HelpLinkUri);
        var page = Path.Combine(RepoRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{id}'s help link points at {page}, which does not exist");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Rule_is_in_release_tracking_with_its_category_and_severity(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        var folder = Path.Combine(RepoRoot(), "src", "SafeShare.Analyzers");
        var tracking = File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Shipped.md")) + File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Unshipped.md"));
        var row = Regex.Match(tracking, $@"^{id}\s*\|\s*(\w+)\s*\|\s*(\w+)", RegexOptions.Multiline);
        Assert.True(row.Success, $"{id} is not in the release tracking files");
        Assert.Equal(descriptor.Category, row.Groups[1].Value);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Groups[2].Value);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Strict_preset_makes_the_rule_an_error(string id)
    {
        var preset = File.ReadAllText(Path.Combine(RepoRoot(), "src", "SafeShare", "build", "SafeShare.Strict.globalconfig"));
        Assert.Matches($@"(?m)^dotnet_diagnostic\.{id}\.severity = error\s*$", preset);
    }

    [Fact]
    public void Ids_are_unique_and_every_id_constant_has_a_descriptor()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var constants = typeof(SpecialCategoryAnalyzer).Assembly.GetType("SafeShare.Analyzers.DiagnosticIds", throwOnError: true)!
            .GetFields().Select(f => (string)f.GetRawConstantValue()!).OrderBy(x => x).ToList();
        Assert.Equal(constants, ids.OrderBy(x => x).ToList());
    }

    // What the analyzers export, and every descriptor in Rules (the generator reports some of them).
    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(SpecialCategoryAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Concat(typeof(Rules).GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!))
            .GroupBy(d => d.Id).Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal);

    [Fact]
    public void Every_descriptor_in_Rules_is_reported_by_an_analyzer_or_the_generator()
    {
        var exported = typeof(SpecialCategoryAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(d => d.Id).ToHashSet();
        var generator = typeof(Rules).GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!).Where(d => d.Category == "Generation").Select(d => d.Id);
        Assert.All(AllDescriptors(), d => Assert.True(exported.Contains(d.Id) || generator.Contains(d.Id), $"{d.Id} is reported by nothing"));
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
