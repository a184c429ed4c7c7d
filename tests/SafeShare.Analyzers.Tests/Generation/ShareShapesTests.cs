using System.Linq;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>Declarations in the shapes real code takes generate code that compiles, pinned per shape.</summary>
public class ShareShapesTests
{
    [Theory]
    [InlineData("NestedGenericType", """
        namespace Cases.Sharing;
        public sealed record Payload([property: PersonalData] string Name, [property: SpecialCategory(SpecialCategory.Health)] string? Health);
        public static partial class Outer
        {
            public partial class Inner<T> where T : class
            {
                private readonly IDecisionLog _log = new InMemoryDecisionLog();
                [Share("GP practice", "Health assessment for a looked-after child")]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s22")]
                [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
                internal partial DecisionRecord Send(Payload payload, DecisionDetails details);
            }
        }
        """)]
    [InlineData("RecordStructWithPrimaryConstructorLog", """
        public struct Payload { [PersonalData] public string Name; }
        public partial record struct Holder(IDecisionLog Log)
        {
            [Share("Youth offending team", "Assessment of a child's needs")]
            public partial DecisionRecord Send(Payload payload, DecisionDetails details);
        }
        """)]
    [InlineData("InheritedLogAndWholeTypePayload", """
        namespace A.B.C
        {
            [PersonalData] public sealed class Whole { }
            public abstract partial class Base { protected IDecisionLog Log { get; } = new InMemoryDecisionLog(); }
            public sealed partial class Derived : Base
            {
                [Share("Housing", "Homelessness duty referral", Fields = new[] { "Missing" })]
                private partial DecisionRecord Refer(Whole payload, DecisionDetails details);
                public DecisionRecord Call(Whole w, DecisionDetails d) => Refer(w, d);
            }
        }
        """)]
    public void Generated_code_compiles_and_matches_its_snapshot(string scenario, string declarations)
    {
        var (driver, output, diagnostics) = GeneratorHost.Run("using SafeShare;\n" + declarations);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith(".Share.g.cs", System.StringComparison.Ordinal));
        ApprovedSnapshots.Check(scenario, driver);
    }

    /// <summary>A share the generator refuses still gets a body (one that throws), so its error stands alone.</summary>
    [Fact]
    public void A_refused_share_gets_a_throwing_stub_that_matches_its_snapshot()
    {
        const string noLog = """
            using SafeShare;
            namespace Cases.Sharing;
            public sealed class Payload { [PersonalData] public string? Name { get; init; } }
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            public static partial class Referrals
            {
                [Share("Police", "Strategy discussion under Children Act 1989 s47")]
                public static partial DecisionRecord Refer(Payload payload, DecisionDetails details);
            }
            """;
        var (driver, output, diagnostics) = GeneratorHost.Run(noLog);
        Assert.Equal(new[] { "SAFE903" }, diagnostics.Select(d => d.Id));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        ApprovedSnapshots.Check("RefusedShareStub", driver);
    }
}
