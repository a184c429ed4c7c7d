using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using SafeShare.Testing;

namespace SafeShare.Cli.Tests;

/// <summary>
/// <c>safeshare report</c> for a system of projects: a domain library and an app that references it, each built with
/// SafeShare's generator, make one record of processing.
/// </summary>
public sealed class SystemReportTests : IDisposable
{
    private const string Domain = """
        using SafeShare;
        [assembly: AppropriatePolicyDocument("Children's Services APD")]
        namespace Council.Domain
        {
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
            public class Person
            {
                [PersonalData(Subject = DataSubject.Child)] public string Name { get; init; } = "";
                [SpecialCategory(SpecialCategory.Health)]
                [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
                public string? HealthNeeds { get; init; }
            }
        }
        """;

    private const string App = """
        using SafeShare;
        using Council.Domain;
        namespace Council.App
        {
            // Its personal members are all inherited from the library's type: the app's own inventory cannot list it.
            public sealed class LookedAfterChild : Person { public int Placements { get; init; } }

            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
            public partial class PoliceReferrals(IDecisionLog log)
            {
                private IDecisionLog Log { get; } = log;

                [Share("Police", "Strategy discussion under Children Act 1989 s47")]
                public partial DecisionRecord Refer(Person payload, DecisionDetails details);
            }
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "safeshare-system-report-" + Guid.NewGuid().ToString("N"));

    public SystemReportTests()
    {
        Directory.CreateDirectory(_folder);
        var domain = Build(Domain, "Council.Domain", TestCompilation.References);
        Build(App, "Council.App", TestCompilation.References.Add(MetadataReference.CreateFromFile(domain)));
        // Not part of the system's record: an assembly with no inventory in the same folder, as the framework's are.
        File.Copy(typeof(Microsoft.CodeAnalysis.Compilation).Assembly.Location, Path.Combine(_folder, "Microsoft.CodeAnalysis.dll"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Build(string source, string name, System.Collections.Immutable.ImmutableArray<MetadataReference> references)
    {
        var (output, _) = CompilerRun.Generate(TestCompilation.Create(new[] { source }, references, name));
        var path = Path.Combine(_folder, name + ".dll");
        var emitted = output.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }

    [Fact]
    public void Several_assemblies_make_one_record_with_each_type_once_and_inherited_types_listed()
    {
        var result = Tool.InProcess("report", Path.Combine(_folder, "Council.Domain.dll"), Path.Combine(_folder, "Council.App.dll"), "--date", "2026-12-07");
        Assert.True(result.ExitCode == 0, result.ToString());
        var md = result.Output;
        Assert.Contains("compiled into the system's assemblies, Council.Domain 0.0.0.0, Council.App 0.0.0.0", md);
        Assert.Contains("| Person (Council.Domain) | Name |", md);
        Assert.Contains("| LookedAfterChild (Council.App; personal data inherited from Council.Domain.Person) | HealthNeeds |", md);
        Assert.Single(md.Split('\n'), l => l.StartsWith("| Person (Council.Domain) | 25", StringComparison.Ordinal) || l.StartsWith("| Person (Council.Domain) | NONE", StringComparison.Ordinal));
        Assert.Contains("Council.App → Police", md);
        Assert.Contains("Appropriate policy document: Children's Services APD", md);
        Assert.Single(md.Split("# Information Sharing Protocol (draft): ").Skip(1));
    }

    [Fact]
    public void A_folder_reads_every_assembly_with_an_inventory_and_the_json_lists_them()
    {
        var result = Tool.InProcess("report", _folder, "--format", "json", "--date", "2026-12-07");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(new[] { "Council.App 0.0.0.0", "Council.Domain 0.0.0.0" }, root.GetProperty("assemblies").EnumerateArray().Select(a => a.GetString()));
        var records = root.GetProperty("recordOfProcessing").GetProperty("personalData").EnumerateArray().Select(r => r.GetProperty("record").GetString()).Distinct().ToArray();
        Assert.Equal(2, records.Length);
        Assert.Contains("Person (Council.Domain)", records);
    }

    [Fact]
    public void A_folder_with_no_inventory_is_one_clear_error()
    {
        var empty = Path.Combine(_folder, "empty");
        Directory.CreateDirectory(empty);
        var result = Tool.InProcess("report", empty);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds no assembly with a SafeShare data inventory", result.Error);
    }
}
