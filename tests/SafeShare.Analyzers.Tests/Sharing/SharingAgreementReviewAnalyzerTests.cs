using System;
using System.Globalization;
using System.Threading.Tasks;
using SafeShare.Analyzers.Sharing;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Sharing.SharingAgreementReviewAnalyzer>;

namespace SafeShare.Analyzers.Tests.Sharing;

public class SharingAgreementReviewAnalyzerTests
{
    private const string Payload = """
        using SafeShare;
        public class Referral { [PersonalData] public string? ChildName { get; set; } }
        """;

    // Dates are relative to the day the test runs, as the rule's are to the day of the build.
    private static string DaysAgo(int days) => DateTime.UtcNow.Date.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public Task Flags_an_agreement_past_its_first_or_annual_review_or_with_an_unreadable_date() => Verify.VerifyAsync(Payload + $$"""

        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        public class Shares
        {
            [Share("Family Hub", "Early help")]
            [SharingAgreement("{{DaysAgo(200)}}")]
            public DecisionRecord [|NeverReviewed|](Referral payload, DecisionDetails details) => throw null!;

            [Share("Family Hub", "Early help")]
            [SharingAgreement("2019-04-01", LastReviewedOn = "{{DaysAgo(400)}}")]
            public DecisionRecord [|ReviewedOverAYearAgo|](Referral payload, DecisionDetails details) => throw null!;

            [Share("Family Hub", "Early help")]
            [SharingAgreement("1 April 2026")]
            public DecisionRecord [|UnreadableDate|](Referral payload, DecisionDetails details) => throw null!;
        }

        [SharingAgreement("2019-04-01")]
        public class FromTheType
        {
            [Share("Family Hub", "Early help")]
            public DecisionRecord [|Refer|](Referral payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Does_not_flag_an_agreement_not_yet_due_or_a_share_without_one() => Verify.VerifyAsync(Payload + $$"""

        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        public class Shares
        {
            [Share("Family Hub", "Early help")]
            [SharingAgreement("{{DaysAgo(150)}}")]
            public DecisionRecord FirstReviewNotYetDue(Referral payload, DecisionDetails details) => throw null!;

            [Share("Family Hub", "Early help")]
            [SharingAgreement("2019-04-01", LastReviewedOn = "{{DaysAgo(300)}}")]
            public DecisionRecord ReviewedThisYear(Referral payload, DecisionDetails details) => throw null!;

            [Share("Family Hub", "Early help")]
            public DecisionRecord NoAgreement(Referral payload, DecisionDetails details) => throw null!;
        }

        // The share's own agreement is nearer than the type's overdue one.
        [SharingAgreement("2019-04-01")]
        public class Nearest
        {
            [Share("Family Hub", "Early help")]
            [SharingAgreement("2019-04-01", LastReviewedOn = "{{DaysAgo(10)}}")]
            public DecisionRecord Refer(Referral payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public async Task Message_says_when_the_review_was_due()
    {
        var compilation = TestCompilation.Create(Payload + """

            public class Shares
            {
                [Share("Family Hub", "Early help")]
                [SharingAgreement("2019-04-01")]
                public DecisionRecord Refer(Referral payload, DecisionDetails details) => throw null!;
            }
            """);
        var diagnostic = Assert.Single(await Verify.GetDiagnosticsAsync(compilation, new SharingAgreementReviewAnalyzer()));
        Assert.Equal(
            "The information sharing agreement of the share 'Shares.Refer' (agreed 2019-04-01, last reviewed never) was due for review on 2019-10-01: review it with the partner agencies and set LastReviewedOn",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
