using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SafeShare.Analyzers.Sharing;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Sharing.ShareCriminalOffenceDataAnalyzer>;

namespace SafeShare.Analyzers.Tests.Sharing;

public class ShareCriminalOffenceDataAnalyzerTests
{
    private const string Payloads = """
        using System.Collections.Generic;
        using SafeShare;

        public class RiskSummary
        {
            [PersonalData] public string? AdultName { get; set; }
            [CriminalOffenceData] public string? Convictions { get; set; }
        }

        [CriminalOffenceData]
        public class PoliceNote { public string? Text { get; set; } }

        public class Authorised
        {
            [PersonalData] public string? AdultName { get; set; }
            [CriminalOffenceData(OfficialAuthority = "Police common-law power (Domestic Violence Disclosure Scheme)")] public string? Disclosure { get; set; }
            [CriminalOffenceData(Schedule1 = Schedule1Condition.ExtensionOfSubstantialPublicInterestConditions)] public string? CouncilNote { get; set; }
        }

        [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
        public class CoveredByArticle9 { [CriminalOffenceData] public string? Allegation { get; set; } }
        """;

    [Fact]
    public Task Flags_share_of_criminal_offence_data_with_no_authority() => Verify.VerifyAsync(Payloads + """

        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
        public class Shares
        {
            [Share("Child protection conference", "Risk in the household")]
            public DecisionRecord [|ShareSummary|](RiskSummary payload, DecisionDetails details) => throw null!;

            [Share("Child protection conference", "Risk in the household")]
            public DecisionRecord [|ShareNote|](PoliceNote payload, DecisionDetails details) => throw null!;

            [Share("Child protection conference", "Risk in the household")]
            public DecisionRecord [|ShareAll|](IReadOnlyList<RiskSummary> payload, DecisionDetails details) => throw null!;

            [Share("Police", "Enquiries")]
            public DecisionRecord [|ShareParameter|]([CriminalOffenceData] string payload, DecisionDetails details) => throw null!;

            // A paragraph outside Parts 1 to 3 is no condition (DPA 2018 s10(5)).
            [Share("Police", "Enquiries")]
            public DecisionRecord [|NotAParagraph|]([CriminalOffenceData(Schedule1 = (Schedule1Condition)5)] string payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Authority_condition_Article9_condition_or_unsent_field_is_not_flagged() => Verify.VerifyAsync(Payloads + """

        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
        public class Shares
        {
            [Share("Child protection conference", "Risk in the household")]
            public DecisionRecord Authorised(Authorised payload, DecisionDetails details) => throw null!;

            [Share("Child protection conference", "Risk in the household")]
            public DecisionRecord Covered(CoveredByArticle9 payload, DecisionDetails details) => throw null!;

            [Share("Child protection conference", "Risk in the household", Fields = new[] { nameof(RiskSummary.AdultName) })]
            public DecisionRecord NameOnly(RiskSummary payload, DecisionDetails details) => throw null!;

            [Share("Police", "Enquiries")]
            public DecisionRecord Parameter([CriminalOffenceData(OfficialAuthority = "Police Act 1996 s30")] string payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public async Task Message_names_the_share_and_each_field_without_authority()
    {
        var compilation = TestCompilation.Create(Payloads + """

            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            public class Shares
            {
                [Share("Child protection conference", "Risk in the household")]
                public DecisionRecord ShareSummary(RiskSummary payload, DecisionDetails details) => throw null!;
            }
            """);
        var diagnostic = Assert.Single(await Verify.GetDiagnosticsAsync(compilation, new ShareCriminalOffenceDataAnalyzer()));
        Assert.Equal(
            "The share 'Shares.ShareSummary' sends criminal offence data (RiskSummary.Convictions) with no official authority or Schedule 1 condition; set OfficialAuthority or Schedule1 on [CriminalOffenceData], or a Schedule1 condition on an [Article9Condition] that applies to it",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Payload_type_from_a_referenced_assembly_is_checked()
    {
        // SAFE005 does not run on a referenced assembly's declarations; the share rule still sees them.
        var library = TestCompilation.Create(new[] { Payloads }, TestCompilation.References, "DomainLibrary");
        var reference = library.ToMetadataReference();
        var compilation = TestCompilation.Create(
            new[]
            {
                """
                using SafeShare;
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
                public class Shares
                {
                    [Share("Child protection conference", "Risk in the household")]
                    public DecisionRecord ShareSummary(RiskSummary payload, DecisionDetails details) => throw null!;
                }
                """,
            },
            TestCompilation.References.Add(reference));
        var diagnostics = await Verify.GetDiagnosticsAsync(compilation, new ShareCriminalOffenceDataAnalyzer());
        Assert.Equal("SAFE108", Assert.Single(diagnostics).Id);
    }
}
