using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>
/// Criminal offence data keeps what authorises it (UK GDPR Art. 10; DPA 2018 s10(5)) from the annotation to the data
/// inventory and to every decision record of a share that carries it, through the decision log and back.
/// </summary>
public class CriminalOffenceDataRecordTests
{
    private const string Source = """
        using System;
        using SafeShare;

        [assembly: AppropriatePolicyDocument("IG-POL-14")]

        namespace CaseManagement.Sharing
        {
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
            public sealed class HouseholdRisk
            {
                [PersonalData(Subject = DataSubject.ThirdParty)] public string AdultName { get; init; } = "";

                [CriminalOffenceData(Subject = DataSubject.ThirdParty, OfficialAuthority = "Police common-law power (Domestic Violence Disclosure Scheme)")]
                public string? PoliceDisclosure { get; init; }

                [CriminalOffenceData(Subject = DataSubject.ThirdParty, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
                public string? SocialWorkerNote { get; init; }
            }

            public partial class ConferenceShares
            {
                private readonly IDecisionLog _log;
                public ConferenceShares(IDecisionLog log) => _log = log;

                [Share("Initial child protection conference", "Risk posed by an adult in the household")]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
                public partial DecisionRecord ShareRisk(HouseholdRisk payload, DecisionDetails details);
            }
        }
        """;

    [Fact]
    public void The_inventory_records_the_Article10_authority_of_each_member_and_share_field()
    {
        var (_, output, diagnostics) = GeneratorHost.Run(Source);
        Assert.Empty(diagnostics);
        var assembly = GeneratorHost.CompileAndLoad(output);
        var json = (string)assembly.GetType("SafeShare.Generated.DataInventory")!.GetField("Json")!.GetValue(null)!;

        using var document = JsonDocument.Parse(json);
        var members = document.RootElement.GetProperty("types")[0].GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.False(members["AdultName"].TryGetProperty("article10", out _));
        var police = members["PoliceDisclosure"].GetProperty("article10");
        Assert.Equal("Police common-law power (Domestic Violence Disclosure Scheme)", police.GetProperty("officialAuthority").GetString());
        Assert.Equal(JsonValueKind.Null, police.GetProperty("schedule1").ValueKind);
        var note = members["SocialWorkerNote"].GetProperty("article10");
        Assert.Equal("SafeguardingOfChildrenAndIndividualsAtRisk", note.GetProperty("schedule1").GetString());
        Assert.Equal(18, note.GetProperty("schedule1Paragraph").GetInt32());

        var fields = document.RootElement.GetProperty("shares")[0].GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(18, fields["SocialWorkerNote"].GetProperty("article10").GetProperty("schedule1Paragraph").GetInt32());

        var inventorySource = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("SafeShare.DataInventory.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("PoliceDisclosure (criminal offence data); UK GDPR Art. 10, under the control of official authority (Police common-law power (Domestic Violence Disclosure Scheme))", inventorySource);
        Assert.Contains("SocialWorkerNote (criminal offence data); UK GDPR Art. 10, with DPA 2018 Schedule 1 para 18 (safeguarding of children and individuals at risk)", inventorySource);
    }

    [Fact]
    public void Each_decision_record_carries_the_authority_with_the_field_and_the_log_keeps_it()
    {
        var (_, output, _) = GeneratorHost.Run(Source);
        var assembly = GeneratorHost.CompileAndLoad(output);
        var path = Path.Combine(Path.GetTempPath(), "safeshare-art10-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var log = new JsonLinesDecisionLog(path);
            var shares = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.ConferenceShares")!, log)!;
            var payload = Activator.CreateInstance(assembly.GetType("CaseManagement.Sharing.HouseholdRisk")!)!;
            var details = new DecisionDetails("A. Patel, Team Manager", "CASE-9", Consent.NotSought("Seeking consent from the adult would put the child at risk"))
            {
                Reasons = "The adult's history bears on the child's safety at home",
            };

            var record = (DecisionRecord)ShareGeneratorTests.Invoke(shares, "ShareRisk", payload, details);

            var police = record.Fields.Single(f => f.Name == "PoliceDisclosure");
            Assert.Equal(DataKind.CriminalOffence, police.Kind);
            Assert.Equal("Police common-law power (Domestic Violence Disclosure Scheme)", police.OfficialAuthority);
            Assert.Equal(Schedule1Condition.None, police.Article10Condition);
            var note = record.Fields.Single(f => f.Name == "SocialWorkerNote");
            Assert.Equal(Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk, note.Article10Condition);
            Assert.Null(note.OfficialAuthority);

            var read = Assert.Single(log.ReadAll()).Decision!;
            Assert.Equal("Police common-law power (Domestic Violence Disclosure Scheme)", read.Fields.Single(f => f.Name == "PoliceDisclosure").OfficialAuthority);
            Assert.Equal(Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk, read.Fields.Single(f => f.Name == "SocialWorkerNote").Article10Condition);
            Assert.True(log.Verify().IsIntact);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
