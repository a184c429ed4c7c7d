using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SafeShare.Cli.Log;

/// <summary>
/// <c>safeshare query &lt;log&gt; --subject &lt;ref&gt;</c>: every decision and disclosure about one person
/// or case, in time order — who decided, what, with whom, why, on what basis, with what consent. What a
/// subject access request (UK GDPR Art. 15) or a practice review needs from the log.
/// </summary>
internal static class QueryCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var log = LogSource.FileArgument("The decision log file.");
        var postgres = LogSource.PostgresOption();
        var schema = LogSource.SchemaOption();
        var subject = new Option<string>("--subject")
        {
            Description = "The case or person reference the records are about (exact match), e.g. CS-2024-00417.",
            Required = true,
        };
        var from = new Option<string?>("--from") { Description = "Only records at or after this time: a date (yyyy-MM-dd, from its start, UTC) or a date and time." };
        var to = new Option<string?>("--to") { Description = "Only records at or before this time: a date (yyyy-MM-dd, to its end, UTC) or a date and time." };
        var format = new Option<string>("--format") { Description = "text (for people) or json (for systems).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command(
            "query",
            "List every decision and disclosure about one subject, in time order: who decided, what, with whom, why, " +
            "the lawful basis and the consent position. Exit code 0; 1 if the log is not intact (the records are still " +
            "listed, with a warning); 2 if it cannot be read.")
        {
            log, postgres, schema, subject, from, to, format,
        };
        command.SetAction(parse =>
        {
            var reference = parse.GetValue(subject)!;
            if (string.IsNullOrWhiteSpace(reference))
            {
                throw new ToolException("--subject must name a case or person reference.");
            }

            var since = Time(parse.GetValue(from), "--from", endOfDay: false);
            var until = Time(parse.GetValue(to), "--to", endOfDay: true);
            if (since is not null && until is not null && since > until)
            {
                throw new ToolException("--from is after --to.");
            }

            var source = LogSource.From(parse, log, postgres, schema);
            var path = source.Name;
            DecisionLogVerification verification;
            List<DecisionLogEntry> entries;
            using (source.Database)
            {
                verification = source.Database?.Verify() ?? JsonLinesDecisionLog.Verify(source.Path!);
                IDecisionLogReader reader = source.Database ?? (IDecisionLogReader)new JsonLinesDecisionLog(source.Path!);
                entries = reader.ReadSubject(reference)
                    .Where(e => (since is null || e.At >= since) && (until is null || e.At <= until))
                    .OrderBy(e => e.At)
                    .ThenBy(e => e.Sequence)
                    .ToList();
            }

            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, path, reference, since, until, verification, entries);
            }
            else
            {
                WriteText(output, path, reference, since, until, verification, entries);
            }

            if (!verification.IsIntact)
            {
                error.WriteLine($"safeshare: warning: the log is not intact at {source.Unit} {verification.FirstBadLine}: {SafeShareTool.OneLine(verification.Problem!)}");
                return SafeShareTool.NotIntact;
            }

            return SafeShareTool.Ok;
        });
        return command;
    }

    private static DateTimeOffset? Time(string? text, string option, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        throw new ToolException($"{option} '{text}' is not a date (yyyy-MM-dd) or a date and time (e.g. 2026-11-20T14:00Z).");
    }

    private static void WriteText(TextWriter o, string path, string subject, DateTimeOffset? since, DateTimeOffset? until, DecisionLogVerification verification, List<DecisionLogEntry> entries)
    {
        var decisions = entries.Count(e => e.Decision is not null);
        o.WriteLine($"Decisions and disclosures about {subject}");
        o.WriteLine($"  log     : {path} ({(verification.IsIntact ? $"intact, {verification.Records} record(s)" : $"NOT INTACT at line {verification.FirstBadLine}")})");
        if (since is not null || until is not null)
        {
            o.WriteLine($"  period  : {(since is null ? "the beginning" : Stamp(since.Value))} to {(until is null ? "the end" : Stamp(until.Value))}");
        }

        o.WriteLine($"  found   : {decisions} decision(s), {entries.Count - decisions} disclosure(s)");
        if (entries.Count == 0)
        {
            o.WriteLine();
            o.WriteLine($"The log holds no decision or disclosure about {subject}{(since is null && until is null ? string.Empty : " in that period")}.");
            return;
        }

        var shares = entries.Where(e => e.Decision is not null).ToDictionary(e => e.Decision!.Id, e => e.Decision!);
        foreach (var entry in entries)
        {
            o.WriteLine();
            if (entry.Decision is { } d)
            {
                o.WriteLine($"{Stamp(d.DecidedAt)}  DECISION: {(d.Outcome == DecisionOutcome.Shared ? "share" : "NOT to share")}  (line {entry.LineNumber}, record {entry.Sequence})");
                o.WriteLine($"  decided by : {d.DecidedBy}");
                o.WriteLine($"  with       : {d.Recipient}");
                o.WriteLine($"  why        : {d.Purpose}");
                o.WriteLine($"  share      : {d.Share}");
                o.WriteLine($"  basis      : {Legal.LawfulBasis(d)}");
                if (d.Article9Condition is not null)
                {
                    o.WriteLine($"  Art. 9     : {Legal.Article9(d.Article9Condition, d.Schedule1)}");
                }

                o.WriteLine($"  consent    : {Legal.Consent(d.Consent)}");
                if (d.Paragraph18Reason != Paragraph18Reason.None)
                {
                    o.WriteLine($"  without consent: {Legal.Paragraph18(d.Paragraph18Reason)}");
                }
                o.WriteLine($"  risk       : {Legal.Words(d.Risk.ToString())}");
                o.WriteLine($"  fields     : {(d.Fields.Count == 0 ? "-" : string.Join(", ", d.Fields.Select(Legal.Field)))}");
                o.WriteLine($"  reasons    : {d.Reasons ?? "-"}");
                if (d.ConsultedWith is not null)
                {
                    o.WriteLine($"  consulted  : {d.ConsultedWith}");
                }

                if (d.RequestedBy is not null)
                {
                    o.WriteLine($"  asked by   : {d.RequestedBy}");
                }
                o.WriteLine($"  id         : {d.Id}");
            }
            else
            {
                var s = entry.Disclosure!;
                o.WriteLine($"{Stamp(s.SentAt)}  DISCLOSURE: {Legal.Words(s.Outcome.ToString())}  (line {entry.LineNumber}, record {entry.Sequence})");
                o.WriteLine($"  to         : {s.Recipient}");
                o.WriteLine($"  fields     : {(s.FieldsSent.Count == 0 ? "-" : string.Join(", ", s.FieldsSent))}");
                o.WriteLine($"  channel    : {s.Channel} ({(s.Encrypted ? "encrypted" : "NOT encrypted")})");
                o.WriteLine($"  under      : decision {s.DecisionId}{(shares.TryGetValue(s.DecisionId, out var decision) ? $" ({decision.Share}, {Stamp(decision.DecidedAt)})" : string.Empty)}");
                if (s.Detail is not null)
                {
                    o.WriteLine($"  detail     : {s.Detail}");
                }
            }
        }
    }

    private static void WriteJson(TextWriter o, string path, string subject, DateTimeOffset? since, DateTimeOffset? until, DecisionLogVerification verification, List<DecisionLogEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("subject", subject);
            w.WriteString("log", path);
            w.WriteBoolean("intact", verification.IsIntact);
            if (!verification.IsIntact)
            {
                w.WriteNumber("firstBadLine", verification.FirstBadLine!.Value);
                w.WriteString("problem", verification.Problem);
            }

            if (since is { } a)
            {
                w.WriteString("from", a);
            }

            if (until is { } b)
            {
                w.WriteString("to", b);
            }

            w.WriteStartArray("records");
            foreach (var entry in entries)
            {
                w.WriteStartObject();
                w.WriteNumber("line", entry.LineNumber);
                w.WriteNumber("sequence", entry.Sequence);
                if (entry.Decision is { } d)
                {
                    w.WriteString("kind", "decision");
                    w.WriteString("id", d.Id);
                    w.WriteString("at", d.DecidedAt);
                    w.WriteString("decidedBy", d.DecidedBy);
                    w.WriteString("outcome", d.Outcome.ToString());
                    w.WriteString("share", d.Share);
                    w.WriteString("recipient", d.Recipient);
                    w.WriteString("purpose", d.Purpose);
                    w.WriteString("lawfulBasis", d.LawfulBasis?.ToString());
                    w.WriteString("gateway", d.Gateway);
                    w.WriteString("article9Condition", d.Article9Condition?.ToString());
                    w.WriteString("schedule1", d.Schedule1.ToString());
                    w.WriteString("basis", Legal.LawfulBasis(d));
                    w.WriteStartObject("consent");
                    w.WriteString("status", d.Consent.Status.ToString());
                    w.WriteString("obtainedFrom", d.Consent.ObtainedFrom);
                    if (d.Consent.ObtainedAt is { } at)
                    {
                        w.WriteString("obtainedAt", at);
                    }
                    else
                    {
                        w.WriteNull("obtainedAt");
                    }

                    w.WriteString("reason", d.Consent.Reason);
                    if (d.Consent.WithdrawnAt is { } withdrawnAt)
                    {
                        w.WriteString("withdrawnAt", withdrawnAt);
                    }

                    w.WriteEndObject();
                    w.WriteString("risk", d.Risk.ToString());
                    w.WriteStartArray("fields");
                    foreach (var f in d.Fields)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", f.Name);
                        w.WriteString("kind", f.Kind.ToString());
                        w.WriteString("category", f.Category?.ToString());
                        if (f.Kind == DataKind.CriminalOffence)
                        {
                            w.WriteString("article10", Legal.Article10(f.OfficialAuthority, f.Article10Condition));
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteString("reasons", d.Reasons);
                    w.WriteString("paragraph18Reason", d.Paragraph18Reason == Paragraph18Reason.None ? null : d.Paragraph18Reason.ToString());
                    w.WriteString("consultedWith", d.ConsultedWith);
                    w.WriteString("requestedBy", d.RequestedBy);
                }
                else
                {
                    var s = entry.Disclosure!;
                    w.WriteString("kind", "disclosure");
                    w.WriteString("id", s.Id);
                    w.WriteString("at", s.SentAt);
                    w.WriteString("decisionId", s.DecisionId);
                    w.WriteString("recipient", s.Recipient);
                    w.WriteStartArray("fieldsSent");
                    foreach (var f in s.FieldsSent)
                    {
                        w.WriteStringValue(f);
                    }

                    w.WriteEndArray();
                    w.WriteString("channel", s.Channel);
                    w.WriteBoolean("encrypted", s.Encrypted);
                    w.WriteString("outcome", s.Outcome.ToString());
                    w.WriteString("detail", s.Detail);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        o.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Stamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
