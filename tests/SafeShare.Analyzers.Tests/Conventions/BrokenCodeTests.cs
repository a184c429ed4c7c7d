using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Analyzers.Classification;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Conventions;

/// <summary>
/// In the IDE the analyzers see half-typed code on every keystroke. Every prefix of an annotated
/// file, and attribute arguments of the wrong type, must analyse without an exception (AD0001).
/// The mutation fuzzer (a later issue) goes much further; this is the floor.
/// </summary>
public class BrokenCodeTests
{
    private const string Annotated = """
        using System;
        using SafeShare;
        [assembly: AppropriatePolicyDocument("IG-POL-14")]
        [assembly: LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]

        namespace CaseManagement;

        [RetainUntil(nameof(DateOfBirth), Years = 25, ReviewEveryYears = 5)]
        public sealed record Child(
            [PersonalData(Subject = DataSubject.Child)] string Name,
            [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)] string? Ethnicity,
            DateOnly DateOfBirth);

        [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
        public partial class Assessment<T> : Base
        {
            [SpecialCategory(SpecialCategory.Health), Article9Condition(Article9Condition.HealthOrSocialCare)]
            public T? Health { get; set; }
            [CriminalOffenceData(OfficialAuthority = "")] public string? Offences;
            public void Refer([PersonalData] string name, [LawfulBasis((LawfulBasis)9)] int x) { }
            public class Nested { [RetainUntil("Nope")] public class Deeper { [PersonalData] public int Id; } }
        }

        public abstract class Base { [PersonalData] public virtual string? Name { get; set; } }
        """;

    [Fact]
    public async Task Every_prefix_of_an_annotated_file_analyses_without_exception()
    {
        for (var length = 0; length < Annotated.Length; length += 4)
        {
            await AnalyseAsync(Annotated.Substring(0, length));
        }

        // The whole file is analysed for real: its invalid annotations are reported.
        var ids = (await AnalyseAsync(Annotated)).Select(d => d.Id).ToList();
        Assert.Equal(4, ids.Count(id => id == "SAFE007")); // empty authority, (LawfulBasis)9, anchor "Nope", no period
        Assert.Contains("SAFE002", ids);
    }

    [Theory]
    [InlineData("[SpecialCategory(\"Health\")] public string? A { get; set; }")]
    [InlineData("[SpecialCategory] public string? A { get; set; }")]
    [InlineData("[Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = \"para 18\")] [SpecialCategory(SpecialCategory.Health)] public string? A { get; set; }")]
    [InlineData("[LawfulBasis(LawfulBasis.PublicTask, Gateway = 17)] [PersonalData] public string? A { get; set; }")]
    [InlineData("[LawfulBasis(null)] [PersonalData(Subject = null)] public string? A { get; set; }")]
    [InlineData("[CriminalOffenceData(Schedule1 = 18, OfficialAuthority = null)] public string? A { get; set; }")]
    [InlineData("[SafeShare.PersonalData(] public string? A")]
    public Task Attribute_arguments_of_the_wrong_type_or_missing(string member) =>
        (Task)AnalyseAsync($$"""
            using SafeShare;
            [RetainUntil(nameof(A), Years = "x", Months = 1.5)]
            public class C { {{member}} }
            """);

    private static async Task<ImmutableArray<Diagnostic>> AnalyseAsync(string source)
    {
        var analyzers = typeof(SpecialCategoryAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
            .ToImmutableArray();
        Assert.True(analyzers.Length >= 5);
        var compilation = TestCompilation.Create(source);
        var exceptions = new System.Collections.Concurrent.ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (ex, analyzer, diagnostic) => exceptions.Add($"{analyzer.GetType().Name}: {ex.GetType().Name}: {ex.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();
        Assert.True(exceptions.IsEmpty, $"Analyzer threw on:\n{source}\n{string.Join("\n", exceptions)}");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
