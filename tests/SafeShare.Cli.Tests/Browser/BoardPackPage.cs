using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace SafeShare.Cli.Tests.Browser;

/// <summary>What the map should show for one share: worked out from the JSON report's words, not from the map's code.</summary>
public sealed record ExpectedFlow(string Share, string Payload, string Recipient, string[] Gaps, string[] PayloadGaps);

/// <summary>Opens a generated board pack in headless Chromium and checks it as a reader's browser sees it.</summary>
public static class BoardPackPage
{
    /// <summary>
    /// The shares and their gaps, read from <c>safeshare report --format json</c> for the same assemblies: a share lacks
    /// a basis or condition where its protocol's legal basis says "none recorded", an agreement where its duration is
    /// to complete; its payload lacks what the record of processing says it lacks.
    /// </summary>
    public static IReadOnlyList<ExpectedFlow> Expected(params string[] reportArguments)
    {
        var result = Tool.InProcess(new[] { "report" }.Concat(reportArguments).Concat(new[] { "--format", "json" }).ToArray());
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        var ropa = root.GetProperty("recordOfProcessing");
        var flows = new List<ExpectedFlow>();
        foreach (var protocol in root.GetProperty("protocols").EnumerateArray())
        {
            var share = protocol.GetProperty("share").GetString()!;
            var legal = protocol.GetProperty("legalBasisForSharing").EnumerateArray().Select(l => l.GetString()!).ToArray();
            var gaps = new List<string>();
            if (legal.Any(l => l.StartsWith("Lawful basis: none recorded", StringComparison.Ordinal)))
            {
                gaps.Add("basis");
            }

            if (legal.Any(l => l.StartsWith("Special category condition: none recorded", StringComparison.Ordinal)))
            {
                gaps.Add("article9");
            }

            if (legal.Any(l => l.StartsWith("Criminal offence data condition", StringComparison.Ordinal) && l.Contains("NONE RECORDED", StringComparison.Ordinal)))
            {
                gaps.Add("article10");
            }

            if (protocol.GetProperty("duration").GetString()!.StartsWith("To complete: ", StringComparison.Ordinal))
            {
                gaps.Add("agreement");
            }

            var recipient = ropa.GetProperty("recipients").EnumerateArray().Single(r => r.GetProperty("share").GetString() == share);
            var information = recipient.GetProperty("information").GetString()!;
            var payload = information.Substring(0, information.IndexOf(':'));
            bool Row(string table, Func<JsonElement, bool> match) =>
                ropa.GetProperty(table).EnumerateArray().Any(r => Record(r) == payload && match(r));
            var payloadGaps = new List<string>();
            if (Row("personalData", r => r.GetProperty("lawfulBasis").GetString()!.StartsWith("none recorded", StringComparison.Ordinal)))
            {
                payloadGaps.Add("basis");
            }

            if (Row("specialCategoryAndCriminalOffenceData", r => !r.GetProperty("category").GetString()!.StartsWith("criminal offence", StringComparison.Ordinal) && r.GetProperty("condition").GetString()!.StartsWith("NONE RECORDED", StringComparison.Ordinal)))
            {
                payloadGaps.Add("article9");
            }

            if (Row("specialCategoryAndCriminalOffenceData", r => r.GetProperty("category").GetString()!.StartsWith("criminal offence", StringComparison.Ordinal) && r.GetProperty("condition").GetString()!.Contains("NONE RECORDED", StringComparison.Ordinal)))
            {
                payloadGaps.Add("article10");
            }

            if (!Row("retention", r => !r.GetProperty("retention").GetString()!.StartsWith("NONE RECORDED", StringComparison.Ordinal)))
            {
                payloadGaps.Add("retention");
            }

            flows.Add(new ExpectedFlow(share, payload, recipient.GetProperty("recipient").GetString()!, gaps.Order().ToArray(), payloadGaps.Order().ToArray()));
        }

        return flows;
    }

    // A system's record names the assembly after the type: "Person (Council.Domain)".
    private static string Record(JsonElement row)
    {
        var record = row.GetProperty("record").GetString()!;
        var space = record.IndexOf(" (", StringComparison.Ordinal);
        return space < 0 ? record : record.Substring(0, space);
    }

    /// <summary>Where a person finds the screenshots: TestResults/screenshots at the repository's root (git-ignored).</summary>
    public static string ScreenshotPath(string name) => Path.Combine(RepoRoot() ?? AppContext.BaseDirectory, "TestResults", "screenshots", name + ".png");

    /// <summary>The repository's root (the folder with Analyzers.sln) above the test's output, if the tests run from a clone.</summary>
    public static string? RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Analyzers.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName;
    }

    /// <summary>
    /// Opens <paramref name="html"/> and checks: no error or exception, no request but the file itself, the page's
    /// accessibility hooks, one edge per expected share with exactly its gap marks, each payload's gap marks; then
    /// saves a full-page screenshot. Returns the browser's view of the page for further checks.
    /// </summary>
    public static async Task<JsonElement> CheckAsync(string html, IReadOnlyList<ExpectedFlow> expected, string screenshot, ITestOutputHelper output)
    {
        var url = new Uri(Path.GetFullPath(html)).AbsoluteUri;
        await using var browser = await HeadlessChromium.LaunchAsync();
        await browser.NavigateAsync(url);

        var page = await browser.EvaluateAsync("""
            JSON.stringify({
              lang: document.documentElement.lang,
              title: document.title,
              headings: Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => ({ level: +h.tagName[1], text: h.textContent })),
              svgs: Array.from(document.querySelectorAll('svg')).map(s => ({
                role: s.getAttribute('role'),
                labelledBy: (s.getAttribute('aria-labelledby') || '').split(' ').filter(x => x).map(id => { const e = document.getElementById(id); return e ? e.tagName + ':' + e.textContent.length : 'missing:' + id; }),
              })),
              flows: Array.from(document.querySelectorAll('svg.map g.flow')).map(g => ({
                share: g.dataset.share, type: g.dataset.type, recipient: g.dataset.recipient, basis: g.dataset.basis,
                gaps: g.dataset.gaps, marks: Array.from(g.querySelectorAll('.gap')).map(m => m.dataset.gap),
              })),
              types: Array.from(document.querySelectorAll('svg.map g.node.type')).map(g => ({
                type: g.dataset.type, gaps: g.dataset.gaps, marks: Array.from(g.querySelectorAll('.gap')).map(m => m.dataset.gap),
              })),
              recipients: Array.from(document.querySelectorAll('svg.map g.node.recipient')).map(g => g.dataset.recipient),
              gapMarks: document.querySelectorAll('.gap').length,
              tableRows: Array.from(document.querySelectorAll('table.flows tbody tr')).map(r => r.dataset.share),
              protocols: Array.from(document.querySelectorAll('section.protocol')).map(s => s.dataset.share),
              charts: Array.from(document.querySelectorAll('svg.chart')).map(s => ({
                id: s.dataset.chart, bars: Array.from(s.querySelectorAll('g.bar')).map(b => [b.dataset.label, +b.dataset.shared, +b.dataset.notShared]),
              })),
              scripts: document.scripts.length,
              text: document.body.innerText,
            })
            """);
        var view = JsonDocument.Parse(page.GetString()!).RootElement.Clone();
        var path = ScreenshotPath(screenshot);
        await browser.ScreenshotAsync(path);
        output.WriteLine($"screenshot: {path}");

        // As printed: dark on white, no contents list, each protocol on a new page; the PDF is kept beside the screenshot.
        await browser.SendAsync("Emulation.setEmulatedMedia", new System.Text.Json.Nodes.JsonObject { ["media"] = "print" });
        var print = await browser.EvaluateAsync("""
            JSON.stringify({
              background: getComputedStyle(document.body).backgroundColor,
              colour: getComputedStyle(document.body).color,
              nav: Array.from(document.querySelectorAll('nav')).map(n => getComputedStyle(n).display),
              breaks: Array.from(document.querySelectorAll('section.protocol')).map(s => getComputedStyle(s).breakBefore),
            })
            """);
        var printed = JsonDocument.Parse(print.GetString()!).RootElement;
        Assert.Equal("rgb(255, 255, 255)", printed.GetProperty("background").GetString());
        Assert.Equal("rgb(26, 26, 26)", printed.GetProperty("colour").GetString());
        Assert.All(printed.GetProperty("nav").EnumerateArray(), n => Assert.Equal("none", n.GetString()));
        Assert.All(printed.GetProperty("breaks").EnumerateArray(), b => Assert.Equal("page", b.GetString()));
        var pdf = await browser.SendAsync("Page.printToPDF", new System.Text.Json.Nodes.JsonObject { ["preferCSSPageSize"] = true });
        var pdfPath = Path.ChangeExtension(path, ".pdf");
        await File.WriteAllBytesAsync(pdfPath, Convert.FromBase64String(pdf.GetProperty("data").GetString()!));
        output.WriteLine($"printed: {pdfPath}");

        Assert.Empty(browser.Errors());
        var requests = browser.Requests();
        Assert.All(requests, r => Assert.Equal(url, r));
        Assert.NotEmpty(requests);
        Assert.Equal(0, view.GetProperty("scripts").GetInt32());

        Assert.Equal("en-GB", view.GetProperty("lang").GetString());
        Assert.False(string.IsNullOrWhiteSpace(view.GetProperty("title").GetString()));
        var levels = view.GetProperty("headings").EnumerateArray().Select(h => h.GetProperty("level").GetInt32()).ToArray();
        Assert.Equal(1, levels.Count(l => l == 1));
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Length; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading level {levels[i]} follows {levels[i - 1]}: {view.GetProperty("headings")[i]}");
        }

        foreach (var svg in view.GetProperty("svgs").EnumerateArray())
        {
            Assert.Equal("img", svg.GetProperty("role").GetString());
            var labels = svg.GetProperty("labelledBy").EnumerateArray().Select(l => l.GetString()!).ToArray();
            Assert.Equal(2, labels.Length);
            Assert.StartsWith("title:", labels[0]);
            Assert.StartsWith("desc:", labels[1]);
            Assert.DoesNotContain(labels, l => l.EndsWith(":0", StringComparison.Ordinal));
        }

        var flows = view.GetProperty("flows").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(e => e.Share), flows.Select(f => f.GetProperty("share").GetString()));
        Assert.Equal(expected.Select(e => e.Share), view.GetProperty("tableRows").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(expected.Select(e => e.Share), view.GetProperty("protocols").EnumerateArray().Select(r => r.GetString()));
        var types = view.GetProperty("types").EnumerateArray().ToDictionary(t => Short(t.GetProperty("type").GetString()!), t => t);
        var marks = 0;
        foreach (var (flow, want) in flows.Zip(expected))
        {
            Assert.Equal(want.Recipient, flow.GetProperty("recipient").GetString());
            Assert.Equal(want.Payload, Short(flow.GetProperty("type").GetString()!));
            Assert.False(string.IsNullOrEmpty(flow.GetProperty("basis").GetString()));
            Assert.True(want.Gaps.SequenceEqual(Words(flow.GetProperty("gaps")).Order()), $"{want.Share}: data-gaps '{flow.GetProperty("gaps")}', expected '{string.Join(" ", want.Gaps)}'");
            Assert.True(want.Gaps.SequenceEqual(flow.GetProperty("marks").EnumerateArray().Select(m => m.GetString()!).Order()), $"{want.Share}: gap marks {flow.GetProperty("marks")}, expected '{string.Join(" ", want.Gaps)}'");
            var type = types[want.Payload];
            Assert.True(want.PayloadGaps.SequenceEqual(type.GetProperty("marks").EnumerateArray().Select(m => m.GetString()!).Order()), $"{want.Payload}: gap marks {type.GetProperty("marks")}, expected '{string.Join(" ", want.PayloadGaps)}'");
            Assert.True(want.PayloadGaps.SequenceEqual(Words(type.GetProperty("gaps")).Order()), $"{want.Payload}: data-gaps '{type.GetProperty("gaps")}'");
            marks += want.Gaps.Length;
        }

        Assert.Equal(expected.Select(e => e.Payload).Distinct().Order(), types.Keys.Order());
        Assert.Equal(expected.Select(e => e.Recipient).Distinct().Order(), view.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()!).Order());
        marks += expected.GroupBy(e => e.Payload).Sum(g => g.First().PayloadGaps.Length);
        Assert.Equal(marks, view.GetProperty("gapMarks").GetInt32());
        return view;
    }

    private static IEnumerable<string> Words(JsonElement attribute) => attribute.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Short(string type) => type.Substring(type.LastIndexOf('.') + 1);
}
