using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SafeShare.Cli.Log;

namespace SafeShare.Cli.Report;

/// <summary>
/// <c>safeshare report &lt;assembly.dll&gt;...</c>: a Record of Processing Activities (UK GDPR Art. 30) and one
/// draft Information Sharing Protocol per declared share (Buckinghamshire Code of Practice Appendix 3), from the data
/// inventories in the assemblies' metadata: several assemblies (or a folder of them) make one record for a system.
/// The assemblies are read, never loaded or run. <c>--format html</c> writes the same report as one self-contained
/// page with a data-flow map; <c>--log</c> adds a summary of the decisions recorded in a log, verified as
/// <c>safeshare verify</c> does: the report is still written when the log is not intact, says so at the top, and the
/// exit code is 1, as for <c>safeshare query</c>.
/// </summary>
internal static class ReportCommand
{
    public const string RopaFile = "record-of-processing.md";
    public const string JsonFile = "safeshare-report.json";

    public const string LogFile = "decision-log-summary.md";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var assembly = new Argument<string[]>("assemblies")
        {
            Description = "The built assemblies (.dll) of the projects that use SafeShare, or folders of them: several make one record for the system.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format") { Description = $"md (Markdown, for a board paper), json (for systems) or html (one self-contained page, {HtmlReport.File}, with a data-flow map; needs --out).", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json", "html");
        var outDir = new Option<string?>("--out") { Description = $"Write files to this folder ({RopaFile} and isp-<share>.md, or {JsonFile}, or {HtmlReport.File}) instead of standard output." };
        var log = new Option<string?>("--log") { Description = "A decision log file to summarise in the report: decisions per share and per month, consent positions, unencrypted disclosures, decisions without reasons, and the log's verification." };
        var postgres = LogSource.PostgresOption();
        postgres.Description = "Summarise the decision log in PostgreSQL instead of a --log file: " + postgres.Description;
        var schema = LogSource.SchemaOption();
        var date = new Option<string?>("--date") { Description = "The date printed on the drafts (yyyy-MM-dd); today if not given." };

        var command = new Command(
            "report",
            "Draft a Record of Processing Activities (UK GDPR Art. 30) and one Information Sharing Protocol per declared " +
            "share (the template of Buckinghamshire Code of Practice Appendix 3) from an assembly's SafeShare data inventory, read from its metadata without running it.")
        {
            assembly, format, outDir, date, log, postgres, schema,
        };
        command.SetAction(parse =>
        {
            var day = DateOnly.FromDateTime(DateTime.Today);
            var dateText = parse.GetValue(date);
            if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day))
            {
                throw new ToolException($"--date '{dateText}' is not a date (yyyy-MM-dd).");
            }

            var kind = parse.GetValue(format);
            var json = kind == "json";
            var folder = parse.GetValue(outDir);
            if (kind == "html" && folder is null)
            {
                throw new ToolException($"--format html writes one file, {HtmlReport.File}: give the folder to write it to with --out <folder>.");
            }

            if (folder is not null && File.Exists(folder))
            {
                throw new ToolException($"--out '{folder}' is a file; give a folder.");
            }

            var report = ProcessingReport.From(Inventory.ReadSystem(parse.GetValue(assembly)!), day);
            var logPath = parse.GetValue(log);
            var connection = parse.GetValue(postgres);
            if (logPath is not null || connection is not null)
            {
                report = report with { Log = Summarise(LogSource.From(logPath, connection, parse.GetValue(schema)!), report) };
            }

            var status = SafeShareTool.Ok;
            if (report.Log is { Intact: false } broken)
            {
                error.WriteLine($"safeshare: warning: the decision log is not intact: {SafeShareTool.OneLine(broken.Problem ?? string.Empty)}");
                status = SafeShareTool.NotIntact;
            }

            if (folder is null)
            {
                var documents = new[] { MarkdownReport.RecordOfProcessing(report) }.Concat(report.Protocols.Select(p => MarkdownReport.Protocol(report, p)));
                if (report.Log is { } summary)
                {
                    documents = documents.Append(MarkdownReport.DecisionLog(summary));
                }

                output.Write(json ? Json(report) : string.Join(Environment.NewLine + "---" + Environment.NewLine + Environment.NewLine, documents));
                return status;
            }

            try
            {
                Directory.CreateDirectory(folder);
                if (json)
                {
                    Write(output, Path.Combine(folder, JsonFile), Json(report));
                }
                else if (kind == "html")
                {
                    Write(output, Path.Combine(folder, HtmlReport.File), HtmlReport.Write(report));
                }
                else
                {
                    Write(output, Path.Combine(folder, RopaFile), MarkdownReport.RecordOfProcessing(report));
                    foreach (var protocol in report.Protocols)
                    {
                        Write(output, Path.Combine(folder, ProtocolFile(protocol.Share)), MarkdownReport.Protocol(report, protocol));
                    }

                    if (report.Log is { } summary)
                    {
                        Write(output, Path.Combine(folder, LogFile), MarkdownReport.DecisionLog(summary));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ToolException($"Cannot write the report to '{folder}': {e.Message}");
            }

            return status;
        });
        return command;
    }

    /// <summary>
    /// Verifies the log with the code <c>safeshare verify</c> uses, then reads every record it can: a log that is not
    /// intact is still summarised (the board needs to know what it holds and that it is broken), and a line that cannot
    /// be read at all ends the reading there, said in the summary.
    /// </summary>
    private static LogSummary Summarise(LogSource source, ProcessingReport report)
    {
        DecisionLogVerification verification;
        var entries = new List<DecisionLogEntry>();
        string? unreadable = null;
        using (source.Database)
        {
            verification = source.Database?.Verify() ?? JsonLinesDecisionLog.Verify(source.Path!);
            IDecisionLogReader reader = source.Database ?? (IDecisionLogReader)new JsonLinesDecisionLog(source.Path!);
            try
            {
                foreach (var entry in reader.ReadAll())
                {
                    entries.Add(entry);
                }
            }
            catch (DecisionLogException e)
            {
                unreadable = $"reading stopped there: {SafeShareTool.OneLine(e.Message)}; only the {entries.Count} record(s) before it are counted.";
            }
        }

        var problem = verification.IsIntact
            ? unreadable
            : $"NOT INTACT at {source.Unit} {verification.FirstBadLine} ({verification.Records} record(s) before it verify): {verification.Problem}" + (unreadable is null ? string.Empty : " " + unreadable);
        return LogSummary.From(source.Name, verification, problem, entries, report.Protocols.Select(p => p.Share));
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
