using CaseManagement.Domain;
using CaseManagement.Retention;
using CaseManagement.Sharing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafeShare.PostgreSql;

// A morning on the children's services duty desk, in miniature: a few case records, then the
// retention check an information-governance lead runs every month (North East Lincolnshire guidance §4: information "should
// not be kept any longer than is necessary", with "a review process scheduled at regular intervals";
// North East Lincolnshire guidance §7: school-held records go after the 25th birthday and are disposed of securely).

// Arguments: [yyyy-MM-dd] [--log <path> | --postgres <connection>]. The decisions are recorded in a JSON
// Lines decision log (by default decision-log.jsonl beside the program), or with --postgres in a PostgreSQL
// database (one chain for every server of a real deployment; the password from PGPASSWORD or a passfile).
// `safeshare verify` and `safeshare query` read either.
var logPath = Path.Combine(AppContext.BaseDirectory, "decision-log.jsonl");
var postgres = (string?)null;
var dateArgument = (string?)null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--log" && i + 1 < args.Length)
    {
        logPath = args[++i];
    }
    else if (args[i] == "--postgres" && i + 1 < args.Length)
    {
        postgres = args[++i];
    }
    else
    {
        dateArgument ??= args[i];
    }
}

var today = dateArgument is not null && DateOnly.TryParse(dateArgument, out var asOf)
    ? asOf
    : DateOnly.FromDateTime(DateTime.Today);

var amara = new Child("CS-2024-00417", "Amara Okafor", new DateOnly(2016, 3, 14))
{
    NhsNumber = "943 476 5919",
    Address = "12 Station Road, Grimsby",
};

var daniel = new Child("CS-1999-00088", "Daniel Price", new DateOnly(1999, 9, 2))
{
    IsLookedAfter = true,
};

// Leo turns ten next month: his five-yearly review falls due (dates relative to the run date so the
// sample always has one record in the review window).
var leo = new Child("CS-2021-00230", "Leo Marsh", today.AddDays(45).AddYears(-10));

var mother = new ParentOrCarer("CS-2024-00417", "Grace Okafor", new DateOnly(1988, 7, 30), amara.DateOfBirth)
{
    RelationshipToChild = "Mother",
    HasParentalResponsibility = true,
};

var referral = new Referral
{
    ReferralId = "REF-2024-1182",
    ChildCaseNumber = amara.CaseNumber,
    ChildDateOfBirth = amara.DateOfBirth,
    ReceivedOn = new DateOnly(2024, 2, 5),
    Concern = "Child arrived at school hungry on four days out of five; bruise to the left forearm.",
    From = new Referral.Referrer("Ms J. Patel", "Fairfield Primary School", null, new DateOnly(2024, 2, 5)),
    Outcome = ReferralOutcome.StrategyDiscussion,
};

var assessment = new Assessment
{
    AssessmentId = "ASM-2024-0311",
    Kind = AssessmentKind.Section47Enquiry,
    ChildCaseNumber = amara.CaseNumber,
    ChildDateOfBirth = amara.DateOfBirth,
    StartedOn = new DateOnly(2024, 2, 7),
    HealthNeeds = "Asthma; inhaler not collected since November.",
    Ethnicity = "Black British – African",
    Risk = RiskLevel.Medium,
};

var healthVisitor = new ProfessionalContact(
    "Sam Whitfield", "Health visitor", "Community Health Trust", "sam.whitfield@health.example", LastContactAt: null);

var schoolDsl = new ProfessionalContact(
    "Joanna Patel", "Designated safeguarding lead", "Fairfield Primary School", "dsl@fairfield.example",
    new DateTimeOffset(2019, 6, 12, 10, 30, 0, TimeSpan.Zero));

var disclosure = new PoliceDisclosure(
    "DVDS-2018-0047", daniel.CaseNumber, "Mr K. Price", "Right-to-know disclosure: previous partner violence.",
    new DateOnly(2018, 11, 20))
{
    SocialWorkerRiskNote = "Shared with the child's foster carer as part of the placement plan.",
};

// Only case references are printed, never names or health details: a retention report goes to the
// information-governance lead, who needs to know which records, not what is in them (Sheffield schools guide, golden
// rule 6: "necessary, proportionate, relevant, adequate, accurate, timely and secure").
var statuses = new[]
{
    RetentionSchedule.Evaluate(amara, amara.CaseNumber, today),
    RetentionSchedule.Evaluate(daniel, daniel.CaseNumber, today),
    RetentionSchedule.Evaluate(leo, leo.CaseNumber, today),
    RetentionSchedule.Evaluate(mother, mother.CaseNumber, today),
    RetentionSchedule.Evaluate(referral, referral.ReferralId, today),
    RetentionSchedule.Evaluate(referral.From, referral.ReferralId + "/referrer", today),
    RetentionSchedule.Evaluate(assessment, assessment.AssessmentId, today),
    RetentionSchedule.Evaluate(healthVisitor, "contact:" + healthVisitor.Role, today),
    RetentionSchedule.Evaluate(schoolDsl, "contact:" + schoolDsl.Role, today),
    RetentionSchedule.Evaluate(disclosure, disclosure.DisclosureReference, today),
};

Console.WriteLine($"Retention check as of {today:yyyy-MM-dd} ({statuses.Length} records)");
Console.WriteLine();
Console.WriteLine($"{"Record",-20} {"Reference",-38} {"Dispose after",-13} {"Next review",-11}  Action");
Console.WriteLine(new string('-', 110));
foreach (var s in statuses.OrderBy(s => s.State).ThenBy(s => s.DisposeAfter))
{
    var action = s.State switch
    {
        RetentionState.PastRetention => "DISPOSE securely: retention period over",
        RetentionState.ReviewDue => "REVIEW within 90 days: is it still needed?",
        RetentionState.NoAnchorDate => "REVIEW now: no anchor date recorded",
        _ => "keep",
    };
    Console.WriteLine(
        $"{s.RecordType,-20} {s.CaseReference,-38} {Format(s.DisposeAfter),-13} {Format(s.NextReview),-11}  {action}");
}

Console.WriteLine();
Console.WriteLine(
    $"{statuses.Count(s => s.State == RetentionState.PastRetention)} to dispose of, " +
    $"{statuses.Count(s => s.State is RetentionState.ReviewDue or RetentionState.NoAnchorDate)} to review.");

// The afternoon's information sharing, each decision recorded by the code SafeShare generates, in a
// tamper-evident log: an append returns only once its record is durable (flushed to the disk, or committed).
// The log is registered as an app registers it, from its settings (appsettings.json in a web app).
Console.WriteLine();
var settings = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["SafeShare:DecisionLog:Store"] = postgres is null ? "File" : "PostgreSql",
        ["SafeShare:DecisionLog:Path"] = logPath,
        ["SafeShare:DecisionLog:ConnectionString"] = postgres,
    })
    .Build();
using var services = new ServiceCollection().AddSafeShareDecisionLog(settings).BuildServiceProvider();
var decisionLog = services.GetRequiredService<SafeShare.IDecisionLog>();
try
{
    if (decisionLog is PostgresDecisionLog database)
    {
        // Idempotent: creates the tables on first use, changes nothing after.
        await database.EnsureSchemaAsync();
    }

    SharingDay.Run(new RecordedDecisionLog(decisionLog), Console.Out);
}
catch (SafeShare.DecisionLogException e)
{
    Console.Error.WriteLine($"CaseManagement: {e.Message}");
    return 2;
}

Console.WriteLine();
var (name, verification, check) = decisionLog switch
{
    PostgresDecisionLog database => (database.Description, database.Verify(), $"safeshare verify --postgres \"{postgres}\""),
    SafeShare.JsonLinesDecisionLog file => (file.Path, file.Verify(), $"safeshare verify {file.Path}"),
    _ => throw new InvalidOperationException("Unknown decision log."),
};
Console.WriteLine($"Decision log {name}: {verification.Records} records, " +
    (verification.IsIntact ? $"intact (head {verification.HeadSequence} {verification.HeadHash})" : $"NOT INTACT at line {verification.FirstBadLine}: {verification.Problem}"));
Console.WriteLine($"Check it with: {check}");
return 0;

static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd") ?? "-";
