using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Sharing;

/// <summary>
/// Shares declared as users write them (a partial method the generator implements), every SafeShare analyzer over the
/// compilation the generator produced, as csc runs them: each rule reports once, on the declaration, and nothing else.
/// </summary>
public class DeclaredSharesInBuildTests
{
    private const string Source = """
        using System;
        using SafeShare;

        [PersonalData(Subject = DataSubject.Child)]
        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        [RetainUntil(nameof(DateOfBirth), Years = 25)]
        public sealed class ChildRecord
        {
            public string CaseNumber { get; set; } = "";
            public DateOnly DateOfBirth { get; set; }
        }

        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        [RetainUntil(nameof(WrittenOn), Years = 6)]
        public sealed class HealthNote
        {
            [PersonalData(Subject = DataSubject.Child)] public string ChildName { get; set; } = "";
            [SpecialCategory(SpecialCategory.Health)] public string? Needs { get; set; }
            public DateOnly WrittenOn { get; set; }
        }

        public sealed partial class FaultyShares(IDecisionLog log)
        {
            private readonly IDecisionLog _log = log;

            [Share("Early Help hub", "")]
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
            public partial DecisionRecord NoPurpose(HousingNote payload, DecisionDetails details);

            [Share("School", "Tell the school")]
            public partial DecisionRecord NoBasis(ChildRecord payload, DecisionDetails details);

            [Share("GP", "Health assessment", Fields = new[] { nameof(HealthNote.ChildName), nameof(HealthNote.Needs) })]
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
            public partial DecisionRecord NoCondition(HealthNote payload, DecisionDetails details);

            [Share("Police", "Child protection strategy discussion", Fields = new[] { nameof(HousingNote.TenantName) })]
            [LawfulBasis(LawfulBasis.Consent)]
            public partial DecisionRecord OnConsent(HousingNote payload, DecisionDetails details);
        }

        // Declared after the shares that send it.
        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Housing Act 1996 s213")]
        public sealed class HousingNote
        {
            [PersonalData(Subject = DataSubject.ParentOrCarer)]
            public string TenantName { get; set; } = "";
        }
        """;

    [Fact]
    public async Task Each_rule_reports_once_on_the_declaration_the_user_wrote()
    {
        var (output, all, exceptions) = await CompilerRun.BuildAsync(TestCompilation.Create(Source), CompilerRun.AllAnalyzers());
        Assert.Empty(exceptions);
        AnalyzerVerifier<SafeShare.Analyzers.Sharing.SharePurposeAnalyzer>.CheckCompilerErrors(all, Array.Empty<string>());

        // The generated implementations are there: the rules must see past them.
        Assert.Equal(4, output.SyntaxTrees.Count(t => t.FilePath.EndsWith(".Share.g.cs", StringComparison.Ordinal)));
        var actual = all
            .Where(d => d.Id.StartsWith("SAFE", StringComparison.Ordinal))
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().Path}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            new[]
            {
                "SAFE001 /0/Test0.cs:18",          // a classification rule, on the payload type's own member
                "SAFE004 /0/Test0.cs:44",          // HousingNote has no retention rule (its own type)
                "SAFE101 /0/Test0.cs:26",          // empty purpose
                "SAFE102 /0/Test0.cs:31",          // no lawful basis
                "SAFE103 /0/Test0.cs:35",          // health data, no Article 9 condition for the share
                "SAFE106 /0/Test0.cs:31",          // the whole stored record
                "SAFE107 /0/Test0.cs:39",          // consent as the basis of a child protection share
            },
            actual);
    }
}
