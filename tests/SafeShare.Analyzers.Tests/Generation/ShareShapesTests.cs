using System.Linq;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>Declarations in the shapes real code takes still generate code that compiles.</summary>
public class ShareShapesTests
{
    [Theory]
    [InlineData("""
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
    [InlineData("""
        public struct Payload { [PersonalData] public string Name; }
        public partial record struct Holder(IDecisionLog Log)
        {
            [Share("Youth offending team", "Assessment of a child's needs")]
            public partial DecisionRecord Send(Payload payload, DecisionDetails details);
        }
        """)]
    [InlineData("""
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
    public void Generated_code_compiles(string declarations)
    {
        var (_, output, diagnostics) = GeneratorHost.Run("using SafeShare;\n" + declarations);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith(".Share.g.cs", System.StringComparison.Ordinal));
    }
}
