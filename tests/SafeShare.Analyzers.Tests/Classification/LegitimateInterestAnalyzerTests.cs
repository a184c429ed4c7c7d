using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using SafeShare.Analyzers.Classification;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Classification.LegitimateInterestAnalyzer>;

namespace SafeShare.Analyzers.Tests.Classification;

public class LegitimateInterestAnalyzerTests
{
    [Fact]
    public Task Recognised_legitimate_interest_without_an_Annex1_condition_is_flagged() => Verify.VerifyAsync("""
        using SafeShare;

        [{|SAFE008:LawfulBasis(LawfulBasis.RecognisedLegitimateInterest)|}]
        public class WelfareConcern { [PersonalData] public string? PupilName { get; set; } }

        public class Referral
        {
            [{|SAFE008:LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Annex1 = Annex1Condition.None)|}]
            [PersonalData] public string? ChildName { get; set; }
        }
        """);

    [Fact]
    public Task Recognised_legitimate_interest_with_an_Annex1_condition_is_not_flagged() => Verify.VerifyAsync("""
        using SafeShare;

        [LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Annex1 = Annex1Condition.SafeguardingVulnerableIndividual)]
        public class WelfareConcern { [PersonalData] public string? PupilName { get; set; } }

        public class Shares
        {
            [Share("Children's Social Care", "Assessment the council asked for")]
            [LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Annex1 = Annex1Condition.DisclosureForPublicTask)]
            public DecisionRecord Respond(WelfareConcern payload, DecisionDetails details) => throw null!;
        }

        // Legitimate interests (f) on its own: SafeShare cannot tell a public authority without the assembly saying so.
        [LawfulBasis(LawfulBasis.LegitimateInterests)]
        public class Newsletter { [PersonalData] public string? Email { get; set; } }
        """);

    [Fact]
    public Task Either_legitimate_interest_in_a_public_authority_is_flagged() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: PublicAuthority]

        [{|SAFE008:LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Annex1 = Annex1Condition.SafeguardingVulnerableIndividual)|}]
        public class WelfareConcern { [PersonalData] public string? PupilName { get; set; } }

        [{|SAFE008:LawfulBasis(LawfulBasis.LegitimateInterests)|}]
        public class Newsletter { [PersonalData] public string? Email { get; set; } }

        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        public class Assessment { [PersonalData] public string? ChildName { get; set; } }
        """);

    [Fact]
    public Task Inside_a_public_task_declaration_is_flagged() => Verify.VerifyAsync("""
        using SafeShare;

        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
        public class Referrals
        {
            [Share("Police", "Strategy discussion")]
            [{|SAFE008:LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Annex1 = Annex1Condition.Crime)|}]
            public DecisionRecord ReferToPolice(Referral payload, DecisionDetails details) => throw null!;
        }

        public class Referral { [PersonalData] public string? ChildName { get; set; } }
        """);

    [Fact]
    public Task Assembly_public_task_makes_a_member_level_interest_a_public_authoritys() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]

        public class Referral
        {
            [{|SAFE008:LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Annex1 = Annex1Condition.SafeguardingVulnerableIndividual)|}]
            [PersonalData] public string? ChildName { get; set; }
        }
        """);

    [Fact]
    public async Task Messages_say_what_is_wrong_and_what_to_do()
    {
        var compilation = TestCompilation.Create("""
            using SafeShare;
            [LawfulBasis(LawfulBasis.RecognisedLegitimateInterest)]
            public class WelfareConcern { [PersonalData] public string? PupilName { get; set; } }
            """);
        var diagnostic = Assert.Single(await Verify.GetDiagnosticsAsync(compilation, new LegitimateInterestAnalyzer()));
        Assert.Equal(
            "'WelfareConcern' relies on UK GDPR Art. 6(1)(ea) RecognisedLegitimateInterest, and names no UK GDPR Annex 1 condition, which Art. 6(5) requires; set Annex1, e.g. Annex1Condition.SafeguardingVulnerableIndividual (Annex 1 para 6)",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
