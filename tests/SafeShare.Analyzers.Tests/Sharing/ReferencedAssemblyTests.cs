using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Sharing;

/// <summary>
/// A system of two projects: a domain library built with SafeShare, and an app that references it. The app's rules
/// and generated records read the library's annotations from its metadata, base types included.
/// </summary>
public class ReferencedAssemblyTests
{
    private const string Domain = """
        using SafeShare;
        namespace Council.Domain
        {
            public abstract class Person
            {
                [PersonalData(Subject = DataSubject.Child)] public string Name { get; init; } = "";
                [SpecialCategory(SpecialCategory.Health)] public string? HealthNeeds { get; init; }
            }

            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            public sealed class ChildRecord : Person { public int CaseNumber { get; init; } }

            public sealed class Statistics { public int Referrals { get; init; } }
        }
        """;

    private static MetadataReference DomainLibrary()
    {
        var (output, _) = CompilerRun.Generate(TestCompilation.Create(new[] { Domain }, TestCompilation.References, "Council.Domain"));
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static async Task<(Compilation Output, Diagnostic[] Diagnostics)> BuildAppAsync(string app)
    {
        var compilation = TestCompilation.Create(new[] { app }, TestCompilation.References.Add(DomainLibrary()), "Council.App");
        var (output, diagnostics, exceptions) = await CompilerRun.BuildAsync(compilation, CompilerRun.AllAnalyzers());
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SAFE", System.StringComparison.Ordinal));
        return (output, diagnostics.Where(d => d.Id.StartsWith("SAFE", System.StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public async Task Sends_of_the_librarys_records_are_reported_and_its_statistics_are_not()
    {
        var (_, diagnostics) = await BuildAppAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using Council.Domain;
            public class Uploads
            {
                public Task Child(HttpClient http, ChildRecord child) => http.PostAsJsonAsync("https://vendor.example/children", child);
                public Task Stats(HttpClient http, Statistics stats) => http.PostAsJsonAsync("https://vendor.example/stats", stats);
            }
            """);
        var sends = diagnostics.Where(d => d.Id == "SAFE104").ToList();
        Assert.Single(sends);
        Assert.Contains("ChildRecord", sends[0].GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_rules_and_the_record_read_a_payload_from_the_library_with_its_inherited_members()
    {
        var (output, diagnostics) = await BuildAppAsync("""
            using SafeShare;
            using Council.Domain;
            namespace Council.App;
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            public partial class PoliceReferrals(IDecisionLog log)
            {
                private IDecisionLog Log { get; } = log;

                [Share("Police", "Strategy discussion under Children Act 1989 s47")]
                public partial DecisionRecord Refer(ChildRecord payload, DecisionDetails details);
            }
            """);
        // The health need the payload inherits from the library's base type needs an Article 9 condition for the share.
        Assert.Equal(new[] { "SAFE103" }, diagnostics.Select(d => d.Id).Distinct());
        Assert.Contains("HealthNeeds", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);

        // The record names the inherited fields, read from metadata.
        var share = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Refer.Share.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.Contains("new global::SafeShare.SharedField(\"Name\", global::SafeShare.DataKind.Personal)", share, System.StringComparison.Ordinal);
        Assert.Contains("new global::SafeShare.SharedField(\"HealthNeeds\", global::SafeShare.DataKind.SpecialCategory", share, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unrelated_send_after_a_share_of_a_library_record_is_reported()
    {
        var (_, diagnostics) = await BuildAppAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using SafeShare;
            using Council.Domain;
            namespace Council.App;
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
            public partial class Referrals(IDecisionLog log)
            {
                private IDecisionLog Log { get; } = log;

                [Share("Police", "Strategy discussion under Children Act 1989 s47")]
                public partial DecisionRecord Refer(ChildRecord payload, DecisionDetails details);

                public async Task Send(HttpClient http, ChildRecord referral, ChildRecord sibling, DecisionDetails details)
                {
                    Refer(referral, details);
                    await http.PostAsJsonAsync("https://police.example/referrals", referral);
                    await http.PostAsJsonAsync("https://analytics.vendor.example/api/children", sibling);
                }
            }
            """);
        var sends = diagnostics.Where(d => d.Id == "SAFE104").ToList();
        Assert.Single(sends);
        Assert.Equal("sibling", sends[0].Location.SourceTree!.GetText().ToString(sends[0].Location.SourceSpan));
    }
}
