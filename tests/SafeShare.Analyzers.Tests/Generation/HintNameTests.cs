using System.Linq;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>
/// The compiler throws on a second generated file with a hint name already used (ignoring case), and the IDE
/// then drops the generator's output. Found by the mutation fuzzer (tests/SafeShare.Fuzzing.Tests): a
/// duplicated [Share] method, [RetainUntil] on two parts of one partial type.
/// </summary>
public class HintNameTests
{
    private const string Payload = """
        using System;
        using SafeShare;
        namespace N;
        public sealed class Summary { [PersonalData] public string Name { get; init; } = ""; }
        public sealed class Other { [PersonalData] public string Name { get; init; } = ""; }
        """;

    [Fact]
    public void A_share_method_declared_twice_is_implemented_once()
    {
        var (driver, _, _) = GeneratorHost.Run(Payload, """
            using SafeShare;
            namespace N;
            public partial class Referrals
            {
                private readonly IDecisionLog _log = null!;
                [Share("Police", "s47")] [LawfulBasis(LawfulBasis.PublicTask)]
                public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
                [Share("Police", "s47")] [LawfulBasis(LawfulBasis.PublicTask)]
                public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
            }
            """);
        AssertNoGeneratorException(driver);
        Assert.Single(driver.GetRunResult().Results[0].GeneratedSources, s => s.HintName.Contains(".Refer.Share"));
    }

    [Fact]
    public void Overloaded_shares_and_types_differing_only_in_case_each_get_their_own_file()
    {
        var (driver, _, _) = GeneratorHost.Run(Payload, """
            using SafeShare;
            namespace N;
            public partial class Referrals
            {
                private readonly IDecisionLog _log = null!;
                [Share("Police", "s47")] [LawfulBasis(LawfulBasis.PublicTask)]
                public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
                [Share("School", "s17")] [LawfulBasis(LawfulBasis.PublicTask)]
                public partial DecisionRecord Refer(Other payload, DecisionDetails details);
            }
            public partial class referrals
            {
                private readonly IDecisionLog _log = null!;
                [Share("Health", "s11")] [LawfulBasis(LawfulBasis.PublicTask)]
                public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
            }
            """);
        AssertNoGeneratorException(driver);
        var names = driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.HintName).Where(n => n.Contains(".Share")).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "N.Referrals.Refer.Share.2.g.cs", "N.Referrals.Refer.Share.g.cs", "N.referrals.Refer.Share.3.g.cs" }, names);
        // The overloads' companions (ReferNotShared, ReferDisclosed, ReferSharedFields) still clash in the
        // generated code: a compile error the user sees, not an exception that drops the generator.
    }

    [Fact]
    public void Retention_on_two_parts_of_one_type_is_generated_once_and_a_nested_type_does_not_collide_with_a_namespace()
    {
        var (driver, _, _) = GeneratorHost.Run("""
            using System;
            using SafeShare;
            namespace N
            {
                [RetainUntil(nameof(D), Years = 1)] public partial class C { public DateTime D { get; set; } [PersonalData] public string? Name { get; set; } }
                [RetainUntil(nameof(D), Years = 2)] public partial class C { public partial class E { } }
                public partial class C { [RetainUntil(nameof(D), Years = 3)] public partial class E { public DateTime D { get; set; } } }
            }
            namespace N.C
            {
                [RetainUntil(nameof(D), Years = 4)] public partial class E { public DateTime D { get; set; } }
            }
            """);
        AssertNoGeneratorException(driver);
        var names = driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.HintName).Where(n => n.Contains(".Retention")).ToArray();
        Assert.Equal(3, names.Length);
        Assert.Equal(names.Length, names.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
    }

    private static void AssertNoGeneratorException(GeneratorDriver driver)
    {
        var result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.True(r.Exception is null, r.Exception?.ToString()));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8784" or "CS8785");
    }
}
