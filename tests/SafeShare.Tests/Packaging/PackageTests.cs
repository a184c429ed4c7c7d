using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace SafeShare.Tests.Packaging;

/// <summary>
/// The SafeShare package as a consumer gets it: its layout, the analyzers running in a plain
/// <c>dotnet build</c>, and the strict preset switched on by <c>SafeShareStrict</c>.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageFixture>
{
    // A health field on a type with a lawful basis (and a retention rule) but no Article 9 condition.
    private const string NonCompliantSource = """
        using System;
        using SafeShare;

        namespace Consumer;

        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        [RetainUntil(nameof(DateOfBirth), Years = 25)]
        public class HealthAssessment
        {
            [PersonalData(Subject = DataSubject.Child)]
            public string Name { get; set; } = "";

            public DateTime DateOfBirth { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            public string? HealthNeeds { get; set; }
        }
        """;

    // The same record, fully annotated: Art. 9(2)(g) with DPA 2018 Sch. 1 para 18 and the policy document it needs.
    private const string CompliantSource = """
        using System;
        using SafeShare;

        [assembly: AppropriatePolicyDocument("IG-POL-007 Safeguarding appropriate policy document")]

        namespace Consumer;

        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        [Article9Condition(Article9Condition.SubstantialPublicInterest,
            Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
        [RetainUntil(nameof(DateOfBirth), Years = 25)]
        public class HealthAssessment
        {
            [PersonalData(Subject = DataSubject.Child)]
            public string Name { get; set; } = "";

            public DateTime DateOfBirth { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            public string? HealthNeeds { get; set; }
        }
        """;

    private readonly PackageFixture package;

    public PackageTests(PackageFixture package) => this.package = package;

    [Fact]
    public void Package_has_runtime_analyzers_and_build_files_and_no_roslyn_dependency()
    {
        package.AssertPacked();
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var listing = string.Join(Environment.NewLine, entries.OrderBy(e => e, StringComparer.Ordinal));

        foreach (var expected in new[]
                 {
                     "lib/netstandard2.0/SafeShare.dll",
                     "lib/net10.0/SafeShare.dll",
                     "analyzers/dotnet/cs/SafeShare.Analyzers.dll",
                     "analyzers/dotnet/cs/SafeShare.CodeFixes.dll",
                     "buildTransitive/SafeShare.props",
                     "buildTransitive/SafeShare.targets",
                     "buildTransitive/SafeShare.Strict.globalconfig",
                     "build/SafeShare.props",
                     "build/SafeShare.targets",
                 })
        {
            Assert.True(entries.Contains(expected), $"{expected} missing from the package. It holds:{Environment.NewLine}{listing}");
        }

        // Analyzers belong in analyzers/ only: a Roslyn assembly in lib/ would be referenced by the consumer.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Analyzers", StringComparison.Ordinal));

        var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        string nuspec;
        using (var reader = new StreamReader(nuspecEntry.Open()))
        {
            nuspec = reader.ReadToEnd();
        }
        var dependencies = XDocument.Parse(nuspec).Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string?)e.Attribute("id") ?? "")
            .ToArray();
        Assert.True(
            dependencies.All(id => !id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
                                   && !id.StartsWith("SafeShare.", StringComparison.OrdinalIgnoreCase)),
            "The package must not depend on Roslyn or on the analyzer projects:" + Environment.NewLine + nuspec);
    }

    [Fact]
    public void Strict_globalconfig_raises_every_classification_rule_to_error()
    {
        package.AssertPacked();
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var reader = new StreamReader(archive.GetEntry("buildTransitive/SafeShare.Strict.globalconfig")!.Open());
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.Trim()).ToArray();

        Assert.Contains("is_global = true", lines);
        Assert.Contains(lines, l => l.StartsWith("global_level", StringComparison.Ordinal));
        for (var rule = 1; rule <= 7; rule++)
        {
            Assert.Contains($"dotnet_diagnostic.SAFE{rule:000}.severity = error", lines);
        }
    }

    [Fact]
    public void Strict_globalconfig_raises_every_sharing_rule_to_error()
    {
        package.AssertPacked();
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var reader = new StreamReader(archive.GetEntry("buildTransitive/SafeShare.Strict.globalconfig")!.Open());
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.Trim()).ToArray();

        foreach (var id in new[] { "SAFE101", "SAFE102", "SAFE103", "SAFE104", "SAFE105", "SAFE106", "SAFE107", "SAFE206" })
        {
            Assert.Contains($"dotnet_diagnostic.{id}.severity = error", lines);
        }
    }

    [Fact]
    public void Special_category_without_Article9_condition_warns_SAFE001_and_builds()
    {
        var build = package.Build("NonCompliant", NonCompliantSource);

        Assert.True(build.Succeeded, "The build should succeed with warnings only:" + Environment.NewLine + build.Describe());
        Assert.True(build.Output.Contains("warning SAFE001", StringComparison.Ordinal),
            "Expected 'warning SAFE001' in the build output:" + Environment.NewLine + build.Describe());
        Assert.False(build.Output.Contains("error SAFE001", StringComparison.Ordinal),
            "SAFE001 is a warning unless the strict preset is on:" + Environment.NewLine + build.Describe());
    }

    [Fact]
    public void Compliant_model_gives_no_SAFE001()
    {
        var build = package.Build("Compliant", CompliantSource);

        Assert.True(build.Succeeded, "The compliant project should build:" + Environment.NewLine + build.Describe());
        Assert.False(build.Output.Contains("SAFE001", StringComparison.Ordinal),
            "A compliant model must not report SAFE001:" + Environment.NewLine + build.Describe());
    }

    [Fact]
    public void Strict_preset_turns_SAFE001_into_a_build_error()
    {
        var build = package.Build("NonCompliantStrict", NonCompliantSource, strict: true);

        Assert.False(build.TimedOut, build.Describe());
        Assert.True(build.Output.Contains("error SAFE001", StringComparison.Ordinal),
            "Expected 'error SAFE001' with <SafeShareStrict>true</SafeShareStrict>:" + Environment.NewLine + build.Describe());
        Assert.True(build.ExitCode != 0, "The strict build should fail:" + Environment.NewLine + build.Describe());
    }

    // A share declared as a user would: the generator in the package implements it, the program runs it.
    private const string DeclaredShareProgram = """
        using System;
        using System.Linq;
        using SafeShare;

        [assembly: AppropriatePolicyDocument("IG-POL-007 Safeguarding appropriate policy document")]

        var log = new InMemoryDecisionLog();
        var referrals = new Consumer.PoliceReferrals(log);
        var decision = referrals.Refer(
            new Consumer.ReferralSummary { ChildName = "A", HealthNeeds = "B" },
            new DecisionDetails("A. Patel, Team Manager", "CASE-42", Consent.NotSought("Would increase the risk to the child")) { Risk = RiskLevel.High, Reasons = "Injury disclosed at school", Paragraph18Reason = Paragraph18Reason.ConsentWouldPrejudiceProtection });
        referrals.ReferDisclosed(decision, "Secure email", true, DisclosureOutcome.Delivered);
        referrals.ReferNotShared("CASE-43", "A. Patel, Team Manager", "Threshold not met");
        foreach (var d in log.Decisions)
        {
            Console.WriteLine($"decision|{d.Outcome}|{d.SubjectReference}|{d.Recipient}|{d.Purpose}|{d.LawfulBasis}|{d.Gateway}|{d.Article9Condition}|{d.Schedule1}|{d.Consent.Status}|{d.Risk}|{string.Join(",", d.Fields.Select(f => f.Name + ":" + f.Kind))}|{d.Reasons}");
        }
        foreach (var x in log.Disclosures)
        {
            Console.WriteLine($"disclosure|{x.DecisionId == decision.Id}|{string.Join(",", x.FieldsSent)}|{x.Channel}|{x.Encrypted}|{x.Outcome}");
        }

        namespace Consumer
        {
            public sealed class ReferralSummary
            {
                [PersonalData(Subject = DataSubject.Child)] public string ChildName { get; init; } = "";
                [SpecialCategory(SpecialCategory.Health)] public string? HealthNeeds { get; init; }
            }

            public sealed partial class PoliceReferrals(IDecisionLog log)
            {
                private readonly IDecisionLog _log = log;

                [Share("Police CAIT", "Strategy discussion (Children Act 1989 s47)")]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
                [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
                public partial DecisionRecord Refer(ReferralSummary payload, DecisionDetails details);
            }
        }
        """;

    [Fact]
    public void Declared_share_compiled_against_the_package_records_its_decisions()
    {
        var build = package.Build("DeclaredShare", DeclaredShareProgram, executable: true);
        Assert.True(build.Succeeded, "The declared share should build:" + Environment.NewLine + build.Describe());
        var run = package.Run("DeclaredShare");
        Assert.True(run.Succeeded, run.Describe());
        var lines = run.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains('|')).ToArray();
        Assert.Equal(
            new[]
            {
                "decision|Shared|CASE-42|Police CAIT|Strategy discussion (Children Act 1989 s47)|PublicTask|Children Act 1989 s47|SubstantialPublicInterest|SafeguardingOfChildrenAndIndividualsAtRisk|NotSought|High|ChildName:Personal,HealthNeeds:SpecialCategory|Injury disclosed at school",
                "decision|NotShared|CASE-43|Police CAIT|Strategy discussion (Children Act 1989 s47)|PublicTask|Children Act 1989 s47|SubstantialPublicInterest|SafeguardingOfChildrenAndIndividualsAtRisk|NotRequired|NotAssessed|ChildName:Personal,HealthNeeds:SpecialCategory|Threshold not met",
                "disclosure|True|ChildName,HealthNeeds|Secure email|True|Delivered",
            },
            lines);
    }

    [Fact]
    public void No_analyzer_crashes_or_load_failures_in_any_build()
    {
        // Build every consumer (each is built once and shared with the tests above).
        package.Build("NonCompliant", NonCompliantSource);
        package.Build("Compliant", CompliantSource);
        package.Build("NonCompliantStrict", NonCompliantSource, strict: true);
        package.Build("DeclaredShare", DeclaredShareProgram, executable: true);

        foreach (var result in package.AllResults())
        {
            // AD0001: an analyzer threw. CS8032/CS8033: the compiler could not load an analyzer from the package.
            // CS8784/CS8785: the generator could not be initialised or threw.
            foreach (var id in new[] { "AD0001", "CS8032", "CS8033", "CS8784", "CS8785" })
            {
                Assert.False(result.Output.Contains(id, StringComparison.Ordinal),
                    $"{id} in the output of a package build:" + Environment.NewLine + result.Describe());
            }
        }
    }
}
