using System;
using System.IO;
using System.Linq;

namespace SafeShare.Tests.Log;

/// <summary>What goes into the log comes back out, field by field, in the order it went in.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Consents() => new() { "obtained", "not-sought", "refused", "not-required", "not-required-with-reason", "refused-and-respected", "withdrawn" };

    private static Consent ConsentFor(string kind) => kind switch
    {
        "obtained" => Consent.Obtained("Kelly Marsh (mother)", new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.FromHours(1))),
        "not-sought" => Consent.NotSought("Would alert the mother's partner"),
        "refused" => Consent.RefusedAndOverridden("Mother refused; the MASH needs the health picture"),
        "not-required" => Consent.NotRequired(),
        "refused-and-respected" => Consent.RefusedAndRespected("Kelly Marsh (mother)", "No risk of significant harm; her refusal is respected"),
        "withdrawn" => Consent.Withdrawn("Kelly Marsh (mother)", new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(1))),
        _ => Consent.NotRequired("Statutory duty: Education Act 2002 s175"),
    };

    [Theory]
    [MemberData(nameof(Consents))]
    public void A_decision_reads_back_equal_field_by_field(string consent)
    {
        var path = _folder.File("decisions.jsonl");
        var written = new DecisionRecord
        {
            DecidedAt = new DateTimeOffset(2026, 11, 20, 15, 42, 7, 123, TimeSpan.FromHours(-5)).AddTicks(4567),
            DecidedBy = "J. Patel, \"DSL\", Fairfield Primary\nsecond line\ttab – ✓ ünïcödé",
            SubjectReference = "CS-2021-00230",
            Outcome = DecisionOutcome.NotShared,
            Share = "SchoolReferrals.ReferToFrontDoor",
            Recipient = "Children's Social Care – Front Door",
            Purpose = "Referral of a child who may be in need (Children Act 1989 s17)",
            LawfulBasis = LawfulBasis.LegalObligation,
            Gateway = null,
            Article9Condition = null,
            Schedule1 = Schedule1Condition.None,
            Consent = ConsentFor(consent),
            Risk = (RiskLevel)42,
            Fields = new[]
            {
                new SharedField("PupilName", DataKind.Personal),
                new SharedField("Ethnicity", DataKind.SpecialCategory, SpecialCategory.RacialOrEthnicOrigin),
                new SharedField("Caution", DataKind.CriminalOffence),
            },
            Reasons = null,
        };

        var log = new JsonLinesDecisionLog(path);
        log.Append(written);
        var read = Assert.Single(log.ReadAll());

        Assert.Equal(1, read.LineNumber);
        Assert.Equal(1, read.Sequence);
        Assert.Null(read.Disclosure);
        var d = read.Decision!;
        Assert.Equal(written.Id, d.Id);
        Assert.Equal(written.DecidedAt, d.DecidedAt);
        Assert.Equal(written.DecidedAt.Offset, d.DecidedAt.Offset);
        Assert.Equal(written.DecidedAt.Ticks, d.DecidedAt.Ticks);
        Assert.Equal(written.DecidedBy, d.DecidedBy);
        Assert.Equal(written.SubjectReference, d.SubjectReference);
        Assert.Equal(written.Outcome, d.Outcome);
        Assert.Equal(written.Share, d.Share);
        Assert.Equal(written.Recipient, d.Recipient);
        Assert.Equal(written.Purpose, d.Purpose);
        Assert.Equal(written.LawfulBasis, d.LawfulBasis);
        Assert.Equal(written.Gateway, d.Gateway);
        Assert.Equal(written.Article9Condition, d.Article9Condition);
        Assert.Equal(written.Schedule1, d.Schedule1);
        Assert.Equal(written.Consent, d.Consent);
        Assert.Equal(written.Consent.ObtainedAt?.Offset, d.Consent.ObtainedAt?.Offset);
        Assert.Equal(written.Risk, d.Risk);
        Assert.Equal(written.Fields.Select(f => (f.Name, f.Kind, f.Category)), d.Fields.Select(f => (f.Name, f.Kind, f.Category)));
        Assert.Equal(written.Reasons, d.Reasons);
    }

    [Fact]
    public void The_para18_reason_who_was_consulted_who_asked_and_Article10_authority_read_back_equal()
    {
        var path = _folder.File("decisions.jsonl");
        var written = new DecisionRecord
        {
            DecidedAt = new DateTimeOffset(2026, 11, 20, 15, 42, 0, TimeSpan.Zero),
            DecidedBy = "A. Patel, Team Manager",
            SubjectReference = "CS-2024-00417",
            Outcome = DecisionOutcome.Shared,
            Share = "ConferenceReports.ShareHouseholdRisk",
            Recipient = "Initial child protection conference",
            Purpose = "Risk an adult in the household poses to the child",
            LawfulBasis = LawfulBasis.RecognisedLegitimateInterest,
            Annex1 = Annex1Condition.SafeguardingVulnerableIndividual,
            Article9Condition = Article9Condition.SubstantialPublicInterest,
            Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk,
            Consent = Consent.NotSought("Would alert the adult"),
            Fields = new[] { SharedField.CriminalOffence("SocialWorkerRiskNote", Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk, "Police common-law power") },
            Reasons = "The adult's history bears on the child's safety",
            Paragraph18Reason = Paragraph18Reason.ConsentWouldPrejudiceProtection,
            ConsultedWith = "Designated Safeguarding Lead",
            RequestedBy = "Conference chair",
        };

        var log = new JsonLinesDecisionLog(path);
        log.Append(written);
        var d = Assert.Single(log.ReadAll()).Decision!;

        Assert.Equal(written.Annex1, d.Annex1);
        Assert.Equal(written.Paragraph18Reason, d.Paragraph18Reason);
        Assert.Equal(written.ConsultedWith, d.ConsultedWith);
        Assert.Equal(written.RequestedBy, d.RequestedBy);
        var field = Assert.Single(d.Fields);
        Assert.Equal(Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk, field.Article10Condition);
        Assert.Equal("Police common-law power", field.OfficialAuthority);
        Assert.True(log.Verify().IsIntact);
    }

    [Fact]
    public void A_decision_with_every_condition_reads_back_equal()
    {
        var path = _folder.File("decisions.jsonl");
        var written = LogFiles.Decision("CS-2024-00417");
        var log = new JsonLinesDecisionLog(path);
        log.Append(written);
        var d = Assert.Single(log.ReadAll()).Decision!;
        Assert.Equal(written.Id, d.Id);
        Assert.Equal(written.DecidedAt, d.DecidedAt);
        Assert.Equal(written.Gateway, d.Gateway);
        Assert.Equal(written.Article9Condition, d.Article9Condition);
        Assert.Equal(written.Schedule1, d.Schedule1);
        Assert.Equal(written.Consent, d.Consent);
        Assert.Equal(written.Reasons, d.Reasons);
        Assert.Equal(written.Fields.Select(f => (f.Name, f.Kind, f.Category)), d.Fields.Select(f => (f.Name, f.Kind, f.Category)));
    }

    [Fact]
    public void A_disclosure_reads_back_equal_field_by_field()
    {
        var path = _folder.File("decisions.jsonl");
        var written = new DisclosureRecord
        {
            DecisionId = Guid.NewGuid(),
            SubjectReference = "CS-2024-00417",
            SentAt = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.FromHours(1)),
            Recipient = "Multi-Agency Safeguarding Hub",
            FieldsSent = new[] { "NhsNumber", "DevelopmentalConcerns" },
            Channel = "MASH secure portal",
            Encrypted = true,
            Outcome = DisclosureOutcome.Sent,
            Detail = "receipt 7781",
        };

        var log = new JsonLinesDecisionLog(path);
        log.Append(written);
        var read = Assert.Single(log.ReadAll());
        Assert.Null(read.Decision);
        var d = read.Disclosure!;
        Assert.Equal(written.Id, d.Id);
        Assert.Equal(written.DecisionId, d.DecisionId);
        Assert.Equal(written.SubjectReference, d.SubjectReference);
        Assert.Equal(written.SentAt, d.SentAt);
        Assert.Equal(written.SentAt.Offset, d.SentAt.Offset);
        Assert.Equal(written.Recipient, d.Recipient);
        Assert.Equal(written.FieldsSent, d.FieldsSent);
        Assert.Equal(written.Channel, d.Channel);
        Assert.Equal(written.Encrypted, d.Encrypted);
        Assert.Equal(written.Outcome, d.Outcome);
        Assert.Equal(written.Detail, d.Detail);
        Assert.Equal(written.SentAt, read.At);
        Assert.Equal("CS-2024-00417", read.SubjectReference);
    }

    [Fact]
    public void Records_read_back_in_order_and_by_subject()
    {
        var path = _folder.File("decisions.jsonl");
        var log = new JsonLinesDecisionLog(path);
        for (var i = 0; i < 30; i++)
        {
            log.Append(LogFiles.Decision("CS-" + (i % 3), i));
        }

        var all = log.ReadAll().ToList();
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), all.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), all.Select(e => e.LineNumber));
        var one = log.ReadSubject("CS-1").ToList();
        Assert.Equal(10, one.Count);
        Assert.All(one, e => Assert.Equal("CS-1", e.SubjectReference));
        Assert.Empty(log.ReadSubject("CS-99"));
        Assert.Empty(log.ReadSubject("cs-1"));
    }

    [Fact]
    public void A_line_holds_references_and_field_names_and_chains_to_the_previous_line()
    {
        var path = _folder.File("decisions.jsonl");
        var log = LogFiles.Written(path, 2);
        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"v\":1,\"seq\":1,\"prev\":\"" + JsonLinesDecisionLog.Genesis + "\",\"kind\":\"decision\"", lines[0]);
        Assert.Contains("\"recipient\":\"Police – Child Abuse Investigation Team\"", lines[0]);
        Assert.Contains("{\"name\":\"RelevantHealthInformation\",\"kind\":\"SpecialCategory\",\"category\":\"Health\"}", lines[0]);
        var first = log.ReadAll().First();
        Assert.EndsWith(",\"hash\":\"" + first.Hash + "\"}", lines[0]);
        Assert.StartsWith("{\"v\":1,\"seq\":2,\"prev\":\"" + first.Hash + "\"", lines[1]);
        var verification = log.Verify();
        Assert.True(verification.IsIntact, verification.ToString());
        Assert.Equal(2, verification.Records);
        Assert.Equal(2, verification.HeadSequence);
        Assert.Equal(log.ReadAll().Last().Hash, verification.HeadHash);
    }

    [Fact]
    public void Two_instances_on_one_file_continue_one_chain()
    {
        var path = _folder.File("decisions.jsonl");
        var a = new JsonLinesDecisionLog(path);
        var b = new JsonLinesDecisionLog(path);
        for (var i = 0; i < 10; i++)
        {
            (i % 2 == 0 ? a : b).Append(LogFiles.Decision("CS-" + i, i));
        }

        Assert.True(JsonLinesDecisionLog.Verify(path).IsIntact);
        Assert.Equal(10, a.ReadAll().Count());
    }
}
