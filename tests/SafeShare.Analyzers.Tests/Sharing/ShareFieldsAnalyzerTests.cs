using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using SafeShare.Analyzers.Sharing;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Sharing.ShareFieldsAnalyzer>;

namespace SafeShare.Analyzers.Tests.Sharing;

public class ShareFieldsAnalyzerTests
{
    private const string Payloads = """
        using System;
        using SafeShare;

        [RetainUntil(nameof(DateOfBirth), Years = 25)]
        public class ChildRecord
        {
            [PersonalData] public string? Name { get; set; }
            [PersonalData] public DateOnly DateOfBirth { get; set; }
            [SpecialCategory(SpecialCategory.Health)] public string? HealthNeeds { get; set; }
            public int Id { get; set; }
        }

        public record ReferralSummary([PersonalData] string ChildName, [PersonalData] string Address, string Concern);
        """;

    [Fact]
    public Task Flags_personal_members_not_listed_in_Fields() => Verify.VerifyAsync(Payloads + """

        public class Referrals
        {
            [Share("School", "Attendance", Fields = new[] { nameof(ChildRecord.Name), nameof(ChildRecord.Id) })]
            public DecisionRecord TellSchool(ChildRecord [|payload|], DecisionDetails details) => throw null!;

            [Share("Police", "Strategy discussion", Fields = new[] { nameof(ReferralSummary.ChildName), nameof(ReferralSummary.Concern) })]
            public DecisionRecord ReferToPolice(ReferralSummary [|payload|], DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Flags_a_whole_stored_record_shared_without_Fields() => Verify.VerifyAsync(Payloads + """

        public class Referrals
        {
            [Share("Police", "Strategy discussion")]
            public DecisionRecord ReferToPolice(ChildRecord [|payload|], DecisionDetails details) => throw null!;

            [Share("Police", "Strategy discussion")]
            public DecisionRecord ReferMany(ChildRecord[] [|payload|], DecisionDetails details) => throw null!;
        }

        public class DerivedRecord : ChildRecord { }

        public class More
        {
            [Share("Police", "Strategy discussion")]
            public DecisionRecord Derived(DerivedRecord [|payload|], DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task Flags_Fields_entries_that_name_no_member() => Verify.VerifyAsync(Payloads + """

        public class Referrals
        {
            [Share("Police", "Strategy discussion", Fields = new[] { nameof(ReferralSummary.ChildName), nameof(ReferralSummary.Address), [|"Dob"|], [|null|] })]
            public DecisionRecord ReferToPolice(ReferralSummary payload, DecisionDetails details) => throw null!;

            [Share("Police", "Strategy discussion", Fields = [nameof(ReferralSummary.ChildName), nameof(ReferralSummary.Address), [|nameof(ChildRecord.HealthNeeds)|]])]
            public DecisionRecord CollectionExpression(ReferralSummary payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public Task All_personal_members_listed_or_a_small_payload_are_silent() => Verify.VerifyAsync(Payloads + """

        public class AttendanceSummary { [PersonalData] public string? ChildName { get; set; } public int DaysMissed { get; set; } }

        public class Referrals
        {
            [Share("Police", "Strategy discussion", Fields = new[] { nameof(ChildRecord.Name), nameof(ChildRecord.DateOfBirth), nameof(ChildRecord.HealthNeeds) })]
            public DecisionRecord Everything(ChildRecord payload, DecisionDetails details) => throw null!;

            // Not a stored record: no [RetainUntil], so without Fields every personal member is recorded.
            [Share("School", "Attendance")]
            public DecisionRecord TellSchool(AttendanceSummary payload, DecisionDetails details) => throw null!;

            [Share("Police", "Strategy discussion")]
            public DecisionRecord Summary(ReferralSummary payload, DecisionDetails details) => throw null!;

            // Not a share.
            public DecisionRecord NotAShare(ChildRecord payload, DecisionDetails details) => throw null!;
        }
        """);

    [Fact]
    public async Task Messages_say_what_is_carried_and_what_to_do()
    {
        var compilation = TestCompilation.Create(Payloads + """

            public class Referrals
            {
                [Share("School", "Attendance", Fields = new[] { nameof(ChildRecord.Name), "Nmae" })]
                public DecisionRecord TellSchool(ChildRecord payload, DecisionDetails details) => throw null!;

                [Share("Police", "Strategy discussion")]
                public DecisionRecord ReferToPolice(ChildRecord payload, DecisionDetails details) => throw null!;
            }
            """);
        var messages = (await Verify.GetDiagnosticsAsync(compilation, new ShareFieldsAnalyzer()))
            .Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "The Fields entry \"Nmae\" of the share 'Referrals.TellSchool' names no member of its payload 'ChildRecord'; use nameof(ChildRecord.Member)",
                "The share 'Referrals.ReferToPolice' sends the whole stored record 'ChildRecord' (it has [RetainUntil]); list what the purpose needs with Fields = new[] { nameof(ChildRecord.Member), ... } or share a smaller payload type",
                "The share 'Referrals.TellSchool' declares Fields, but its payload 'ChildRecord' also carries personal data it does not list (DateOfBirth, HealthNeeds); share a payload type that holds only what the purpose needs",
            },
            messages);
    }
}
