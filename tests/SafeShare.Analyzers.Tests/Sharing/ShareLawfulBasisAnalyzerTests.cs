using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using SafeShare.Analyzers.Sharing;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Sharing.ShareLawfulBasisAnalyzer>;

namespace SafeShare.Analyzers.Tests.Sharing;

public class ShareLawfulBasisAnalyzerTests
{
    [Fact]
    public Task Flags_share_with_no_basis_on_method_type_or_assembly() => Verify.VerifyAsync("""
        using SafeShare;
        public class Summary { [PersonalData] public string? ChildName { get; set; } }
        public partial class Referrals
        {
            [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
            public partial DecisionRecord {|SAFE102:ReferToPolice|}(Summary payload, DecisionDetails details);
            public partial DecisionRecord ReferToPolice(Summary payload, DecisionDetails details) => throw null!;

            [Share("School", "Attendance follow-up")]
            public DecisionRecord {|SAFE102:TellSchool|}(Summary payload, DecisionDetails details) => throw null!;

            // Not a share.
            public DecisionRecord Other(Summary payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Basis_on_method_type_or_assembly_is_found() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        public class Summary { [PersonalData] public string? ChildName { get; set; } }
        public class OnAssembly
        {
            [Share("Health visitor", "Continuity of care")]
            public DecisionRecord Share(Summary payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Basis_on_method_or_type_is_found() => Verify.VerifyAsync("""
        using SafeShare;
        public class Summary { [PersonalData] public string? ChildName { get; set; } }
        public class OnMethod
        {
            [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            public DecisionRecord ReferToPolice(Summary payload, DecisionDetails details) => throw null!;
        }

        [LawfulBasis(LawfulBasis.LegalObligation, Gateway = "Education Act 1996 s434")]
        public class OnType
        {
            [Share("Local authority", "Children missing education")]
            public DecisionRecord Notify(Summary payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Flags_consent_basis_for_a_safeguarding_share() => Verify.VerifyAsync("""
        using SafeShare;
        public class Summary { [PersonalData] public string? ChildName { get; set; } }
        public class Referrals
        {
            [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
            [LawfulBasis(LawfulBasis.Consent)]
            public DecisionRecord {|SAFE107:ReferToPolice|}(Summary payload, DecisionDetails details) => throw null!;

            [Share("Multi-Agency Safeguarding Hub", "Concern about a child")]
            [LawfulBasis(LawfulBasis.Consent)]
            public DecisionRecord {|SAFE107:ReferToHub|}(Summary payload, DecisionDetails details) => throw null!;

            [Share("Children's Social Care", "Referral")]
            [LawfulBasis(LawfulBasis.Consent)]
            public DecisionRecord {|SAFE107:SafeguardingReferral|}(Summary payload, DecisionDetails details) => throw null!;

            [Share("Children's Social Care", "Referral")]
            [LawfulBasis(LawfulBasis.Consent)]
            [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
            public DecisionRecord {|SAFE107:Refer|}(Summary payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Consent_for_early_help_and_public_task_for_safeguarding_are_silent() => Verify.VerifyAsync("""
        using SafeShare;
        public class Summary { [PersonalData] public string? ChildName { get; set; } }
        public class Referrals
        {
            // Early help: "freely given, informed explicit consent is needed" (Buckinghamshire Code of Practice, Appendix 1).
            [Share("Family support worker", "Early help assessment with the family's agreement")]
            [LawfulBasis(LawfulBasis.Consent)]
            public DecisionRecord EarlyHelp(Summary payload, DecisionDetails details) => throw null!;

            [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            public DecisionRecord ReferToPolice(Summary payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public async Task Messages_name_the_share_and_why_it_is_safeguarding()
    {
        var compilation = TestCompilation.Create("""
            using SafeShare;
            public class Referrals
            {
                [Share("Police", "Strategy discussion under Children Act 1989 s47")]
                public DecisionRecord ReferToPolice(object payload, DecisionDetails details) => throw null!;

                [Share("Police", "Strategy discussion under Children Act 1989 s47")]
                [LawfulBasis(LawfulBasis.Consent)]
                public DecisionRecord ReferWithConsent(object payload, DecisionDetails details) => throw null!;
            }
            """);
        var messages = (await Verify.GetDiagnosticsAsync(compilation, new ShareLawfulBasisAnalyzer()))
            .Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(
            new[]
            {
                "The share 'Referrals.ReferToPolice' has no lawful basis (Article 6); add [LawfulBasis(...)] to the share method, its type or the assembly",
                "The share 'Referrals.ReferWithConsent' is a safeguarding share (its purpose mentions 's47') whose lawful basis is Consent; consent is rarely the right basis when a child may be at risk: consider PublicTask or LegalObligation with the statutory gateway, and record the consent position in DecisionDetails",
            },
            messages);
    }
}
