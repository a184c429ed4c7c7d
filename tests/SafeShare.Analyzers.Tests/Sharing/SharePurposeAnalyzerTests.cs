using System.Globalization;
using System.Threading.Tasks;
using SafeShare.Analyzers.Sharing;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Sharing.SharePurposeAnalyzer>;

namespace SafeShare.Analyzers.Tests.Sharing;

public class SharePurposeAnalyzerTests
{
    [Fact]
    public Task Flags_empty_whitespace_and_null_purpose_or_recipient() => Verify.VerifyAsync("""
        using SafeShare;
        public class Summary { [PersonalData] public string? ChildName { get; set; } }
        public class Referrals
        {
            [Share("Police - Child Abuse Investigation Team", [|""|])]
            public DecisionRecord EmptyPurpose(Summary payload, DecisionDetails details) => throw null!;

            [Share("Police - Child Abuse Investigation Team", [|"   "|])]
            public DecisionRecord WhitespacePurpose(Summary payload, DecisionDetails details) => throw null!;

            [Share("Police - Child Abuse Investigation Team", [|null!|])]
            public DecisionRecord NullPurpose(Summary payload, DecisionDetails details) => throw null!;

            [Share([|" "|], "Strategy discussion under Children Act 1989 s47")]
            public DecisionRecord BlankRecipient(Summary payload, DecisionDetails details) => throw null!;

            [Share([|""|], [|""|])]
            public DecisionRecord Neither(Summary payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Named_arguments_in_any_order_are_found() => Verify.VerifyAsync("""
        using SafeShare;
        public class Summary { [PersonalData] public string? ChildName { get; set; } }
        public class Referrals
        {
            [Share([|purpose: "\t"|], recipient: "Children's Social Care")]
            public DecisionRecord Reordered(Summary payload, DecisionDetails details) => throw null!;

            private const string Nothing = "";

            [Share("Children's Social Care", [|Nothing|])]
            public DecisionRecord Constant(Summary payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Stated_purpose_and_recipient_are_silent() => Verify.VerifyAsync("""
        using SafeShare;
        public class Summary { [PersonalData] public string? ChildName { get; set; } }
        public partial class Referrals
        {
            private const string Hub = "Multi-Agency Safeguarding Hub";

            [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
            public partial DecisionRecord ReferToPolice(Summary payload, DecisionDetails details);
            public partial DecisionRecord ReferToPolice(Summary payload, DecisionDetails details) => throw null!;

            [Share(Hub, "Referral to the MASH for a decision within one working day")]
            public DecisionRecord ReferToHub(Summary payload, DecisionDetails details) => throw null!;

            // Not a share: no [Share], whatever it is called.
            public DecisionRecord ReferToSchool(Summary payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task A_half_written_attribute_is_left_to_the_compiler() => Verify.VerifyAsync("""
        using SafeShare;
        public class Referrals
        {
            [Share("Police")]
            public DecisionRecord A(object payload, DecisionDetails details) => throw null!;
            [Share(1, 2)]
            public DecisionRecord B(object payload, DecisionDetails details) => throw null!;
            [Share]
            public DecisionRecord C(object payload, DecisionDetails details) => throw null!;
        }
        """, "CS7036", "CS1503");

    [Fact]
    public async Task Message_names_the_share_what_is_missing_and_an_example()
    {
        var compilation = TestCompilation.Create("""
            using SafeShare;
            public class Referrals
            {
                [Share("Police", " ")]
                public DecisionRecord ReferToPolice(object payload, DecisionDetails details) => throw null!;
            }
            """);
        var diagnostic = Assert.Single(await Verify.GetDiagnosticsAsync(compilation, new SharePurposeAnalyzer()));
        Assert.Equal(
            "The share 'Referrals.ReferToPolice' has no recorded purpose (it is only whitespace); say why the data is shared, e.g. \"Strategy discussion under Children Act 1989 s47\"",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
