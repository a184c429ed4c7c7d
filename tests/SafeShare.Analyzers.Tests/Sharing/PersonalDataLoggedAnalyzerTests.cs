using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SafeShare.Analyzers.Sharing;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Sharing.PersonalDataLoggedAnalyzer>;

namespace SafeShare.Analyzers.Tests.Sharing;

public class PersonalDataLoggedAnalyzerTests
{
    // A child's record with a personal name, an identifier and a case reference that are not personal data.
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using SafeShare;

        public class Child
        {
            [PersonalData(Subject = DataSubject.Child)] public string Name { get; set; } = "";
            public DateTime DateOfBirth { get; set; }
            public int Id { get; set; }
            public string CaseReference { get; set; } = "";
        }

        [PersonalData]
        public class Carer { public string? Name { get; set; } public int Id { get; set; } }

        public class Referral { public Child? Child { get; set; } public string? Concern { get; set; } }

        public static class Redaction
        {
            [Redactor] public static string Initials(string name) => name.Length > 0 ? name.Substring(0, 1) : "";
            [Redactor] public static Child Masked(Child child) => new() { Id = child.Id, CaseReference = child.CaseReference };
        }
        """;

    private static readonly ImmutableArray<MetadataReference> References =
        TestCompilation.ReferencesWith(typeof(Microsoft.Extensions.Logging.ILogger), typeof(Serilog.Log), typeof(System.Diagnostics.EventLog));

    private static Task VerifyAsync(string source, params string[] compilerErrors) =>
        Verify.VerifyAsync(new[] { Model, source }, References, null, compilerErrors);

    [Fact]
    public Task Flags_message_template_values_of_Microsoft_Extensions_Logging() => VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        public class Referrals
        {
            private readonly ILogger<Referrals> _logger;
            public Referrals(ILogger<Referrals> logger) => _logger = logger;

            public void Received(Child child, Carer carer, List<Child> siblings, Referral referral)
            {
                _logger.LogInformation("Referral for {Child}", [|child|]);
                _logger.LogWarning("Carer {Carer} did not attend", [|carer|]);
                _logger.LogDebug("Siblings {Siblings}", [|siblings|]);
                _logger.LogTrace("Referral {Referral}", [|referral|]);
                _logger.LogCritical("Name {Name}, case {Case}", [|child.Name|], child.CaseReference);
                _logger.LogError(new InvalidOperationException("failed"), "Could not place {Child}", [|child|]);
                _logger.Log(LogLevel.Information, "Child {Name}", [|child.Name|]);
            }
        }
        """);

    [Fact]
    public Task Flags_messages_built_from_personal_data() => VerifyAsync("""
        using Microsoft.Extensions.Logging;

        public class Meetings
        {
            public void Arrange(ILogger logger, Child child)
            {
                logger.LogWarning([|$"Strategy meeting for {child.Name}"|]);
                logger.LogInformation([|"Strategy meeting for " + child.Name|]);
                logger.LogInformation([|string.Format("Meeting for {0}", child.Name)|]);
                var text = $"Meeting for {child.Name} born {child.DateOfBirth:d}";
                logger.LogInformation([|text|]);
                logger.LogInformation("Child {Name}", [|child.Name.Trim().ToUpperInvariant()|]);
                logger.LogInformation("Case {Case}", child.CaseReference.Trim());
                var summary = new System.Text.StringBuilder();
                summary.Append("Meeting for ").Append(child.CaseReference);
                summary.AppendLine(child.Name);
                logger.LogInformation([|summary.ToString()|]);
                logger.LogInformation([|new System.Text.StringBuilder("Meeting for ").Append(child.Name).ToString()|]);
                logger.LogInformation(new System.Text.StringBuilder("Meeting for ").Append(child.CaseReference).ToString());
                logger.LogDebug("Record {Record}", [|System.Text.Json.JsonSerializer.Serialize(child)|]);
            }
        }
        """);

    [Fact]
    public Task Flags_ILogger_Log_and_scopes() => VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        public class Scopes
        {
            public void Visit(ILogger logger, Child child)
            {
                logger.Log(LogLevel.Information, new EventId(1), [|child.Name|], null, (state, _) => state);
                using (logger.BeginScope("Visit to {Child}", [|child|])) { }
                using (logger.BeginScope([|new Dictionary<string, object> { ["Child"] = child.Name }|])) { }
                using (logger.BeginScope([|child|])) { }
            }
        }
        """);

    [Fact]
    public Task Flags_LoggerMessage_methods_at_the_call_and_at_a_personal_parameter() => Verify.VerifyAsync(new[]
    {
        Model,
        """
        using Microsoft.Extensions.Logging;

        public static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Referral for {Name}")]
            public static partial void ReferralReceived(ILogger logger, string name);

            [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Referral for {Child}")]
            public static partial void ReferralFor(ILogger logger, Child {|SAFE110:child|});

            [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Case {Case}")]
            public static partial void CaseOpened(ILogger logger, int id, string @case);
        }

        public class Referrals
        {
            public void Received(ILogger logger, Child child)
            {
                Log.ReferralReceived(logger, [|child.Name|]);
                Log.ReferralFor(logger, child);
                Log.CaseOpened(logger, child.Id, child.CaseReference);
            }
        }
        """,
        // What the logging generator writes (it is not run here), [GeneratedCode] on each method as it writes it: generated
        // code, never reported, whose attribute must not hide the declaration.
        """
        // <auto-generated/>
        using Microsoft.Extensions.Logging;

        public static partial class Log
        {
            [System.CodeDom.Compiler.GeneratedCode("Microsoft.Extensions.Logging.Generators", "8.0.0")]
            public static partial void ReferralReceived(ILogger logger, string name) => logger.LogInformation("Referral for {Name}", name);
            [System.CodeDom.Compiler.GeneratedCode("Microsoft.Extensions.Logging.Generators", "8.0.0")]
            public static partial void ReferralFor(ILogger logger, Child child) => logger.LogInformation("Referral for {Name}", child.Name);
            [System.CodeDom.Compiler.GeneratedCode("Microsoft.Extensions.Logging.Generators", "8.0.0")]
            public static partial void CaseOpened(ILogger logger, int id, string @case) => logger.LogInformation("Case {Case}", @case);
        }
        """,
    }, References, null);

    [Fact]
    public Task Flags_Debug_and_Trace() => VerifyAsync("""
        using System.Diagnostics;

        public class Diagnostics
        {
            public void Write(Child child, Carer carer)
            {
                Debug.WriteLine([|child.Name|]);
                Debug.Write([|carer|]);
                Debug.Print([|"Child: " + child.Name|]);
                Debug.Assert(child.Id > 0, [|$"No id for {child.Name}"|]);
                Debug.WriteIf(child.Id == 0, [|$"No id for {child.Name}"|]);
                Trace.WriteLine([|child.Name|]);
                Trace.TraceInformation("Child {0}", [|child.Name|]);
                Trace.TraceWarning([|$"Child {child.Name}"|]);
                Trace.TraceError([|child.Name|]);
            }
        }
        """);

    [Fact]
    public Task Flags_EventLog_entries() => VerifyAsync("""
        using System.Diagnostics;

        public class WindowsService
        {
            public void Record(EventLog log, Child child)
            {
                log.WriteEntry([|$"Referral for {child.Name}"|], EventLogEntryType.Information);
                EventLog.WriteEntry("CaseManagement", [|child.Name|]);
                log.WriteEntry($"Referral for case {child.CaseReference}");
            }
        }
        """);

    [Fact]
    public Task Flags_Activity_tags_and_baggage() => VerifyAsync("""
        using System.Diagnostics;

        public class Telemetry
        {
            public void Tag(Activity activity, Child child)
            {
                activity.SetTag("child.name", [|child.Name|]);
                activity.AddTag("child", [|child|]);
                activity.SetBaggage("child.name", [|child.Name|]);
                activity.AddBaggage("child.name", [|child.Name|]);
                var tags = new ActivityTagsCollection();
                tags.Add("child.name", [|child.Name|]);
                var list = new TagList();
                list.Add("child.name", [|child.Name|]);
                Activity.Current?.SetTag("child.name", [|child.Name|]);
                activity.SetTag("child.id", child.Id);
                activity.SetTag("case", child.CaseReference);
            }
        }
        """);

    [Fact]
    public Task Flags_Console_output() => VerifyAsync("""
        using System;

        public class Output
        {
            public void Print(Child child)
            {
                Console.WriteLine([|child.Name|]);
                Console.Write("Child {0}", [|child.Name|]);
                Console.WriteLine([|$"Child {child.Name}"|]);
                Console.Out.WriteLine([|child.Name|]);
                Console.Error.Write([|child.Name|]);
                Console.WriteLine(child.Id);
            }
        }
        """);

    [Fact]
    public Task Flags_exception_messages_built_from_personal_data() => VerifyAsync("""
        using System;

        public class CaseNotFoundException : Exception
        {
            public CaseNotFoundException(string message) : base(message) { }
        }

        public class Placements
        {
            public void Place(Child child)
            {
                if (child.Id == 0) throw new InvalidOperationException([|$"No placement for {child.Name}"|]);
                if (child.Id < 0) throw new CaseNotFoundException([|"No case for " + child.Name|]);
                throw new ArgumentException($"No placement for child {child.Id}", nameof(child));
            }
        }
        """);

    [Fact]
    public Task Flags_Serilog() => VerifyAsync("""
        using System;
        using Serilog;

        public class SerilogReferrals
        {
            private readonly ILogger _log;
            public SerilogReferrals(ILogger log) => _log = log;

            public void Received(Child child, Carer carer)
            {
                _log.Information("Referral for {@Child}", [|child|]);
                _log.Warning("Carer {@Carer} and child {Child}", [|carer|], [|child.Name|]);
                _log.Error(new Exception("failed"), "Could not place {Child}", [|child|]);
                _log.Debug([|$"Referral for {child.Name}"|]);
                _log.Verbose("Values {A} {B} {C} {D}", child.Id, [|child.Name|], child.CaseReference, [|carer|]);
                _log.Fatal("Child {Child}", [|child.Name|]);
                _log.Write(Serilog.Events.LogEventLevel.Information, "Child {Child}", [|child.Name|]);
                Log.Information("Referral for {Child}", [|child|]);
                Log.Warning([|"Referral for " + child.Name|]);
                _log.ForContext("Child", [|child.Name|]).Information("Referral received");
                using (Serilog.Context.LogContext.PushProperty("Child", [|child.Name|])) { }
                _log.Information("Referral for case {Case} ({Id})", child.CaseReference, child.Id);
            }
        }
        """);

    [Fact]
    public Task Does_not_flag_identifiers_redacted_values_or_an_objects_own_text() => VerifyAsync("""
        using System;
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;

        public class Referrals
        {
            public void Received(ILogger logger, Child child, Referral referral)
            {
                logger.LogInformation("Referral for case {Case} ({Id})", child.CaseReference, child.Id);
                logger.LogInformation($"Referral for case {child.CaseReference}");
                logger.LogInformation("Referral concern {Concern}", referral.Concern);
                logger.LogInformation("Referral for {Child}", Redaction.Initials(child.Name));
                logger.LogInformation("Referral for {Child}", Redaction.Masked(child));
                logger.LogInformation($"Referral for {Redaction.Initials(child.Name)}");
                logger.LogInformation($"Referral for {child}");
                Debug.Assert(child.Id > 0, $"No id for case {child.CaseReference}");
                Console.WriteLine(nameof(Child.Name));
                logger.LogInformation("Started");
                throw new InvalidOperationException($"No placement for {child}");
            }
        }
        """);

    [Fact]
    public async Task Names_the_member_and_the_sink()
    {
        var compilation = TestCompilation.Create(new[]
        {
            Model,
            """
            using Microsoft.Extensions.Logging;

            public class Referrals
            {
                public void Received(ILogger logger, Child child) => logger.LogInformation("Referral for {Name}", child.Name);
            }
            """,
        }, References);

        var diagnostics = await Verify.GetDiagnosticsAsync(compilation, new PersonalDataLoggedAnalyzer());

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(
            "Personal data ('Child.Name') is written to ILogger.LogInformation: logs are kept outside the case record's access controls and retention; log the case reference or an identifier instead",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private const string TestProjectSource = """
        using Microsoft.Extensions.Logging;
        using Xunit;

        public class ReferralTests
        {
            [Fact]
            public void Logs_the_child(ILogger logger, Child child) => logger.LogInformation("Child {Name}", [|child.Name|]);
        }
        """;

    private static readonly ImmutableArray<MetadataReference> TestProjectReferences =
        TestCompilation.ReferencesWith(typeof(Microsoft.Extensions.Logging.ILogger), typeof(FactAttribute));

    [Fact]
    public Task Flags_test_projects_by_default() =>
        Verify.VerifyAsync(new[] { Model, TestProjectSource }, TestProjectReferences, null);

    [Fact]
    public Task Does_not_flag_test_projects_when_the_option_is_set() =>
        Verify.VerifyAsync(
            new[] { Model, TestProjectSource.Replace("[|", "").Replace("|]", "") },
            TestProjectReferences,
            new TestConfigOptions((PersonalDataLoggedAnalyzer.IgnoreTestProjectsKey, "true")));

    [Fact]
    public Task Does_not_flag_test_projects_when_the_option_is_set_for_their_source_files() =>
        Verify.VerifyAsync(
            new[] { Model, TestProjectSource.Replace("[|", "").Replace("|]", "") },
            TestProjectReferences,
            TestConfigOptions.ForSourceFiles((PersonalDataLoggedAnalyzer.IgnoreTestProjectsKey, "true")));

    [Fact]
    public Task The_option_does_not_turn_the_rule_off_outside_test_projects() =>
        Verify.VerifyAsync(
            new[]
            {
                Model,
                """
                using Microsoft.Extensions.Logging;

                public class Referrals
                {
                    public void Received(ILogger logger, Child child) => logger.LogInformation("Child {Name}", [|child.Name|]);
                }
                """,
            },
            References,
            new TestConfigOptions((PersonalDataLoggedAnalyzer.IgnoreTestProjectsKey, "true")));

    [Fact]
    public async Task Registers_nothing_without_SafeShare()
    {
        var compilation = TestCompilation.Create(
            new[]
            {
                """
                using Microsoft.Extensions.Logging;

                public class Child { public string Name { get; set; } = ""; }

                public class Referrals
                {
                    public void Received(ILogger logger, Child child) => logger.LogInformation("Child {Name}", child.Name);
                }
                """,
            },
            References.RemoveAll(r => r.Display?.EndsWith("SafeShare.dll", System.StringComparison.Ordinal) == true));

        var diagnostics = await Verify.GetDiagnosticsAsync(compilation, new PersonalDataLoggedAnalyzer());

        Assert.Empty(diagnostics);
    }
}
