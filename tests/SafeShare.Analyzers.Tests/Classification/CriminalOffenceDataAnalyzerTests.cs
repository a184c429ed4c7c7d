using System.Threading.Tasks;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Classification.CriminalOffenceDataAnalyzer>;

namespace SafeShare.Analyzers.Tests.Classification;

public class CriminalOffenceDataAnalyzerTests
{
    [Fact]
    public Task Flags_criminal_offence_data_without_authority_or_condition() => Verify.VerifyAsync("""
        using SafeShare;
        public class PoliceDisclosure
        {
            [CriminalOffenceData] public string? {|SAFE005:PreviousConvictions|} { get; set; }

            // An Article 9 condition with no Schedule 1 paragraph is no Art. 10 authority.
            [CriminalOffenceData, Article9Condition(Article9Condition.ExplicitConsent)]
            public string? {|SAFE005:Cautions|} { get; set; }
        }

        [CriminalOffenceData]
        public class {|SAFE005:MappaReferral|} { }

        public record DvdsRequest([CriminalOffenceData] string {|SAFE005:PartnerHistory|});
        """);

    [Fact]
    public Task Authority_or_Schedule1_condition_satisfies_the_rule() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: AppropriatePolicyDocument("IG-POL-14")]

        public class PoliceDisclosure
        {
            [CriminalOffenceData(OfficialAuthority = "Police Act 1996 s30")] public string? A { get; set; }
            [CriminalOffenceData(Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)] public string? B { get; set; }
            [CriminalOffenceData(Schedule1 = Schedule1Condition.JudicialActs)] public string? C { get; set; }
            public string? NotCriminal { get; set; }
        }

        [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.PreventingOrDetectingUnlawfulActs)]
        public class Mappa
        {
            [CriminalOffenceData] public string? RiskHistory { get; set; }
        }
        """);

    [Fact]
    public Task A_Schedule1_value_outside_Parts_1_to_3_is_no_condition() => Verify.VerifyAsync("""
        using SafeShare;
        public class PoliceCheck
        {
            // DPA 2018 s10(5): a condition in Part 1, 2 or 3; para 5 is the Part 2 policy-document rule, not a condition.
            [CriminalOffenceData(Schedule1 = (Schedule1Condition)5)] public string? {|SAFE005:Convictions|} { get; set; }

            [CriminalOffenceData(Schedule1 = Schedule1Condition.Consent)] public string? DeclaredConvictions { get; set; }
        }
        """);
}
