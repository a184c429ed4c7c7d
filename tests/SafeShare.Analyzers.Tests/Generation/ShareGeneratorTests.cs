using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>Compiles and runs generated share code, and reads the records it appends field by field.</summary>
public class ShareGeneratorTests
{
    internal const string PoliceReferral = """
        using System;
        using SafeShare;

        [assembly: AppropriatePolicyDocument("IG-POL-14")]

        namespace CaseManagement.Sharing
        {
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            public sealed class ReferralSummary
            {
                [PersonalData(Subject = DataSubject.Child)] public string ChildName { get; init; } = "";
                [PersonalData(Subject = DataSubject.Child)] public DateOnly DateOfBirth { get; init; }
                [SpecialCategory(SpecialCategory.Health)]
                [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
                public string? HealthNeeds { get; init; }
                public string CaseNumber { get; init; } = "";
            }

            public partial class PoliceReferrals
            {
                private readonly IDecisionLog _log;
                public PoliceReferrals(IDecisionLog log) => _log = log;

                [Share("Police – Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
                [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
                public partial DecisionRecord ReferToPolice(ReferralSummary payload, DecisionDetails details);
            }
        }
        """;

    [Fact]
    public void Share_records_the_decision_field_by_field_and_appends_it()
    {
        var (_, output, diagnostics) = GeneratorHost.Run(PoliceReferral);
        Assert.Empty(diagnostics);
        var assembly = GeneratorHost.CompileAndLoad(output);

        var log = new InMemoryDecisionLog();
        var referrals = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.PoliceReferrals")!, log)!;
        var payload = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.ReferralSummary")!)!;
        var decidedAt = new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.FromHours(1));
        var details = new DecisionDetails("A. Patel, Team Manager", "CASE-2026-0042", Consent.NotSought("Seeking consent would place the child at increased risk of significant harm"))
        {
            Risk = RiskLevel.High,
            Reasons = "Disclosure of injury at school; strategy discussion convened",
            DecidedAt = decidedAt,
            Paragraph18Reason = Paragraph18Reason.ConsentWouldPrejudiceProtection,
            ConsultedWith = "Designated Safeguarding Lead",
            RequestedBy = "DC Green, Child Abuse Investigation Team",
        };

        var record = (DecisionRecord)Invoke(referrals, "ReferToPolice", payload, details);

        Assert.Same(record, Assert.Single(log.Decisions));
        Assert.NotEqual(Guid.Empty, record.Id);
        Assert.Equal(decidedAt.ToUniversalTime(), record.DecidedAt);
        Assert.Equal(TimeSpan.Zero, record.DecidedAt.Offset);
        Assert.Equal("A. Patel, Team Manager", record.DecidedBy);
        Assert.Equal("CASE-2026-0042", record.SubjectReference);
        Assert.Equal(DecisionOutcome.Shared, record.Outcome);
        Assert.Equal("PoliceReferrals.ReferToPolice", record.Share);
        Assert.Equal("Police – Child Abuse Investigation Team", record.Recipient);
        Assert.Equal("Strategy discussion under Children Act 1989 s47", record.Purpose);
        Assert.Equal(LawfulBasis.PublicTask, record.LawfulBasis);
        Assert.Equal("Children Act 1989 s47", record.Gateway);
        Assert.Equal(Article9Condition.SubstantialPublicInterest, record.Article9Condition);
        Assert.Equal(Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk, record.Schedule1);
        Assert.Equal(ConsentStatus.NotSought, record.Consent.Status);
        Assert.Equal("Seeking consent would place the child at increased risk of significant harm", record.Consent.Reason);
        Assert.Equal(RiskLevel.High, record.Risk);
        Assert.Equal("Disclosure of injury at school; strategy discussion convened", record.Reasons);
        Assert.Equal(new[] { "ChildName", "DateOfBirth", "HealthNeeds" }, record.Fields.Select(f => f.Name));
        Assert.Equal(new[] { DataKind.Personal, DataKind.Personal, DataKind.SpecialCategory }, record.Fields.Select(f => f.Kind));
        Assert.Equal(SpecialCategory.Health, record.Fields[2].Category);
        Assert.Equal(Paragraph18Reason.ConsentWouldPrejudiceProtection, record.Paragraph18Reason);
        Assert.Equal("Designated Safeguarding Lead", record.ConsultedWith);
        Assert.Equal("DC Green, Child Abuse Investigation Team", record.RequestedBy);
    }

    [Fact]
    public void Decision_not_to_share_requires_a_reason_and_is_recorded()
    {
        var (_, output, _) = GeneratorHost.Run(PoliceReferral);
        var assembly = GeneratorHost.CompileAndLoad(output);
        var log = new InMemoryDecisionLog();
        var referrals = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.PoliceReferrals")!, log)!;

        var missingReason = Assert.Throws<ArgumentException>(() => Invoke(referrals, "ReferToPoliceNotShared", "CASE-7", "J. Smith, Social Worker", " ", RiskLevel.Medium, null, null, null, null));
        Assert.Equal("reason", missingReason.ParamName);
        Assert.Empty(log.Decisions);

        var record = (DecisionRecord)Invoke(referrals, "ReferToPoliceNotShared", "CASE-7", "J. Smith, Social Worker", "Threshold for s47 not met; family engaging with early help", RiskLevel.Medium, null, null, null, null);
        Assert.Same(record, Assert.Single(log.Decisions));
        Assert.Equal(DecisionOutcome.NotShared, record.Outcome);
        Assert.Equal("Threshold for s47 not met; family engaging with early help", record.Reasons);
        Assert.Equal("Police – Child Abuse Investigation Team", record.Recipient);
        Assert.Equal("Strategy discussion under Children Act 1989 s47", record.Purpose);
        Assert.Equal(RiskLevel.Medium, record.Risk);
        Assert.Equal(ConsentStatus.NotRequired, record.Consent.Status);
        Assert.Equal("CASE-7", record.SubjectReference);
    }

    [Fact]
    public void Disclosure_is_linked_to_its_decision_and_checks_the_fields()
    {
        var (_, output, _) = GeneratorHost.Run(PoliceReferral);
        var assembly = GeneratorHost.CompileAndLoad(output);
        var log = new InMemoryDecisionLog();
        var referrals = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.PoliceReferrals")!, log)!;
        var payload = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.ReferralSummary")!)!;
        var decision = (DecisionRecord)Invoke(referrals, "ReferToPolice", payload, new DecisionDetails("A. Patel", "CASE-1", Consent.NotRequired("Statutory duty")) { Reasons = "Strategy discussion", Paragraph18Reason = Paragraph18Reason.ConsentCannotReasonablyBeObtained });

        var disclosure = (DisclosureRecord)Invoke(referrals, "ReferToPoliceDisclosed", decision, "Secure email", true, DisclosureOutcome.Delivered, new[] { "ChildName", "HealthNeeds" });
        Assert.Same(disclosure, Assert.Single(log.Disclosures));
        Assert.Equal(decision.Id, disclosure.DecisionId);
        Assert.Equal("CASE-1", disclosure.SubjectReference);
        Assert.Equal("Police – Child Abuse Investigation Team", disclosure.Recipient);
        Assert.Equal(new[] { "ChildName", "HealthNeeds" }, disclosure.FieldsSent);
        Assert.Equal("Secure email", disclosure.Channel);
        Assert.True(disclosure.Encrypted);
        Assert.Equal(DisclosureOutcome.Delivered, disclosure.Outcome);

        var all = (DisclosureRecord)Invoke(referrals, "ReferToPoliceDisclosed", decision, "MASH portal", true, DisclosureOutcome.Sent, Array.Empty<string>());
        Assert.Equal(new[] { "ChildName", "DateOfBirth", "HealthNeeds" }, all.FieldsSent);

        var undeclared = Assert.Throws<ArgumentException>(() => Invoke(referrals, "ReferToPoliceDisclosed", decision, "Secure email", true, DisclosureOutcome.Delivered, new[] { "CaseNumber" }));
        Assert.Contains("'CaseNumber' is not a field this share declares", undeclared.Message);

        var notShared = (DecisionRecord)Invoke(referrals, "ReferToPoliceNotShared", "CASE-1", "A. Patel", "Not proportionate", RiskLevel.Low, null, null, null, null);
        Assert.Throws<ArgumentException>(() => Invoke(referrals, "ReferToPoliceDisclosed", notShared, "Secure email", true, DisclosureOutcome.Delivered, Array.Empty<string>()));
        Assert.Equal(2, log.Disclosures.Count);
    }

    [Fact]
    public void Invalid_details_are_refused_and_nothing_is_recorded()
    {
        var (_, output, _) = GeneratorHost.Run(PoliceReferral);
        var assembly = GeneratorHost.CompileAndLoad(output);
        var log = new InMemoryDecisionLog();
        var referrals = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.PoliceReferrals")!, log)!;
        var payload = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.ReferralSummary")!)!;

        Assert.Throws<ArgumentNullException>(() => Invoke(referrals, "ReferToPolice", null, new DecisionDetails("A", "B", Consent.NotRequired())));
        Assert.Throws<ArgumentNullException>(() => Invoke(referrals, "ReferToPolice", payload, null));
        Assert.Throws<ArgumentException>(() => Invoke(referrals, "ReferToPolice", payload, new DecisionDetails("", "CASE-1", Consent.NotRequired())));
        Assert.Throws<ArgumentException>(() => Invoke(referrals, "ReferToPolice", payload, new DecisionDetails("A. Patel", " ", Consent.NotRequired())));
        Assert.Throws<ArgumentException>(() => Invoke(referrals, "ReferToPolice", payload, new DecisionDetails("A. Patel", "CASE-1", null!)));
        Assert.Throws<ArgumentException>(() => Consent.NotSought(""));
        var noReasons = Assert.Throws<ArgumentException>(() => Invoke(referrals, "ReferToPolice", payload, new DecisionDetails("A. Patel", "CASE-1", Consent.NotSought("Would alert the adult")) { Paragraph18Reason = Paragraph18Reason.ConsentWouldPrejudiceProtection }));
        Assert.StartsWith("Record the reasons for the decision", noReasons.Message, StringComparison.Ordinal);
        Assert.Empty(log.Decisions);
    }

    [Fact]
    public void A_para18_share_with_consent_obtained_is_refused_with_one_message_and_nothing_is_appended()
    {
        var (_, output, _) = GeneratorHost.Run(PoliceReferral);
        var assembly = GeneratorHost.CompileAndLoad(output);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safeshare-para18-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var log = new JsonLinesDecisionLog(path);
            var referrals = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.PoliceReferrals")!, log)!;
            var payload = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.ReferralSummary")!)!;
            var consented = new DecisionDetails("A. Patel", "CASE-1", Consent.Obtained("Mother", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)))
            {
                Reasons = "Injury disclosed at school",
                Paragraph18Reason = Paragraph18Reason.ConsentCannotBeGiven,
            };

            var refused = Assert.Throws<ArgumentException>(() => Invoke(referrals, "ReferToPolice", payload, consented));
            Assert.Equal("details", refused.ParamName);
            Assert.StartsWith(
                "This share relies on DPA 2018 Schedule 1 para 18, which covers processing carried out without the data subject's consent (para 18(1)(c)), but the decision records consent obtained from Mother.",
                refused.Message,
                StringComparison.Ordinal);
            Assert.Equal(0, Lines(path));

            var noReason = Assert.Throws<ArgumentException>(() => Invoke(referrals, "ReferToPolice", payload, new DecisionDetails("A. Patel", "CASE-1", Consent.NotSought("Would alert the adult")) { Reasons = "Injury" }));
            Assert.Contains("record which reason in para 18(2)", noReason.Message, StringComparison.Ordinal);

            var respected = Assert.Throws<ArgumentException>(() => Invoke(referrals, "ReferToPolice", payload, new DecisionDetails("A. Patel", "CASE-1", Consent.RefusedAndRespected("Mother")) { Reasons = "Injury", Paragraph18Reason = Paragraph18Reason.ConsentCannotReasonablyBeObtained }));
            Assert.StartsWith("Consent was refused by Mother and the refusal respected, so nothing is shared", respected.Message, StringComparison.Ordinal);
            Assert.Equal(0, Lines(path));

            // The refusal respected is recorded as a decision not to share, at the time it was made.
            var decidedAt = new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(1));
            var notShared = (DecisionRecord)Invoke(referrals, "ReferToPoliceNotShared", "CASE-1", "A. Patel", "Mother refused; no risk of significant harm, so her refusal is respected", RiskLevel.Low, Consent.RefusedAndRespected("Mother"), decidedAt, "Health visitor", "Police CAIT");
            Assert.Equal(decidedAt.ToUniversalTime(), notShared.DecidedAt);
            Assert.Equal("Health visitor", notShared.ConsultedWith);
            Assert.Equal("Police CAIT", notShared.RequestedBy);
            var read = Assert.Single(log.ReadAll()).Decision!;
            Assert.Equal(ConsentStatus.RefusedAndRespected, read.Consent.Status);
            Assert.Equal("Mother", read.Consent.ObtainedFrom);
            Assert.Equal(decidedAt.ToUniversalTime(), read.DecidedAt);
            Assert.Equal("Police CAIT", read.RequestedBy);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void A_consent_based_share_records_consent_obtained_and_refuses_anything_else()
    {
        var (_, output, diagnostics) = GeneratorHost.Run("""
            using SafeShare;
            public sealed class SupportReferral { [PersonalData] public string Name { get; init; } = ""; }
            public partial class EarlyHelp
            {
                private readonly IDecisionLog _log;
                public EarlyHelp(IDecisionLog log) => _log = log;

                [Share("Family support charity", "Early help with the family's agreement")]
                [LawfulBasis(LawfulBasis.Consent)]
                public partial DecisionRecord Refer(SupportReferral payload, DecisionDetails details);
            }
            """);
        Assert.Empty(diagnostics);
        var assembly = GeneratorHost.CompileAndLoad(output);
        var log = new InMemoryDecisionLog();
        var earlyHelp = Activator.CreateInstance(assembly.GetType("EarlyHelp")!, log)!;
        var payload = Activator.CreateInstance(assembly.GetType("SupportReferral")!)!;

        var withdrawnAt = new DateTimeOffset(2026, 11, 19, 17, 0, 0, TimeSpan.Zero);
        var withdrawn = Assert.Throws<ArgumentException>(() => Invoke(earlyHelp, "Refer", payload, new DecisionDetails("K. Shah, Early Help Worker", "EH-7", Consent.Withdrawn("Father", withdrawnAt)) { Reasons = "Family asked for support" }));
        Assert.Contains("relies on consent (UK GDPR Art. 6(1)(a)), but the decision records the consent position as Withdrawn", withdrawn.Message, StringComparison.Ordinal);
        Assert.Empty(log.Decisions);

        var obtainedAt = new DateTimeOffset(2026, 11, 18, 11, 0, 0, TimeSpan.Zero);
        var record = (DecisionRecord)Invoke(earlyHelp, "Refer", payload, new DecisionDetails("K. Shah, Early Help Worker", "EH-7", Consent.Obtained("Father", obtainedAt)) { Reasons = "Family asked for support" });
        Assert.Equal("Father", record.Consent.ObtainedFrom);
        Assert.Equal(obtainedAt, record.Consent.ObtainedAt);
        Assert.Same(record, Assert.Single(log.Decisions));
    }

    [Fact]
    public void Log_passed_as_a_parameter_and_Fields_limit_what_is_recorded()
    {
        var (_, output, diagnostics) = GeneratorHost.Run("""
            using SafeShare;
            [assembly: LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 2004 s11")]
            public sealed class PupilReferral
            {
                [PersonalData] public string Name { get; init; } = "";
                [PersonalData] public string Address { get; init; } = "";
                [SpecialCategory(SpecialCategory.ReligiousOrPhilosophicalBeliefs)] public string? Religion { get; init; }
            }
            public static partial class SchoolSharing
            {
                [Share("Children's Social Care – Front Door", "Child in need referral", Fields = new[] { nameof(PupilReferral.Name), nameof(PupilReferral.Address) })]
                public static partial DecisionRecord Refer(IDecisionLog log, PupilReferral payload, DecisionDetails details);
            }
            """);
        Assert.Empty(diagnostics);
        var assembly = GeneratorHost.CompileAndLoad(output);
        var type = assembly.GetType("SchoolSharing")!;
        var log = new InMemoryDecisionLog();
        var payload = Activator.CreateInstance(assembly.GetType("PupilReferral")!)!;
        var record = (DecisionRecord)type.GetMethod("Refer")!.Invoke(null, new[] { log, payload, new DecisionDetails("Designated Safeguarding Lead", "UPN-123", Consent.Obtained("Father", DateTimeOffset.UtcNow)) { Reasons = "Father asked the school to refer" } })!;
        Assert.Equal(new[] { "Name", "Address" }, record.Fields.Select(f => f.Name));
        Assert.Equal(LawfulBasis.PublicTask, record.LawfulBasis);
        Assert.Equal("Children Act 2004 s11", record.Gateway);
        Assert.Null(record.Article9Condition);
        Assert.Equal(Schedule1Condition.None, record.Schedule1);
        Assert.Equal(ConsentStatus.Obtained, record.Consent.Status);
        Assert.Equal("Father", record.Consent.ObtainedFrom);

        var notShared = (DecisionRecord)type.GetMethod("ReferNotShared")!.Invoke(null, new object?[] { log, "UPN-123", "DSL", "Parent already referred", RiskLevel.Low, null, null, null, null })!;
        Assert.Equal(DecisionOutcome.NotShared, notShared.Outcome);
        Assert.Equal(2, log.Decisions.Count);
    }

    [Theory]
    [InlineData("public DecisionRecord Share(Payload payload, DecisionDetails details) => null!;", "SAFE901")]
    [InlineData("public partial string Share(Payload payload, DecisionDetails details);", "SAFE902")]
    [InlineData("public partial DecisionRecord Share(Payload payload);", "SAFE902")]
    [InlineData("public partial DecisionRecord Share(Payload a, Payload b, DecisionDetails details);", "SAFE902")]
    [InlineData("public partial DecisionRecord Share(DecisionDetails details);", "SAFE904")]
    public void Unimplementable_shares_get_a_diagnostic_not_an_exception(string declaration, string id)
    {
        var (_, _, diagnostics) = GeneratorHost.Run($$"""
            using SafeShare;
            public sealed class Payload { [PersonalData] public string Name { get; init; } = ""; }
            public partial class Sharing
            {
                private readonly IDecisionLog _log = new InMemoryDecisionLog();
                [Share("Health visiting team", "Health assessment")]
                {{declaration}}
            }
            """);
        Assert.Contains(diagnostics, d => d.Id == id && d.Location.GetLineSpan().Path == "/0/Test0.cs" && d.Location.GetLineSpan().StartLinePosition.Line == 6);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795");
    }

    [Theory]
    [InlineData("public partial string Share(Payload payload, DecisionDetails details);", "SAFE902")]
    [InlineData("internal partial DecisionRecord Share(Payload payload);", "SAFE902")]
    [InlineData("public partial DecisionRecord Share(Payload a, Payload b, DecisionDetails details);", "SAFE902")]
    [InlineData("public partial DecisionRecord Share(ref Payload payload, DecisionDetails details);", "SAFE902")]
    [InlineData("public partial DecisionRecord Share(Payload payload, out int count, DecisionDetails details);", "SAFE902")]
    [InlineData("public partial DecisionRecord Share(Payload payload, DecisionDetails details, params string[] @event);", "SAFE902")]
    [InlineData("protected static partial int? Share(Payload? payload, DecisionDetails details);", "SAFE902")]
    [InlineData("public partial DecisionRecord Share(DecisionDetails details);", "SAFE904")]
    [InlineData("public partial DecisionRecord Share(Payload payload, DecisionDetails details);", "SAFE903", "")]
    public void A_refused_partial_share_leaves_its_SAFE_error_and_no_compiler_error(string declaration, string id, string log = "private readonly IDecisionLog _log = new InMemoryDecisionLog();")
    {
        var (_, output, diagnostics) = GeneratorHost.Run($$"""
            using SafeShare;
            public sealed class Payload { [PersonalData] public string Name { get; init; } = ""; }
            namespace Council.Children
            {
                public partial class Outer<T>
                {
                    public partial record Sharing
                    {
                        {{log}}
                        [Share("Health visiting team", "Health assessment")]
                        {{declaration}}
                    }
                }
            }
            """);
        Assert.Contains(diagnostics, d => d.Id == id && d.Severity == DiagnosticSeverity.Error);
        // The generator implements the refused method with a throw, so the compiler has nothing to add (no CS8795).
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains(output.SyntaxTrees, t => t.ToString().Contains("throw new global::System.InvalidOperationException(\"SafeShare could not implement the share 'Outer<T>.Sharing.Share' (" + id));
    }

    [Theory]
    [InlineData("",
        "new global::SafeShare.SharedField(\"Name\", global::SafeShare.DataKind.Personal),\n        new global::SafeShare.SharedField(\"Telephone\", global::SafeShare.DataKind.Personal),\n        new global::SafeShare.SharedField(\"Health\", global::SafeShare.DataKind.SpecialCategory, global::SafeShare.SpecialCategory.Health),")]
    [InlineData(", Fields = new[] { nameof(CarerDetails.Telephone) }", "new global::SafeShare.SharedField(\"Telephone\", global::SafeShare.DataKind.Personal),")]
    [InlineData(", Fields = new[] { nameof(CarerDetails.Health), nameof(CarerDetails.Name) }",
        "new global::SafeShare.SharedField(\"Name\", global::SafeShare.DataKind.Personal),\n        new global::SafeShare.SharedField(\"Health\", global::SafeShare.DataKind.SpecialCategory, global::SafeShare.SpecialCategory.Health),")]
    public void A_payload_marked_personal_as_a_whole_records_what_the_share_sends(string fields, string recorded)
    {
        var (_, output, diagnostics) = GeneratorHost.Run($$"""
            using SafeShare;
            public partial class Housing
            {
                private readonly IDecisionLog _log = new InMemoryDecisionLog();
                [Share("Housing Options", "Emergency accommodation for the family"{{fields}})]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Housing Act 1996 s213")]
                public partial DecisionRecord ShareCarer(CarerDetails payload, DecisionDetails details);
            }
            [PersonalData(Subject = DataSubject.ParentOrCarer)]
            public sealed class CarerDetails
            {
                public string Name { get; init; } = "";
                public string Telephone { get; init; } = "";
                [SpecialCategory(SpecialCategory.Health)] public string? Health { get; init; }
            }
            """);
        Assert.DoesNotContain(diagnostics, d => d.Id == "SAFE905");
        var share = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("ShareCarer.Share.g.cs", StringComparison.Ordinal)).ToString();
        var list = share.Substring(share.IndexOf("ShareCarerSharedFields = ", StringComparison.Ordinal));
        Assert.Contains("{\n        " + recorded + "\n    };", list.Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_marker_on_the_payload_parameter_is_what_the_share_records()
    {
        var (_, output, diagnostics) = GeneratorHost.Run("""
            using SafeShare;
            public partial class Referrals
            {
                private readonly IDecisionLog _log = new InMemoryDecisionLog();
                [Share("School", "Tell the school the child is subject to a plan")]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
                public partial DecisionRecord TellSchool([PersonalData(Subject = DataSubject.Child)] string childName, DecisionDetails details);
            }
            """);
        Assert.DoesNotContain(diagnostics, d => d.Id == "SAFE905");
        var share = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("TellSchool.Share.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("new global::SafeShare.SharedField(\"childName\", global::SafeShare.DataKind.Personal),", share);
    }

    [Fact]
    public void A_refused_share_that_cannot_be_implemented_gets_no_stub()
    {
        // Not partial: the method has its own body. A generic method's constraints would have to be repeated: left alone.
        var (_, output, diagnostics) = GeneratorHost.Run("""
            using SafeShare;
            public sealed class Payload { [PersonalData] public string Name { get; init; } = ""; }
            public partial class Sharing
            {
                private readonly IDecisionLog _log = new InMemoryDecisionLog();
                [Share("Health visiting team", "Health assessment")]
                public DecisionRecord Plain(Payload payload, DecisionDetails details) => null!;
                [Share("Health visiting team", "Health assessment")]
                public partial DecisionRecord Generic<T>(T payload, DecisionDetails details) where T : class;
            }
            """);
        Assert.Contains(diagnostics, d => d.Id == "SAFE901");
        Assert.Contains(diagnostics, d => d.Id == "SAFE902");
        Assert.DoesNotContain(output.SyntaxTrees, t => t.ToString().Contains("InvalidOperationException"));
    }

    [Fact]
    public void Non_partial_type_no_log_and_empty_payload_are_reported()
    {
        var (_, _, diagnostics) = GeneratorHost.Run("""
            using SafeShare;
            public sealed class Payload { public string Note { get; init; } = ""; }
            public class NotPartial
            {
                private readonly IDecisionLog _log = new InMemoryDecisionLog();
                [Share("MASH", "Multi-agency screening")]
                public partial DecisionRecord Share(Payload payload, DecisionDetails details);
            }
            public partial class NoLog
            {
                [Share("MASH", "Multi-agency screening")]
                public partial DecisionRecord Share(Payload payload, DecisionDetails details);
            }
            public partial class EmptyPayload
            {
                private static readonly IDecisionLog Log = new InMemoryDecisionLog();
                [Share("MASH", "Multi-agency screening")]
                public static partial DecisionRecord Share(Payload payload, DecisionDetails details);
            }
            """);
        var ids = diagnostics.Select(d => d.Id).ToList();
        Assert.Contains("SAFE901", ids);
        Assert.Contains("SAFE903", ids);
        Assert.Contains("SAFE905", ids);
        var message = diagnostics.First(d => d.Id == "SAFE901").GetMessage();
        Assert.Equal("'NotPartial.Share' is a declared share but its type 'NotPartial' is not partial; declare it 'partial' so SafeShare can generate the code that records the decision", message);
    }

    private static int Lines(string path) => System.IO.File.Exists(path) ? System.IO.File.ReadAllLines(path).Length : 0;

    internal static object Invoke(object target, string method, params object?[] arguments)
    {
        try
        {
            return target.GetType().GetMethod(method)!.Invoke(target, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
