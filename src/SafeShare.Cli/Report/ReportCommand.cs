using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SafeShare.Cli.Report;

/// <summary>
/// <c>safeshare report &lt;assembly.dll&gt;...</c>: a Record of Processing Activities (UK GDPR Art. 30) and one
/// draft Information Sharing Protocol per declared share (Buckinghamshire Code of Practice Appendix 3), from the data
/// inventories in the assemblies' metadata: several assemblies (or a folder of them) make one record for a system.
/// The assemblies are read, never loaded or run.
/// </summary>
internal static class ReportCommand
{
    public const string RopaFile = "record-of-processing.md";
    public const string JsonFile = "safeshare-report.json";

    public static Command Create(TextWriter output)
    {
        var assembly = new Argument<string[]>("assemblies")
        {
            Description = "The built assemblies (.dll) of the projects that use SafeShare, or folders of them: several make one record for the system.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format") { Description = "md (Markdown, for a board paper) or json (for systems).", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");
        var outDir = new Option<string?>("--out") { Description = $"Write files to this folder ({RopaFile} and isp-<share>.md, or {JsonFile}) instead of standard output." };
        var date = new Option<string?>("--date") { Description = "The date printed on the drafts (yyyy-MM-dd); today if not given." };

        var command = new Command(
            "report",
            "Draft a Record of Processing Activities (UK GDPR Art. 30) and one Information Sharing Protocol per declared " +
            "share (the template of Buckinghamshire Code of Practice Appendix 3) from an assembly's SafeShare data inventory, read from its metadata without running it.")
        {
            assembly, format, outDir, date,
        };
        command.SetAction(parse =>
        {
            var day = DateOnly.FromDateTime(DateTime.Today);
            var dateText = parse.GetValue(date);
            if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day))
            {
                throw new ToolException($"--date '{dateText}' is not a date (yyyy-MM-dd).");
            }

            var report = ProcessingReport.From(Inventory.ReadSystem(parse.GetValue(assembly)!), day);
            var json = parse.GetValue(format) == "json";
            var folder = parse.GetValue(outDir);
            if (folder is null)
            {
                output.Write(json ? Json(report) : string.Join(Environment.NewLine + "---" + Environment.NewLine + Environment.NewLine,
                    new[] { MarkdownReport.RecordOfProcessing(report) }.Concat(report.Protocols.Select(p => MarkdownReport.Protocol(report, p)))));
                return SafeShareTool.Ok;
            }

            if (File.Exists(folder))
            {
                throw new ToolException($"--out '{folder}' is a file; give a folder.");
            }

            try
            {
                Directory.CreateDirectory(folder);
                if (json)
                {
                    Write(output, Path.Combine(folder, JsonFile), Json(report));
                }
                else
                {
                    Write(output, Path.Combine(folder, RopaFile), MarkdownReport.RecordOfProcessing(report));
                    foreach (var protocol in report.Protocols)
                    {
                        Write(output, Path.Combine(folder, ProtocolFile(protocol.Share)), MarkdownReport.Protocol(report, protocol));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ToolException($"Cannot write the report to '{folder}': {e.Message}");
            }

            return SafeShareTool.Ok;
        });
        return command;
    }

    public static string ProtocolFile(string share)
    {
        var name = new StringBuilder("isp-");
        foreach (var c in share)
        {
            name.Append(char.IsLetterOrDigit(c) ? c : '-');
        }

        return name.Append(".md").ToString();
    }

    private static void Write(TextWriter output, string path, string text)
    {
        File.WriteAllText(path, text, new UTF8Encoding(false));
        output.WriteLine("wrote " + path);
    }

    private static string Json(ProcessingReport report) =>
        JsonSerializer.Serialize(report, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + Environment.NewLine;
}
