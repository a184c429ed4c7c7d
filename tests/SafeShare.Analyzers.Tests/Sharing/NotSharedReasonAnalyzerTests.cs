using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using SafeShare.Analyzers.Sharing;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Sharing.NotSharedReasonAnalyzer>;

namespace SafeShare.Analyzers.Tests.Sharing;

public class NotSharedReasonAnalyzerTests
{
    // The companions are written by hand here, as the generator would emit them (SHARING_CONTRACT.md).
    private const string Referrals = """
        using SafeShare;
        public class Summary { [PersonalData] public string? ChildName { get; set; } }
        public partial class Referrals
        {
            [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
            public partial DecisionRecord ReferToPolice(Summary payload, DecisionDetails details);
            public partial DecisionRecord ReferToPolice(Summary payload, DecisionDetails details) => throw null!;
            public DecisionRecord ReferToPoliceNotShared(string subjectReference, string decidedBy, string reason, RiskLevel risk = RiskLevel.NotAssessed) => throw null!;

            [Share("School", "Attendance")]
            public DecisionRecord TellSchool(Summary payload, DecisionDetails details, IDecisionLog log) => throw null!;
            public DecisionRecord TellSchoolNotShared(IDecisionLog log, string subjectReference, string decidedBy, string reason, RiskLevel risk = RiskLevel.NotAssessed) => throw null!;

            // Named like a companion, but there is no share called Archive.
            public void ArchiveNotShared(string reason) { }
        }
        """;

    [Fact]
    public Task Flags_null_empty_and_whitespace_reasons() => Verify.VerifyAsync(new[]
    {
        Referrals,
        """
        using SafeShare;
        public class Caseworker
        {
            private const string NoReason = "  ";

            public void Decide(Referrals referrals, IDecisionLog log)
            {
                referrals.ReferToPoliceNotShared("CASE-1", "A. Social Worker", [|""|]);
                referrals.ReferToPoliceNotShared("CASE-1", "A. Social Worker", [|"   "|]);
                referrals.ReferToPoliceNotShared("CASE-1", "A. Social Worker", [|null!|]);
                referrals.ReferToPoliceNotShared("CASE-1", "A. Social Worker", [|string.Empty|]);
                referrals.ReferToPoliceNotShared("CASE-1", "A. Social Worker", [|NoReason|]);
                referrals.ReferToPoliceNotShared(reason: [|"\t"|], decidedBy: "A. Social Worker", subjectReference: "CASE-1");
                referrals.TellSchoolNotShared(log, "CASE-1", "A. Social Worker", [|""|], RiskLevel.Low);
            }
        }
        """,
    });

    [Fact]
    public Task Real_or_runtime_reasons_and_other_methods_are_silent() => Verify.VerifyAsync(new[]
    {
        Referrals,
        """
        using SafeShare;
        public class Caseworker
        {
            public void Decide(Referrals referrals, IDecisionLog log, string reasonFromForm)
            {
                referrals.ReferToPoliceNotShared("CASE-1", "A. Social Worker", "Threshold for s47 not met; early help offered instead");
                referrals.ReferToPoliceNotShared("CASE-1", "A. Social Worker", reasonFromForm);
                referrals.TellSchoolNotShared(log, "", "", "Parent objected and no risk of harm identified");
                referrals.ArchiveNotShared("");
            }
        }
        """,
    });

    [Fact]
    public async Task Message_names_the_companion_and_the_blank_reason()
    {
        var compilation = TestCompilation.Create(Referrals, """
            public class Caseworker
            {
                public void Decide(Referrals referrals) => referrals.ReferToPoliceNotShared("CASE-1", "A. Social Worker", " ");
            }
            """);
        var diagnostic = Assert.Single(await Verify.GetDiagnosticsAsync(compilation, new NotSharedReasonAnalyzer()));
        Assert.Equal(
            "The decision not to share through 'Referrals.ReferToPoliceNotShared' is recorded with only whitespace as its reason; record why the information was not shared",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
