using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>An Art. 6(1)(ea) share records the UK GDPR Annex 1 condition it relies on, in the record, the inventory and the log.</summary>
public class RecognisedLegitimateInterestRecordTests
{
    private const string Source = """
        using System;
        using SafeShare;

        namespace School.Sharing
        {
            [LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Annex1 = Annex1Condition.SafeguardingVulnerableIndividual)]
            public sealed class WelfareConcern
            {
                [PersonalData(Subject = DataSubject.Child)] public string PupilName { get; init; } = "";
            }

            public partial class FrontDoorReferrals
            {
                private readonly IDecisionLog _log;
                public FrontDoorReferrals(IDecisionLog log) => _log = log;

                [Share("Children's Social Care – Front Door", "Assessment requested by the local authority")]
                [LawfulBasis(LawfulBasis.RecognisedLegitimateInterest, Annex1 = Annex1Condition.DisclosureForPublicTask)]
                public partial DecisionRecord Refer(WelfareConcern payload, DecisionDetails details);
            }
        }
        """;

    [Fact]
    public void The_record_the_generated_comment_the_inventory_and_the_log_name_the_Annex1_condition()
    {
        var (_, output, diagnostics) = GeneratorHost.Run(Source);
        Assert.Empty(diagnostics);
        var shareSource = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Refer.Share.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("Lawful basis: UK GDPR Art. 6(1)(ea) recognised legitimate interest, meeting UK GDPR Annex 1 para 1 (disclosure for public task).", shareSource);
        Assert.Contains("Annex1 = global::SafeShare.Annex1Condition.DisclosureForPublicTask,", shareSource);

        var assembly = GeneratorHost.CompileAndLoad(output);
        var json = (string)assembly.GetType("SafeShare.Generated.DataInventory")!.GetField("Json")!.GetValue(null)!;
        using var document = JsonDocument.Parse(json);
        var share = document.RootElement.GetProperty("shares")[0];
        Assert.Equal("DisclosureForPublicTask", share.GetProperty("annex1").GetString());
        Assert.Equal(1, share.GetProperty("annex1Paragraph").GetInt32());
        Assert.Equal(6, document.RootElement.GetProperty("types")[0].GetProperty("annex1Paragraph").GetInt32());

        var path = Path.Combine(Path.GetTempPath(), "safeshare-ea-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var log = new JsonLinesDecisionLog(path);
            var referrals = Activator.CreateInstance(assembly.GetType("School.Sharing.FrontDoorReferrals")!, log)!;
            var payload = Activator.CreateInstance(assembly.GetType("School.Sharing.WelfareConcern")!)!;
            var record = (DecisionRecord)ShareGeneratorTests.Invoke(referrals, "Refer", payload, new DecisionDetails("J. Okafor, Designated Safeguarding Lead", "PUPIL-118", Consent.NotRequired("Disclosure requested by the local authority for its s17 assessment")) { Reasons = "The council asked for the school's concerns for its assessment" });

            Assert.Equal(LawfulBasis.RecognisedLegitimateInterest, record.LawfulBasis);
            Assert.Equal(Annex1Condition.DisclosureForPublicTask, record.Annex1);
            Assert.Equal(Annex1Condition.DisclosureForPublicTask, Assert.Single(log.ReadAll()).Decision!.Annex1);
            Assert.Contains("\"annex1\":\"DisclosureForPublicTask\"", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
