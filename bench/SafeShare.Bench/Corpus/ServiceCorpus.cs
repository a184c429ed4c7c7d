using System;

namespace SafeShare.Bench.Corpus;

/// <summary>
/// The files that give a codebase its <see cref="CorpusShape"/>: integration services and logging-heavy services, as
/// case-management systems have them. Most of what they send or log is a case reference or a count; one in eight
/// sends or logs a person's details, as legacy code does.
/// </summary>
public static class ServiceCorpus
{
    /// <summary>The share of the files these services make in their shape.</summary>
    public const double Share = 0.25;

    private static readonly string[] Systems =
    {
        "Education", "Health", "Police", "Housing", "Courts", "YouthJustice", "Benefits", "Placements",
    };

    /// <summary>
    /// A service calling a partner's API several times per method: async calls inside LINQ pipelines, request text built
    /// with <c>StringBuilder</c>, JSON helpers, <c>Task.WhenAll</c>.
    /// </summary>
    public static SourceFile HttpService(int index, Random random, PersonalTypeInfo type)
    {
        var system = Systems[index % Systems.Length];
        var name = $"{system}SyncService{index}";
        var host = $"api.{system.ToLowerInvariant()}{index % 13}.example.gov.uk";
        var leaks = random.Next(8) == 0;
        var scheme = random.Next(10) == 0 ? "http" : "https";
        var text = $$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Council.Children.Core;
            using {{type.Namespace}};

            namespace Council.Children.Services.{{system}}{{index % 20}};

            /// <summary>Keeps the {{system}} partner's view of open cases in step with the case file.</summary>
            public sealed class {{name}}
            {
                private const string BaseAddress = "{{scheme}}://{{host}}/v2/";
                private readonly HttpClient _http;
                private readonly IClock _clock;

                public {{name}}(HttpClient http, IClock clock)
                {
                    _http = http;
                    _clock = clock;
                }

                public async Task<IReadOnlyList<string>> StatusesAsync(IEnumerable<CaseId> cases, CancellationToken cancellationToken)
                {
                    var requests = cases
                        .Where(c => c.Year >= 2020)
                        .OrderBy(c => c)
                        .Take(50)
                        .Select(async c =>
                        {
                            var address = new StringBuilder(BaseAddress).Append("cases/").Append(c.ToString()).Append("/status").ToString();
                            using var response = await _http.GetAsync(address, cancellationToken).ConfigureAwait(false);
                            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false) : "unknown";
                        });
                    return await Task.WhenAll(requests).ConfigureAwait(false);
                }

                public async Task<int> PushSummariesAsync(IReadOnlyList<CaseId> cases, CaseStatus status, CancellationToken cancellationToken)
                {
                    var batches = cases
                        .Select((c, i) => (Case: c, Batch: i / 20))
                        .GroupBy(x => x.Batch)
                        .Select(g => g.Select(x => x.Case).ToList())
                        .ToList();
                    var sent = 0;
                    foreach (var batch in batches)
                    {
                        var body = new StringBuilder();
                        body.AppendLine("case,status,at");
                        foreach (var c in batch)
                        {
                            body.Append(c.ToString()).Append(',').Append(status).Append(',').AppendLine(_clock.Now.ToString("O", CultureInfo.InvariantCulture));
                        }

                        using var content = new StringContent(body.ToString(), Encoding.UTF8, "text/csv");
                        using var response = await _http.PostAsync(BaseAddress + "summaries", content, cancellationToken).ConfigureAwait(false);
                        if (response.IsSuccessStatusCode)
                        {
                            sent += batch.Count;
                        }
                    }

                    return sent;
                }

                public async Task<Dictionary<CaseId, int>> OpenActionsAsync(IEnumerable<CaseId> cases, CancellationToken cancellationToken)
                {
                    var counts = await Task.WhenAll(cases.Distinct().Select(async c =>
                    {
                        var count = await _http.GetFromJsonAsync<int>($"{BaseAddress}cases/{c}/actions/open", cancellationToken).ConfigureAwait(false);
                        return (Case: c, Count: count);
                    })).ConfigureAwait(false);
                    return counts.Where(x => x.Count > 0).ToDictionary(x => x.Case, x => x.Count);
                }

                public async Task<bool> AcknowledgeAsync(CaseId id, string practitioner, CancellationToken cancellationToken)
                {
                    var note = new StringBuilder()
                        .Append("Acknowledged by ").Append(practitioner)
                        .Append(" on ").Append(_clock.Today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")))
                        .ToString();
                    using var response = await _http.PutAsJsonAsync($"{BaseAddress}cases/{id}/acknowledgement", new { Case = id.ToString(), Note = note }, cancellationToken).ConfigureAwait(false);
                    return response.IsSuccessStatusCode;
                }

                public async Task<int> SyncRecordsAsync(IReadOnlyList<{{type.Name}}> records, CancellationToken cancellationToken)
                {
                    var results = await Task.WhenAll(records
                        .Where(r => r.{{type.CaseMember}}.Year >= 2018)
                        .Select(async r =>
                        {
                            var line = new StringBuilder().Append(r.{{type.CaseMember}}.ToString()).Append(';').Append({{(leaks ? "r.FullName" : "\"updated\"")}}).ToString();
                            using var response = await _http.PostAsync(BaseAddress + "records", new StringContent(line, Encoding.UTF8, "text/plain"), cancellationToken).ConfigureAwait(false);
                            return response.IsSuccessStatusCode ? 1 : 0;
                        })).ConfigureAwait(false);
                    return results.Sum();
                }
            }
            """;
        return new SourceFile($"Services/{system}/{name}.cs", text, FileKind.Service);
    }

    /// <summary>
    /// A service that logs and traces at every step: <c>ILogger</c> templates and interpolated messages, scopes,
    /// <c>[LoggerMessage]</c> methods, <c>Activity</c> tags, <c>Debug</c>, and exceptions with messages.
    /// </summary>
    public static SourceFile LoggingService(int index, Random random, PersonalTypeInfo type)
    {
        var system = Systems[index % Systems.Length];
        var name = $"{system}CaseActivity{index}";
        var leaks = random.Next(8) == 0;
        var text = $$"""
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Council.Children.Core;
            using Microsoft.Extensions.Logging;
            using {{type.Namespace}};

            namespace Council.Children.Activity.{{system}}{{index % 20}};

            /// <summary>Works through the {{system}} queue, logging each step for the service desk.</summary>
            public sealed partial class {{name}}
            {
                private static readonly ActivitySource Source = new("Council.Children.{{system}}");
                private readonly ILogger<{{name}}> _logger;
                private readonly IClock _clock;

                public {{name}}(ILogger<{{name}}> logger, IClock clock)
                {
                    _logger = logger;
                    _clock = clock;
                }

                public async Task<int> ProcessAsync(IReadOnlyList<CaseId> cases, CancellationToken cancellationToken)
                {
                    using var scope = _logger.BeginScope("Batch of {Count} cases from {System}", cases.Count, "{{system}}");
                    using var activity = Source.StartActivity("process-batch");
                    activity?.SetTag("cases.count", cases.Count);
                    var done = 0;
                    foreach (var id in cases.Where(c => c.Year > 2015).OrderBy(c => c))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        _logger.LogDebug("Processing case {Case}", id);
                        CaseProcessed(_logger, id, _clock.Now);
                        await Task.Yield();
                        done++;
                    }

                    _logger.LogInformation($"Processed {done} of {cases.Count} cases at {_clock.Now:O}");
                    Debug.WriteLine($"{{name}}: batch of {cases.Count} done");
                    activity?.SetTag("cases.done", done);
                    return done;
                }

                public void CheckVisits(CaseId id, int visits, Priority priority)
                {
                    if (visits < 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(visits), $"Case {id} has {visits} visits recorded.");
                    }

                    if (visits == 0 && priority != Priority.Routine)
                    {
                        _logger.LogWarning("Case {Case} ({Priority}) has had no visit since allocation", id, priority);
                        VisitOverdue(_logger, id, priority);
                    }
                    else
                    {
                        _logger.Log(LogLevel.Trace, "Case {Case}: {Visits} visits", id, visits);
                    }
                }

                public void Updated({{type.Name}} record, string practitioner)
                {
                    using var activity = Source.StartActivity("record-updated");
                    activity?.SetTag("case", record.{{type.CaseMember}}.ToString());
                    _logger.LogInformation("Record for case {Case} updated by {Practitioner}", record.{{type.CaseMember}}, practitioner);
                    {{(leaks ? "_logger.LogWarning($\"Check the details of {record.FullName} born {record.DateOfBirth}\");" : "_logger.LogDebug(\"Record for case {Case} saved\", record." + type.CaseMember + ");")}}
                    if (string.IsNullOrWhiteSpace(practitioner))
                    {
                        throw new InvalidOperationException($"Case {record.{{type.CaseMember}}} was updated with no practitioner named.");
                    }
                }

                public IReadOnlyList<CaseId> Overdue(IEnumerable<(CaseId Case, DateTimeOffset Due)> actions)
                {
                    var overdue = actions.Where(a => a.Due < _clock.Now).Select(a => a.Case).Distinct().ToList();
                    foreach (var id in overdue)
                    {
                        _logger.LogError("Case {Case} has an overdue action", id);
                    }

                    Trace.TraceInformation("{0} overdue cases in {1}", overdue.Count, "{{system}}");
                    return overdue;
                }

                [LoggerMessage(EventId = {{index % 1000 * 10 + 1}}, Level = LogLevel.Information, Message = "Case {Case} processed at {At}")]
                static partial void CaseProcessed(ILogger logger, CaseId @case, DateTimeOffset at);

                [LoggerMessage(EventId = {{index % 1000 * 10 + 2}}, Level = LogLevel.Warning, Message = "Case {Case} ({Priority}) has no visit")]
                static partial void VisitOverdue(ILogger logger, CaseId @case, Priority priority);
            }
            """;
        return new SourceFile($"Activity/{system}/{name}.cs", text, FileKind.Logging);
    }
}
