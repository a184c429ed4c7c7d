using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeShare.Analyzers.Generation;
using SafeShare.Analyzers.Tests.Conventions;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>The generator is incremental and cacheable, its models hold no Roslyn objects, and its output is pinned.</summary>
public class GeneratorPipelineTests
{
    private static readonly string[] Steps =
    {
        SafeShareGeneratorSteps.Shares, SafeShareGeneratorSteps.Retention, SafeShareGeneratorSteps.DescribedTypes, SafeShareGeneratorSteps.InventoryTypes,
        SafeShareGeneratorSteps.InventoryShares, SafeShareGeneratorSteps.AssemblyName, SafeShareGeneratorSteps.Inventory,
    };

    private const string Retention = """
        using System;
        using SafeShare;
        namespace CaseManagement.Domain
        {
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
            [RetainUntil(nameof(DateOfBirth), Years = 25, ReviewEveryYears = 5)]
            public partial record Child([property: PersonalData(Subject = DataSubject.Child)] string Name, DateOnly DateOfBirth);

            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
            [RetainUntil(nameof(ClosedOn), Years = 6, Months = 6)]
            public partial class CaseClosure
            {
                [PersonalData] public string? Summary { get; set; }
                public DateTimeOffset? ClosedOn { get; set; }
            }
        }
        """;

    private const string Unrelated = """
        namespace CaseManagement.Reporting
        {
            public static class Totals { public static int Count(int[] values) => values.Length; }
        }
        """;

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = SafeShare.Testing.TestCompilation.Create(ShareGeneratorTests.PoliceReferral, Retention, Unrelated);
        var driver = GeneratorHost.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText(Unrelated.Replace("values.Length", "values.Length + 0"), SafeShare.Testing.TestCompilation.ParseOptions, path: compilation.SyntaxTrees.Last().FilePath));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        foreach (var step in Steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} ran again: {reason}");
                }
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output re-emitted: {output.Reason}"));
    }

    [Fact]
    public void The_generator_keeps_nothing_between_runs()
    {
        // No instance state at all, and only constant static state: what one run read cannot reach the next.
        Assert.Empty(typeof(SafeShareGenerator).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic));
        Assert.All(typeof(SafeShareGenerator).GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic),
            field => Assert.True(field.IsInitOnly || field.IsLiteral, $"{field.Name} is writable"));

        // One instance over two unrelated compilations writes what a fresh instance writes for the second.
        var generator = new SafeShareGenerator();
        GeneratorDriver shared = CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: SafeShare.Testing.TestCompilation.ParseOptions);
        shared = shared.RunGenerators(SafeShare.Testing.TestCompilation.Create(ShareGeneratorTests.PoliceReferral, Retention));
        var second = SafeShare.Testing.TestCompilation.Create(Retention, Unrelated);
        var reused = CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: SafeShare.Testing.TestCompilation.ParseOptions).RunGenerators(second);
        var fresh = GeneratorHost.CreateDriver().RunGenerators(second);
        Assert.Equal(
            fresh.GetRunResult().GeneratedTrees.Select(t => t.ToString()),
            reused.GetRunResult().GeneratedTrees.Select(t => t.ToString()));
        Assert.DoesNotContain(reused.GetRunResult().GeneratedTrees, t => t.ToString().Contains("ReferToPolice"));
    }

    [Fact]
    public void Relevant_edit_reruns_the_share_step()
    {
        var compilation = SafeShare.Testing.TestCompilation.Create(ShareGeneratorTests.PoliceReferral, Retention, Unrelated);
        var driver = GeneratorHost.CreateDriver().RunGenerators(compilation);
        var first = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(first, CSharpSyntaxTree.ParseText(
            ShareGeneratorTests.PoliceReferral.Replace("Strategy discussion under", "Joint investigation under"), SafeShare.Testing.TestCompilation.ParseOptions, path: first.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[SafeShareGeneratorSteps.Shares].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Joint investigation under", result.GeneratedSources.Single(s => s.HintName.Contains("ReferToPolice")).SourceText.ToString());
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_or_compilations()
    {
        var compilation = SafeShare.Testing.TestCompilation.Create(ShareGeneratorTests.PoliceReferral, Retention, Unrelated);
        var result = GeneratorHost.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        var visited = 0;
        foreach (var step in Steps)
        {
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (value, _) in run.Outputs)
                {
                    visited += Walk(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }

        Assert.True(visited > 50, $"only {visited} values walked: the walk is not reaching the models");
    }

    [Fact]
    public void Generated_code_matches_the_approved_snapshots()
    {
        var (driver, output, diagnostics) = GeneratorHost.Run(ShareGeneratorTests.PoliceReferral, Retention);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(4, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        ApprovedSnapshots.Check("PoliceReferralAndRetention", driver);
    }

    [Fact]
    public void Inventory_is_readable_from_metadata_without_running_the_assembly()
    {
        var (_, output, _) = GeneratorHost.Run(ShareGeneratorTests.PoliceReferral, Retention);
        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        string? json = null;
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            var ctor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            var type = metadata.GetTypeReference((TypeReferenceHandle)ctor.Parent);
            if (metadata.GetString(type.Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            if (blob.ReadSerializedString() == "SafeShare.DataInventory")
            {
                json = blob.ReadSerializedString();
            }
        }

        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json!);
        var root = document.RootElement;
        Assert.Equal("safeshare-inventory/1", root.GetProperty("schema").GetString());
        var types = root.GetProperty("types").EnumerateArray().ToList();
        Assert.Equal(new[] { "CaseManagement.Domain.CaseClosure", "CaseManagement.Domain.Child", "CaseManagement.Sharing.ReferralSummary" }, types.Select(t => t.GetProperty("type").GetString()));
        var child = types[1];
        Assert.Equal("PublicTask", child.GetProperty("lawfulBasis").GetString());
        Assert.Equal("Children Act 1989 s17", child.GetProperty("gateway").GetString());
        Assert.Equal("25 years after DateOfBirth, reviewed every 5 years", child.GetProperty("retention").GetString());
        Assert.Equal("Name", child.GetProperty("members")[0].GetProperty("name").GetString());
        Assert.Equal("Child", child.GetProperty("members")[0].GetProperty("subject").GetString());
        var health = types[2].GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "HealthNeeds");
        Assert.Equal("SpecialCategory", health.GetProperty("kind").GetString());
        Assert.Equal("Health", health.GetProperty("categories")[0].GetString());
        Assert.Equal("HealthOrSocialCare", health.GetProperty("article9Condition").GetString());
        Assert.Equal(2, health.GetProperty("schedule1Paragraph").GetInt32());
        var share = root.GetProperty("shares").EnumerateArray().Single();
        Assert.Equal("PoliceReferrals.ReferToPolice", share.GetProperty("name").GetString());
        Assert.Equal("SafeguardingOfChildrenAndIndividualsAtRisk", share.GetProperty("schedule1").GetString());
        Assert.Equal(18, share.GetProperty("schedule1Paragraph").GetInt32());
        Assert.Equal(3, share.GetProperty("fields").GetArrayLength());
    }

    [Fact]
    public void Retention_helpers_compute_the_deadline()
    {
        var (_, output, _) = GeneratorHost.Run(Retention);
        var assembly = GeneratorHost.CompileAndLoad(output);
        var child = Activator.CreateInstance(assembly.GetType("CaseManagement.Domain.Child")!, "Leo", new DateOnly(2010, 3, 1))!;
        Assert.Equal(new DateOnly(2035, 3, 1), child.GetType().GetProperty("RetainUntilDate")!.GetValue(child));
        var due = child.GetType().GetMethod("IsRetentionDue")!;
        Assert.False((bool)due.Invoke(child, new object[] { new DateOnly(2035, 2, 28) })!);
        Assert.True((bool)due.Invoke(child, new object[] { new DateOnly(2035, 3, 1) })!);

        var closure = Activator.CreateInstance(assembly.GetType("CaseManagement.Domain.CaseClosure")!)!;
        var closedOn = closure.GetType().GetProperty("ClosedOn")!;
        var until = closure.GetType().GetProperty("RetainUntilDate")!;
        Assert.Null(until.GetValue(closure));
        Assert.False((bool)closure.GetType().GetMethod("IsRetentionDue")!.Invoke(closure, new object[] { DateTimeOffset.MaxValue })!);
        closedOn.SetValue(closure, new DateTimeOffset(2020, 1, 31, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 7, 31, 0, 0, 0, TimeSpan.Zero), until.GetValue(closure));
    }

    private static readonly Type[] Forbidden = { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(SyntaxTree) };

    private static int Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return 1;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.Name}");
        Assert.False(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>), $"{path} holds an ImmutableArray (reference equality)");
        Assert.False(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>), $"{path} holds a List (reference equality)");
        var count = 1;
        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                count += Walk(item, $"{path}[{i++}]", seen);
            }
        }

        if (value.GetType().Namespace?.StartsWith("SafeShare", StringComparison.Ordinal) == true || type.IsGenericType && type.Name.StartsWith("ValueTuple", StringComparison.Ordinal))
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                count += Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
            }
        }

        return count;
    }
}
