using System;
using System.Linq;
using SafeShare.Cli.Report;

namespace SafeShare.Cli.Tests;

/// <summary>
/// A share on UK GDPR Art. 6(1)(ea), as an independent school's assembly would carry it: the report names the Annex 1
/// condition wherever it names the basis, and says the basis is not for a public authority performing its tasks.
/// </summary>
public sealed class RecognisedLegitimateInterestReportTests
{
    // The manifest as the generator writes it for such a share (schema safeshare-inventory/1).
    private const string Manifest = """
        {"schema":"safeshare-inventory/1","assembly":"SchoolSafeguarding","types":[{"type":"School.Sharing.WelfareConcern","subject":"Child","retention":"25 years after RecordedOn","lawfulBasis":"RecognisedLegitimateInterest","gateway":null,"article9Condition":null,"schedule1":null,"schedule1Paragraph":null,"basisInLaw":null,"annex1":"SafeguardingVulnerableIndividual","annex1Paragraph":6,"members":[{"name":"PupilName","kind":"Personal","categories":[],"subject":"Child","lawfulBasis":"RecognisedLegitimateInterest","gateway":null,"article9Condition":null,"schedule1":null,"schedule1Paragraph":null,"basisInLaw":null,"annex1":"SafeguardingVulnerableIndividual","annex1Paragraph":6}]}],
        "shares":[{"name":"FrontDoorReferrals.Refer","recipient":"Children's Social Care – Front Door","purpose":"Assessment requested by the local authority","payload":"School.Sharing.WelfareConcern","lawfulBasis":"RecognisedLegitimateInterest","gateway":null,"article9Condition":null,"schedule1":null,"schedule1Paragraph":null,"basisInLaw":null,"annex1":"DisclosureForPublicTask","annex1Paragraph":1,"fields":[{"name":"PupilName","kind":"Personal","category":null}]}]}
        """;

    [Fact]
    public void The_record_of_processing_and_the_protocol_name_the_Annex1_condition()
    {
        var inventory = Inventory.Parse(Manifest, "SchoolSafeguarding", "1.0.0.0", null, "SchoolSafeguarding.dll");
        var report = ProcessingReport.From(inventory, new DateOnly(2026, 11, 20));

        var ropa = MarkdownReport.RecordOfProcessing(report);
        Assert.Contains("UK GDPR Art. 6(1)(ea) recognised legitimate interest, meeting UK GDPR Annex 1 para 6 (safeguarding vulnerable individual)", ropa);
        Assert.Contains("| Sharing with Children's Social Care – Front Door | Assessment requested by the local authority | UK GDPR Art. 6(1)(ea) recognised legitimate interest, meeting UK GDPR Annex 1 para 1 (disclosure for public task) |", ropa);

        var protocol = MarkdownReport.Protocol(report, report.Protocols.Single());
        Assert.Contains("Lawful basis: UK GDPR Art. 6(1)(ea) recognised legitimate interest, meeting UK GDPR Annex 1 para 1 (disclosure for public task)", protocol);
        Assert.Contains("Not available to a public authority performing its tasks (UK GDPR Art. 6(1), final subparagraph)", protocol);
    }

    [Fact]
    public void An_agreement_never_reviewed_is_first_reviewed_six_months_after_it_was_agreed()
    {
        var manifest = Manifest.Replace("\"fields\":[", "\"agreement\":{\"agreedOn\":\"2026-02-05\",\"lastReviewedOn\":null,\"reference\":null},\"fields\":[");
        var report = ProcessingReport.From(Inventory.Parse(manifest, "SchoolSafeguarding", "1.0.0.0", null, "SchoolSafeguarding.dll"), new DateOnly(2026, 11, 20));
        Assert.StartsWith("Agreed 2026-02-05; last reviewed not yet; next review 2026-08-05 (", report.Protocols.Single().Duration, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_without_Annex1_members_reads_as_before()
    {
        var inventory = Inventory.Parse(Manifest.Replace(",\"annex1\":\"DisclosureForPublicTask\",\"annex1Paragraph\":1", string.Empty), "SchoolSafeguarding", "1.0.0.0", null, "SchoolSafeguarding.dll");
        var share = inventory.Shares.Single();
        Assert.Null(share.Basis.Annex1);
        Assert.Contains("with no UK GDPR Annex 1 condition recorded", Legal.LawfulBasis(share.Basis));
    }
}
