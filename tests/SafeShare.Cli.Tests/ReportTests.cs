using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SafeShare.Cli.Tests;

/// <summary><c>safeshare report</c> on the sample's assembly: the RoPA and one draft ISP per declared share.</summary>
public sealed class ReportTests : IDisposable
{
    private static readonly string[] Shares =
    {
        "ConferenceReports.ShareHouseholdRisk",
        "HealthToMash.ShareHealthSummary",
        "PoliceReferrals.ReferForStrategyDiscussion",
        "SchoolReferrals.ReferToFrontDoor",
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "safeshare-report-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Markdown_has_the_article_30_headings_and_a_protocol_per_share_with_the_appendix_3_headings()
    {
        var result = Tool.Process("report", Tool.SampleDll, "--date", "2026-11-20");
        Assert.True(result.ExitCode == 0, result.ToString());
        var md = result.Output;
        Assert.StartsWith("# Record of Processing Activities: CaseManagement", md);
        foreach (var heading in new[]
        {
            "## (a) Controller and Data Protection Officer",
            "## (b) Purposes of the processing",
            "## (c) Categories of data subjects and of personal data",
            "## (d) Categories of recipients",
            "## (e) Transfers to third countries or international organisations",
            "## (f) Time limits for erasure",
            "## (g) Technical and organisational security measures (Art. 32)",
            "## Special category and criminal offence data (DPA 2018 Schedule 1 para 41)",
        })
        {
            Assert.Contains(heading, md);
        }

        Assert.Contains("| Child | 25 years after DateOfBirth, reviewed every 5 years |", md);
        Assert.Contains("| Assessment | HealthNeeds | special category: health |", md);
        Assert.Contains("Appropriate policy document: Children's Services APD", md);

        var protocols = md.Split("# Information Sharing Protocol (draft): ").Skip(1).ToList();
        Assert.Equal(Shares, protocols.Select(p => p.Substring(0, p.IndexOf('\n')).Trim()));
        foreach (var protocol in protocols)
        {
            // Buckinghamshire Code of Practice Appendix 3, in its order.
            var headings = new[]
            {
                "Description of data flow", "Date", "Version", "Information Asset Owner sharing data", "Information Asset Owner receiving data",
                "Purpose for sharing", "Type of information", "Legal basis for sharing", "Data sets", "How will the data be transferred?",
                "How and where will the data be stored?", "Limitations to use", "Duration of this DSP",
                "How will the data be disposed of or destroyed on completion of this term?", "Privacy Impact Assessment (PIA)",
                "Any supporting documents", "Contact details for persons who can be contacted regarding this protocol", "Position (usually SIRO)",
            };
            var positions = headings.Select(h => protocol.IndexOf(h, StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.OrderBy(p => p), positions);
        }

        var police = protocols[2];
        Assert.Contains("| **Purpose for sharing** | Strategy discussion: reasonable cause to suspect significant harm (Children Act 1989 s47) |", police);
        Assert.Contains("Lawful basis: UK GDPR Art. 6(1)(e) public task, under Children Act 1989 s47", police);
        Assert.Contains("Special category condition: UK GDPR Art. 9(2)(g) substantial public interest, with DPA 2018 Schedule 1 para 18", police);
        Assert.Contains("RelevantHealthInformation (special category: health)", police);
        Assert.Contains("| **Date** | 2026-11-20 |", police);
        Assert.Contains("A DPIA is likely to be required", police);
        Assert.Contains("| **Duration of this DSP** | Agreed 2026-05-01 (ISP-2026-03 Children's Social Care and Police); last reviewed 2026-11-02; next review 2027-11-02 (reviewed first six months after it is agreed, then annually, and whenever the declared share changes).", police);
        var school = protocols[3];
        Assert.Contains("PupilName (personal)<br>UniquePupilNumber (personal)<br>WhatWasSeenOrSaid (personal) |", school);
        Assert.DoesNotContain("ParentName", school); // not in the share's Fields
        Assert.Contains("| **Duration of this DSP** | *To complete:* the term of this protocol and when it was agreed ([SharingAgreement] on the share); it is reviewed first six months after it is agreed, then annually", school);
    }

    [Fact]
    public void Criminal_offence_data_appears_with_its_Article10_authority_in_the_record_and_the_protocol()
    {
        var result = Tool.Process("report", Tool.SampleDll, "--date", "2026-11-20");
        Assert.True(result.ExitCode == 0, result.ToString());
        var md = result.Output;
        var ropa = md.Substring(0, md.IndexOf("# Information Sharing Protocol (draft): ", StringComparison.Ordinal));

        Assert.Contains("| PoliceDisclosure | OffenceSummary | criminal offence data (Art. 10) | UK GDPR Art. 6(1)(e) public task, under Crime and Disorder Act 1998 s115; UK GDPR Art. 10, under the control of official authority (Domestic Violence Disclosure Scheme / Child Sex Offender Disclosure Scheme (police common-law power)) |", ropa);
        Assert.Contains("| PoliceDisclosure | SocialWorkerRiskNote | criminal offence data (Art. 10) | UK GDPR Art. 6(1)(e) public task, under Crime and Disorder Act 1998 s115; UK GDPR Art. 10, with DPA 2018 Schedule 1 para 18 (safeguarding of children and individuals at risk) |", ropa);
        Assert.DoesNotContain("no Schedule 1 condition", ropa);

        var conference = md.Split("# Information Sharing Protocol (draft): ").Single(p => p.StartsWith("ConferenceReports.ShareHouseholdRisk", StringComparison.Ordinal));
        Assert.Contains("Criminal offence data (Art. 10)", conference);
        Assert.Contains("Criminal offence data condition (SocialWorkerRiskNote): UK GDPR Art. 10, with DPA 2018 Schedule 1 para 18 (safeguarding of children and individuals at risk)", conference);
    }

    [Fact]
    public void Json_carries_the_same_report()
    {
        var result = Tool.InProcess("report", Tool.SampleDll, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("safeshare-report/1", root.GetProperty("schema").GetString());
        Assert.Equal("CaseManagement", root.GetProperty("assembly").GetString());
        Assert.Equal(Shares, root.GetProperty("protocols").EnumerateArray().Select(p => p.GetProperty("share").GetString()));
        var ropa = root.GetProperty("recordOfProcessing");
        Assert.Equal(Shares.Length, ropa.GetProperty("recipients").GetArrayLength());
        Assert.Contains(ropa.GetProperty("retention").EnumerateArray(), r => r.GetProperty("record").GetString() == "Child");
    }

    [Fact]
    public void Out_writes_one_file_for_the_record_and_one_per_protocol()
    {
        var result = Tool.InProcess("report", Tool.SampleDll, "--out", _folder);
        Assert.Equal(0, result.ExitCode);
        var files = Directory.GetFiles(_folder).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "isp-ConferenceReports-ShareHouseholdRisk.md", "isp-HealthToMash-ShareHealthSummary.md", "isp-PoliceReferrals-ReferForStrategyDiscussion.md", "isp-SchoolReferrals-ReferToFrontDoor.md", "record-of-processing.md" }, files);
        Assert.Equal(Shares.Length + 1, result.Output.Trim().Split('\n').Length);

        var json = Tool.InProcess("report", Tool.SampleDll, "--format", "json", "--out", _folder);
        Assert.Equal(0, json.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder, "safeshare-report.json")));
    }

    [Fact]
    public void The_assembly_is_read_not_loaded()
    {
        Tool.InProcess("report", Tool.SampleDll);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "CaseManagement");
    }
}
