using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SafeShare.Cli.Tests.Browser;
using SafeShare.Testing;
using Xunit.Abstractions;

namespace SafeShare.Cli.Tests;

/// <summary>
/// <c>safeshare report --format html</c>: the board pack as one self-contained page, opened in headless Chromium as a
/// reader would open it, with its data-flow map checked against the shares the assemblies declare.
/// </summary>
public sealed class BoardPackTests : IDisposable
{
    /// <summary>Shares of every kind the map must draw and mark, with a recipient whose name would break unescaped markup.</summary>
    private const string EveryKind = """
        using SafeShare;
        namespace Every.Kind
        {
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
            [RetainUntil(nameof(DateOfBirth), Years = 25)]
            public class KeptRecord
            {
                [PersonalData(Subject = DataSubject.Child)] public string Name { get; init; } = "";
                [PersonalData(Subject = DataSubject.Child)] public System.DateOnly DateOfBirth { get; init; }
            }

            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            public class HealthNote
            {
                [PersonalData(Subject = DataSubject.Child)] public string Name { get; init; } = "";
                [SpecialCategory(SpecialCategory.Health, Subject = DataSubject.Child)]
                [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
                public string Needs { get; init; } = "";
            }

            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            public class EthnicityNote
            {
                [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin, Subject = DataSubject.Child)] public string Origin { get; init; } = "";
            }

            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
            public class OffenceNote
            {
                [PersonalData(Subject = DataSubject.ThirdParty)] public string Name { get; init; } = "";
                [CriminalOffenceData(Subject = DataSubject.ThirdParty, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
                public string Summary { get; init; } = "";
            }

            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
            public class UnauthorisedOffenceNote
            {
                [CriminalOffenceData(Subject = DataSubject.ThirdParty)] public string Summary { get; init; } = "";
            }

            public class Unfounded
            {
                [PersonalData(Subject = DataSubject.Child)] public string Name { get; init; } = "";
            }

            [SharingAgreement("2026-05-01", LastReviewedOn = "2026-11-02", Reference = "ISP-1")]
            public partial class Agreed(IDecisionLog log)
            {
                private IDecisionLog Log { get; } = log;

                [Share("Police <script>alert('x')</script> & \"Partners\"", "Strategy discussion")]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
                public partial DecisionRecord ShareKept(KeptRecord payload, DecisionDetails details);
            }

            [SharingAgreement("1 May 2026")]
            public partial class Shares(IDecisionLog log)
            {
                private IDecisionLog Log { get; } = log;

                [Share("Health & Wellbeing Board", "Health with its condition")]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
                [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
                public partial DecisionRecord ShareHealth(HealthNote payload, DecisionDetails details);

                [Share("Health & Wellbeing Board", "Ethnicity with no condition")]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
                public partial DecisionRecord ShareEthnicity(EthnicityNote payload, DecisionDetails details);

                [Share("Youth Offending Team", "Offence with its authority")]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
                public partial DecisionRecord ShareOffence(OffenceNote payload, DecisionDetails details);

                [Share("Youth Offending Team", "Offence with no authority")]
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
                public partial DecisionRecord ShareUnauthorisedOffence(UnauthorisedOffenceNote payload, DecisionDetails details);

                [Share("Voluntary Sector Partner", "No basis anywhere")]
                public partial DecisionRecord ShareUnfounded(Unfounded payload, DecisionDetails details);
            }
        }
        """;

    private readonly ITestOutputHelper _output;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "safeshare-board-pack-" + Guid.NewGuid().ToString("N"));

    public BoardPackTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Html(params string[] arguments)
    {
        var result = Tool.InProcess(new[] { "report" }.Concat(arguments).Concat(new[] { "--format", "html", "--out", _folder }).ToArray());
        Assert.True(result.ExitCode == 0, result.ToString());
        var path = Path.Combine(_folder, "board-pack.html");
        Assert.Equal($"wrote {path}", result.Output.Trim());
        return path;
    }

    private string BuildEveryKind()
    {
        var (output, _) = CompilerRun.Generate(TestCompilation.Create(new[] { EveryKind }, TestCompilation.References, "Every.Kind"));
        var path = Path.Combine(_folder, "Every.Kind.dll");
        var emitted = output.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }

    [Fact]
    public async Task The_sample_board_pack_opens_offline_without_errors_and_maps_each_share_once_with_its_gaps()
    {
        var expected = BoardPackPage.Expected(Tool.SampleDll);
        Assert.Equal(4, expected.Count);
        var view = await BoardPackPage.CheckAsync(Html(Tool.SampleDll, "--date", "2026-12-01"), expected, "board-pack", _output);
        var text = view.GetProperty("text").GetString()!;
        Assert.Contains("Record of Processing Activities: CaseManagement", text);
        Assert.Contains("(g) Technical and organisational security measures (Art. 32)", text);
        Assert.Contains("Information Sharing Protocol (draft): PoliceReferrals.ReferForStrategyDiscussion", text);
    }

    [Fact]
    public async Task Shares_of_every_kind_are_drawn_with_exactly_the_gaps_their_declarations_have()
    {
        var dll = BuildEveryKind();
        var expected = BoardPackPage.Expected(dll);
        // The declarations above, each kind once: the derivation from the JSON must see what the source says.
        Assert.Equal(new[] { "Agreed.ShareKept" }, expected.Where(e => e.Gaps.Length == 0).Select(e => e.Share));
        Assert.Contains(expected, e => e.Share == "Shares.ShareEthnicity" && e.Gaps.Contains("article9") && e.PayloadGaps.Contains("article9"));
        Assert.Contains(expected, e => e.Share == "Shares.ShareUnauthorisedOffence" && e.Gaps.Contains("article10") && e.PayloadGaps.Contains("article10"));
        Assert.Contains(expected, e => e.Share == "Shares.ShareOffence" && !e.Gaps.Contains("article10"));
        Assert.Contains(expected, e => e.Share == "Shares.ShareHealth" && e.Gaps.SequenceEqual(new[] { "agreement" }) && e.PayloadGaps.SequenceEqual(new[] { "retention" }));
        Assert.Contains(expected, e => e.Share == "Agreed.ShareKept" && e.PayloadGaps.Length == 0);
        Assert.Contains(expected, e => e.Share == "Shares.ShareUnfounded" && e.Gaps.Contains("basis") && e.PayloadGaps.Contains("basis"));
        Assert.Equal(6, expected.Count);

        var html = Html(dll, "--date", "2026-12-01");
        var raw = File.ReadAllText(html);
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Police &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Partners&quot;", raw);
        await BoardPackPage.CheckAsync(html, expected, "board-pack-every-kind", _output);
    }

    [Fact]
    public void Every_kind_of_gap_is_named_in_the_text_alternative_not_only_drawn()
    {
        var raw = File.ReadAllText(Html(BuildEveryKind()));
        var table = raw.Substring(raw.IndexOf("<table class=\"flows\">", StringComparison.Ordinal));
        table = table.Substring(0, table.IndexOf("</table>", StringComparison.Ordinal));
        foreach (var words in new[] { "no Art. 9 condition", "no Art. 10 authority", "no retention rule", "no sharing agreement (To complete)" })
        {
            Assert.Contains(words, table);
        }
    }

    [Fact]
    public async Task The_browser_check_itself_sees_a_request_off_the_page_and_a_console_error()
    {
        // A check that cannot fail checks nothing: a page that fetches an image and logs an error must be caught.
        var page = Path.Combine(_folder, "leaky.html");
        File.WriteAllText(page, "<!DOCTYPE html><html lang=\"en-GB\"><title>t</title><img src=\"http://127.0.0.1:9/x.png\" alt=\"\"><script>console.error('boom')</script></html>");
        await using var browser = await HeadlessChromium.LaunchAsync();
        await browser.NavigateAsync(new Uri(page).AbsoluteUri);
        Assert.Contains(browser.Requests(), r => r.StartsWith("http://127.0.0.1:9/", StringComparison.Ordinal));
        Assert.Contains(browser.Errors(), e => e.Contains("boom", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_chromium_the_browser_tests_fail_saying_how_to_install_it()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => HeadlessChromium.Executable(null, new[] { Path.Combine(_folder, "chromium") }));
        Assert.Contains("apt-get install -y chromium", missing.Message);
    }

    [Fact]
    public void An_assembly_without_shares_gets_a_page_that_says_so_instead_of_an_empty_map()
    {
        const string Source = """
            using SafeShare;
            namespace Only.Records
            {
                [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
                public class Child { [PersonalData(Subject = DataSubject.Child)] public string Name { get; init; } = ""; }
            }
            """;
        var (output, _) = CompilerRun.Generate(TestCompilation.Create(new[] { Source }, TestCompilation.References, "Only.Records"));
        var dll = Path.Combine(_folder, "Only.Records.dll");
        Assert.True(output.Emit(dll).Success);
        var raw = File.ReadAllText(Html(dll));
        Assert.Contains("No declared shares: no personal data flows to another organisation under a declared share.", raw);
        Assert.DoesNotContain("<svg class=\"map\"", raw);
        Assert.DoesNotContain("class=\"protocol\"", raw);
        Assert.Contains("<h3>(f) Time limits for erasure</h3>", raw);
    }

    [Fact]
    public void Html_needs_a_folder_and_a_writable_one()
    {
        var noOut = Tool.InProcess("report", Tool.SampleDll, "--format", "html");
        Assert.Equal(2, noOut.ExitCode);
        Assert.Equal("safeshare: --format html writes one file, board-pack.html: give the folder to write it to with --out <folder>.", noOut.Error.Trim());
        Assert.Equal(string.Empty, noOut.Output);

        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "x");
        var underFile = Tool.InProcess("report", Tool.SampleDll, "--format", "html", "--out", Path.Combine(file, "pack"));
        Assert.Equal(2, underFile.ExitCode);
        Assert.StartsWith("safeshare: Cannot write the report to ", underFile.Error);
        Assert.Single(underFile.Error.TrimEnd().Split('\n'));

        var isFile = Tool.InProcess("report", Tool.SampleDll, "--format", "html", "--out", file);
        Assert.Equal(2, isFile.ExitCode);
        Assert.Contains("is a file; give a folder.", isFile.Error);
    }

    [Fact]
    public void The_committed_sample_board_pack_is_what_the_tool_writes_for_the_sample()
    {
        var root = BoardPackPage.RepoRoot();
        Assert.True(root is not null, "The tests do not run from a clone of the repository.");
        var committed = Path.Combine(root, "docs", "board-pack", "board-pack.html");
        Assert.True(File.Exists(committed), $"{committed} is missing");
        // The page documents the command that writes it; the test runs the same arguments.
        Assert.Contains("-- report samples/CaseManagement/bin/Debug/net10.0/CaseManagement.dll --format html --out docs/board-pack --date 2026-12-01\n", File.ReadAllText(Path.Combine(root, "docs", "board-pack.md")));
        var generated = File.ReadAllText(Html(Tool.SampleDll, "--date", "2026-12-01"));
        Assert.True(
            generated == File.ReadAllText(committed).Replace("\r\n", "\n"),
            "docs/board-pack/board-pack.html is out of date: regenerate it with the command in docs/board-pack.md.");
    }
}
