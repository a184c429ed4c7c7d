using System.Globalization;
using System.Threading.Tasks;
using SafeShare.Analyzers.Sharing;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Sharing.ShareArticle9ConditionAnalyzer>;

namespace SafeShare.Analyzers.Tests.Sharing;

public class ShareArticle9ConditionAnalyzerTests
{
    private const string Payloads = """
        using System.Collections.Generic;
        using SafeShare;

        public class ReferralSummary
        {
            [PersonalData] public string? ChildName { get; set; }
            [SpecialCategory(SpecialCategory.Health)] public string? HealthNeeds { get; set; }
        }

        [SpecialCategory(SpecialCategory.Health)]
        public class HealthSummary { public string? Diagnosis { get; set; } }

        public class AttendanceSummary { [PersonalData] public string? ChildName { get; set; } public int DaysMissed { get; set; } }
        """;

    [Fact]
    public Task Flags_share_of_special_category_members_type_or_collection() => Verify.VerifyAsync(Payloads + """

        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
        public class Referrals
        {
            [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
            public DecisionRecord [|ReferToPolice|](ReferralSummary payload, DecisionDetails details) => throw null!;

            [Share("GP", "Health follow-up")]
            public DecisionRecord [|TellGp|](HealthSummary payload, DecisionDetails details, IDecisionLog log) => throw null!;

            [Share("Multi-agency hub", "Weekly review")]
            public DecisionRecord [|SendAll|](IReadOnlyList<ReferralSummary> payload, DecisionDetails details) => throw null!;

            [Share("Police", "Enquiries")]
            public DecisionRecord [|Parameter|]([SpecialCategory(SpecialCategory.Biometric)] string payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Condition_on_share_method_type_assembly_member_or_payload_type_is_found() => Verify.VerifyAsync(Payloads + """

        public class Covered
        {
            [SpecialCategory(SpecialCategory.Health), Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
            public string? Notes { get; set; }
        }

        [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
        public class CoveredType { [SpecialCategory(SpecialCategory.Health)] public string? Notes { get; set; } }

        public class OnMethod
        {
            [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
            [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
            public DecisionRecord ReferToPolice(ReferralSummary payload, DecisionDetails details) => throw null!;
        }

        [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
        public class OnType
        {
            [Share("GP", "Health follow-up")]
            public DecisionRecord TellGp(HealthSummary payload, DecisionDetails details) => throw null!;
        }

        public class OnMembers
        {
            [Share("GP", "Health follow-up")]
            public DecisionRecord A(Covered payload, DecisionDetails details) => throw null!;

            [Share("GP", "Health follow-up")]
            public DecisionRecord B(CoveredType payload, DecisionDetails details) => throw null!;

            // No special category data in the payload.
            [Share("School", "Attendance")]
            public DecisionRecord C(AttendanceSummary payload, DecisionDetails details) => throw null!;

            // Fields leave the health needs out of the share.
            [Share("School", "Attendance", Fields = new[] { nameof(ReferralSummary.ChildName) })]
            public DecisionRecord D(ReferralSummary payload, DecisionDetails details) => throw null!;

            // Two payload candidates: an unsupported signature the generator reports.
            [Share("GP", "Health follow-up")]
            public DecisionRecord E(ReferralSummary one, HealthSummary two, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Assembly_condition_covers_every_share() => Verify.VerifyAsync(new[]
    {
        Payloads,
        """
        using SafeShare;
        [assembly: Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
        public class Referrals
        {
            [Share("Police", "Strategy discussion under Children Act 1989 s47")]
            public DecisionRecord ReferToPolice(ReferralSummary payload, DecisionDetails details) => throw null!;
        }
        """,
    });

    [Fact]
    public async Task Message_names_the_share_and_the_special_category_members()
    {
        var compilation = TestCompilation.Create(Payloads + """

            public class Referrals
            {
                [Share("Police", "Strategy discussion under Children Act 1989 s47")]
                public DecisionRecord ReferToPolice(ReferralSummary payload, DecisionDetails details) => throw null!;
            }
            """);
        var diagnostic = Assert.Single(await Verify.GetDiagnosticsAsync(compilation, new ShareArticle9ConditionAnalyzer()));
        Assert.Equal(
            "The share 'Referrals.ReferToPolice' sends special category data (ReferralSummary.HealthNeeds: Health) with no Article 9 condition; add [Article9Condition(...)] to the share method, its type or the assembly",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
