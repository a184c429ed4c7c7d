using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SafeShare.Bench.Corpus;

/// <summary>What a synthetic file stands for; the mix follows a council's case-management codebase.</summary>
public enum FileKind
{
    Core,
    PersonalData,
    DeclaredShare,
    UndeclaredShare,
    Transport,
    Business,
    Service,
    Logging,
}

/// <summary>
/// The shape of the codebase: what, beside the common mix, fills a quarter of its files.
/// <see cref="Casework"/> is the plain mix; <see cref="Services"/> adds integration services that make several async
/// <c>HttpClient</c> calls inside LINQ pipelines with <c>StringBuilder</c> text (what the data-flow rules read most);
/// <see cref="Logging"/> adds services that log and trace at every step with Microsoft.Extensions.Logging,
/// <c>[LoggerMessage]</c> methods, <c>Activity</c> tags, <c>Debug</c> and exceptions.
/// </summary>
public enum CorpusShape
{
    Casework,
    Services,
    Logging,
}

/// <summary>A personal-data type of the codebase, as other files use it.</summary>
public sealed record PersonalTypeInfo(string Name, string Namespace, string CaseMember);

/// <summary>One synthetic source file.</summary>
public sealed record SourceFile(string Path, string Text, FileKind Kind);

/// <summary>A synthetic codebase, and the file and line an unrelated one-line edit changes.</summary>
public sealed record Codebase(int Seed, IReadOnlyList<SourceFile> Files, int EditFileIndex, string EditFrom, string EditTo, CorpusShape Shape = CorpusShape.Casework)
{
    /// <summary>Whether the codebase uses Microsoft.Extensions.Logging (a package reference in a real project).</summary>
    public bool UsesLogging => Shape == CorpusShape.Logging;

    public IReadOnlyDictionary<FileKind, int> Mix => Files.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count());

    public int Lines => Files.Sum(f => f.Text.Count(c => c == '\n'));
}

/// <summary>
/// Writes a children's services case-management codebase of a given size, the same every time for a
/// given seed: annotated personal-data types, declared shares (partial <c>[Share]</c> methods with a
/// payload and an <c>IDecisionLog</c>), undeclared shares (personal data posted with HttpClient), HTTP,
/// SMTP and TLS code with its usual mistakes, and — the majority — ordinary business code that none of
/// the rules is about. Everything compiles against the framework and the SafeShare runtime.
/// </summary>
public static class CaseManagementCorpus
{
    // Shares of the files, after the fixed core files. The rest is ordinary business code.
    private const double PersonalDataShare = 0.10;
    private const double DeclaredShareShare = 0.03;
    private const double UndeclaredShareShare = 0.02;
    private const double TransportShare = 0.06;

    private static readonly string[] Boroughs =
    {
        "northfield", "eastmoor", "westbridge", "southvale", "riverside", "highcross", "oakdene", "marshgate",
        "kingsholm", "ashbury", "fenwick", "hollowell", "larchmont", "millbrook", "stonehaven", "thornley",
    };

    private static readonly string[] Areas =
    {
        "Referrals", "Assessments", "ChildProtection", "LookedAfter", "Fostering", "Adoption", "EarlyHelp",
        "Placements", "CareLeavers", "YouthJustice", "Disabilities", "Education", "Courts", "Finance",
    };

    private static readonly string[] PersonNouns =
    {
        "ChildRecord", "CarerRecord", "ReferralRecord", "AssessmentRecord", "PlacementRecord", "ContactRecord",
        "HouseholdMember", "CaseParticipantRecord", "YoungPersonRecord", "FosterCarerRecord", "VisitRecord",
        "PlanParticipant", "CourtParty", "EducationRecord", "HealthPlanRecord", "PathwayPlanRecord",
    };

    private static readonly string[] Recipients =
    {
        "Police – Child Abuse Investigation Team", "Multi-Agency Safeguarding Hub", "School designated safeguarding lead",
        "Health visiting service", "Youth Offending Service", "Virtual School", "Independent Reviewing Officer",
        "Children and Family Court Advisory and Support Service", "Neighbouring authority – children's services",
    };

    private static readonly string[] Purposes =
    {
        "Strategy discussion: reasonable cause to suspect significant harm (Children Act 1989 s47)",
        "Multi-agency screening of a contact about a child's welfare",
        "Review of a looked-after child's care plan",
        "Transfer of a child protection plan to the receiving authority",
        "Education plan for a child in care (Children and Families Act 2014)",
        "Pre-proceedings assessment for care proceedings",
    };

    private static readonly string[] FirstNames = { "Amira", "Ben", "Chloe", "Daniel", "Ella", "Farah", "George", "Hana", "Isaac", "Jade" };

    /// <summary>The codebase of <paramref name="files"/> files for <paramref name="seed"/>.</summary>
    public static Codebase Generate(int files, int seed, CorpusShape shape = CorpusShape.Casework)
    {
        if (files < 20)
        {
            throw new ArgumentOutOfRangeException(nameof(files), "At least 20 files: the core files and one of each kind.");
        }

        var random = new Random(seed);
        var core = CoreFiles();
        var remaining = files - core.Count;
        var kinds = new List<FileKind>();
        void Add(FileKind kind, double share)
        {
            var count = Math.Max(1, (int)Math.Round(files * share));
            kinds.AddRange(Enumerable.Repeat(kind, count));
        }

        Add(FileKind.PersonalData, PersonalDataShare);
        Add(FileKind.DeclaredShare, DeclaredShareShare);
        Add(FileKind.UndeclaredShare, UndeclaredShareShare);
        Add(FileKind.Transport, TransportShare);
        if (shape != CorpusShape.Casework)
        {
            Add(shape == CorpusShape.Services ? FileKind.Service : FileKind.Logging, ServiceCorpus.Share);
        }

        kinds.AddRange(Enumerable.Repeat(FileKind.Business, remaining - kinds.Count));

        // Personal-data types are written first so that the other files can use them; the order of the
        // files in the compilation is then shuffled, as a real project's is not grouped by kind.
        var personalCount = kinds.Count(k => k == FileKind.PersonalData);
        var personalTypes = Enumerable.Range(0, personalCount).Select(i => PersonalTypeName(i)).ToList();
        var output = new List<SourceFile>(core);
        var counters = new Dictionary<FileKind, int>();
        foreach (var kind in kinds)
        {
            var index = counters.TryGetValue(kind, out var n) ? n : 0;
            counters[kind] = index + 1;
            output.Add(kind switch
            {
                FileKind.PersonalData => PersonalData(index, random),
                FileKind.DeclaredShare => DeclaredShare(index, random),
                FileKind.UndeclaredShare => UndeclaredShare(index, random, personalTypes),
                FileKind.Transport => Transport(index, random),
                FileKind.Service => ServiceCorpus.HttpService(index, random, PersonalType(random.Next(personalCount))),
                FileKind.Logging => ServiceCorpus.LoggingService(index, random, PersonalType(random.Next(personalCount))),
                _ => Business(index, random, personalTypes),
            });
        }

        var shuffled = output.Skip(core.Count).OrderBy(_ => random.Next()).ToList();
        var all = core.Concat(shuffled).ToList();

        // The unrelated edit: one line in the first ordinary business file, which no rule and no
        // generator step is about.
        var editIndex = all.FindIndex(f => f.Kind == FileKind.Business);
        var editFile = all[editIndex];
        var from = EditMarker(0);
        var to = EditMarker(1);
        if (!editFile.Text.Contains(from, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The business file has no edit marker.");
        }

        return new Codebase(seed, all, editIndex, from, to, shape);
    }

    /// <summary>The line the unrelated edit changes (a paging constant).</summary>
    private static string EditMarker(int bump) => $"private const int PageSize = {50 + bump};";

    private static string PersonalTypeName(int index) => $"{PersonNouns[index % PersonNouns.Length]}{index}";

    /// <summary>The personal-data type with this index: its name, namespace and case reference member.</summary>
    private static PersonalTypeInfo PersonalType(int index) =>
        new(PersonalTypeName(index), Namespace(Areas[index % Areas.Length], index), IsPositionalRecord(index) ? "Case" : "CaseId");

    private static bool IsPositionalRecord(int index) => index % 7 == 3;

    private static string Namespace(string area, int index) => $"Council.Children.{area}.Unit{index % 25}";

    private static List<SourceFile> CoreFiles() => new()
    {
        new("Core/AssemblyAnnotations.cs", """
            using SafeShare;

            // DPA 2018 Schedule 1 Part 2 conditions need an appropriate policy document (Sch. 1 para 5).
            [assembly: AppropriatePolicyDocument("Children's Services APD, IG-POL-014 v3, held by Information Governance")]
            """, FileKind.Core),
        new("Core/CaseId.cs", """
            using System;

            namespace Council.Children.Core;

            /// <summary>A case reference such as CS-2024-000123.</summary>
            public readonly record struct CaseId(int Year, int Number) : IComparable<CaseId>
            {
                public static CaseId Parse(string text)
                {
                    var parts = text.Split('-');
                    if (parts.Length != 3 || parts[0] != "CS")
                    {
                        throw new FormatException($"'{text}' is not a case reference.");
                    }

                    return new CaseId(int.Parse(parts[1]), int.Parse(parts[2]));
                }

                public int CompareTo(CaseId other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

                public override string ToString() => $"CS-{Year}-{Number:D6}";
            }
            """, FileKind.Core),
        new("Core/Money.cs", """
            using System;
            using System.Globalization;

            namespace Council.Children.Core;

            /// <summary>An amount in pounds sterling, rounded to pence.</summary>
            public readonly record struct Money(decimal Amount)
            {
                public static readonly Money Zero = new(0m);

                public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);
                public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);
                public static Money operator *(Money a, decimal factor) => new(Math.Round(a.Amount * factor, 2, MidpointRounding.ToEven));

                public bool IsNegative => Amount < 0;

                public override string ToString() => Amount.ToString("C", CultureInfo.GetCultureInfo("en-GB"));
            }
            """, FileKind.Core),
        new("Core/Clock.cs", """
            using System;

            namespace Council.Children.Core;

            /// <summary>The time, replaceable in tests.</summary>
            public interface IClock
            {
                DateTimeOffset Now { get; }
                DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
            }

            public sealed class SystemClock : IClock
            {
                public static readonly SystemClock Instance = new();
                public DateTimeOffset Now => DateTimeOffset.UtcNow;
            }
            """, FileKind.Core),
        new("Core/Result.cs", """
            using System;
            using System.Collections.Generic;

            namespace Council.Children.Core;

            /// <summary>The outcome of a business operation: a value or the reasons it failed.</summary>
            public sealed class Result<T>
            {
                private Result(T? value, IReadOnlyList<string> errors)
                {
                    Value = value;
                    Errors = errors;
                }

                public T? Value { get; }
                public IReadOnlyList<string> Errors { get; }
                public bool Succeeded => Errors.Count == 0;

                public static Result<T> Ok(T value) => new(value, Array.Empty<string>());
                public static Result<T> Fail(params string[] errors) => new(default, errors);

                public Result<TOut> Map<TOut>(Func<T, TOut> map) =>
                    Succeeded ? Result<TOut>.Ok(map(Value!)) : Result<TOut>.Fail(new List<string>(Errors).ToArray());
            }
            """, FileKind.Core),
        new("Core/Audit.cs", """
            using System;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Linq;

            namespace Council.Children.Core;

            public enum CaseStatus { Open, Allocated, UnderAssessment, OnPlan, StepDown, Closed }

            public enum Priority { Routine, Urgent, Immediate }

            /// <summary>What a practitioner did to a case, kept for supervision and audit.</summary>
            public sealed record AuditEntry(CaseId Case, string Practitioner, string Action, DateTimeOffset At);

            public sealed class AuditTrail
            {
                private readonly ConcurrentQueue<AuditEntry> _entries = new();

                public void Record(CaseId id, string practitioner, string action, IClock clock) =>
                    _entries.Enqueue(new AuditEntry(id, practitioner, action, clock.Now));

                public IReadOnlyList<AuditEntry> For(CaseId id) => _entries.Where(e => e.Case == id).OrderBy(e => e.At).ToList();
            }
            """, FileKind.Core),
    };

    private static SourceFile PersonalData(int index, Random random)
    {
        var name = PersonalTypeName(index);
        var area = Areas[index % Areas.Length];
        var ns = Namespace(area, index);
        var partial = random.Next(2) == 0;
        var positionalRecord = IsPositionalRecord(index);
        var hasBasis = random.Next(10) != 0;       // a few types still lack a lawful basis (SAFE003)
        var hasRetention = random.Next(10) < 6;
        var health = random.Next(3) == 0;
        var ethnicity = random.Next(6) == 0;
        var criminal = random.Next(12) == 0;
        var subject = (index % 3) switch { 0 => "Child", 1 => "ParentOrCarer", _ => "FamilyMember" };
        var sb = new StringBuilder();
        sb.AppendLine("using System;");
        sb.AppendLine("using System.Collections.Generic;");
        sb.AppendLine("using Council.Children.Core;");
        sb.AppendLine("using SafeShare;");
        sb.AppendLine();
        sb.AppendLine($"namespace {ns};");
        sb.AppendLine();
        if (positionalRecord)
        {
            sb.AppendLine($"/// <summary>A {area} participant as the case file lists them.</summary>");
            if (hasBasis)
            {
                sb.AppendLine("[LawfulBasis(LawfulBasis.PublicTask, Gateway = \"Children Act 1989 s17\")]");
            }

            sb.AppendLine($"public sealed record {name}(");
            sb.AppendLine("    CaseId Case,");
            sb.AppendLine($"    [property: PersonalData(Subject = DataSubject.{subject})] string FullName,");
            sb.AppendLine($"    [property: PersonalData(Subject = DataSubject.{subject})] DateOnly DateOfBirth,");
            sb.AppendLine("    string Role)");
            sb.AppendLine("{");
            sb.AppendLine("    public int AgeOn(DateOnly day) => day.Year - DateOfBirth.Year - (day.DayOfYear < DateOfBirth.DayOfYear ? 1 : 0);");
            sb.AppendLine();
            sb.AppendLine("    public bool IsChildOn(DateOnly day) => AgeOn(day) < 18;");
            sb.AppendLine("}");
            return new SourceFile($"{area}/Domain/{name}.cs", sb.ToString(), FileKind.PersonalData);
        }

        sb.AppendLine($"/// <summary>A {area} record about a {subject.ToLowerInvariant()}, held on the case file.</summary>");
        if (hasBasis)
        {
            sb.AppendLine(random.Next(2) == 0
                ? "[LawfulBasis(LawfulBasis.PublicTask, Gateway = \"Children Act 1989 s17\")]"
                : "[LawfulBasis(LawfulBasis.LegalObligation, Gateway = \"Children Act 2004 s11\")]");
        }

        if (hasRetention)
        {
            sb.AppendLine($"[RetainUntil(nameof(DateOfBirth), Years = {20 + random.Next(6)}, ReviewEveryYears = {3 + random.Next(3)})]");
        }

        sb.AppendLine($"public sealed {(partial ? "partial " : string.Empty)}class {name}");
        sb.AppendLine("{");
        sb.AppendLine($"    public {name}(CaseId caseId, string fullName, DateOnly dateOfBirth)");
        sb.AppendLine("    {");
        sb.AppendLine("        CaseId = caseId;");
        sb.AppendLine("        FullName = fullName ?? throw new ArgumentNullException(nameof(fullName));");
        sb.AppendLine("        DateOfBirth = dateOfBirth;");
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine("    public CaseId CaseId { get; }");
        sb.AppendLine();
        sb.AppendLine($"    [PersonalData(Subject = DataSubject.{subject})]");
        sb.AppendLine("    public string FullName { get; }");
        sb.AppendLine();
        sb.AppendLine($"    [PersonalData(Subject = DataSubject.{subject})]");
        sb.AppendLine("    public DateOnly DateOfBirth { get; }");
        sb.AppendLine();
        sb.AppendLine($"    [PersonalData(Subject = DataSubject.{subject})]");
        sb.AppendLine("    public string? Address { get; init; }");
        sb.AppendLine();
        sb.AppendLine($"    [PersonalData(Subject = DataSubject.{subject})]");
        sb.AppendLine("    public string? Telephone { get; init; }");
        if (health)
        {
            sb.AppendLine();
            sb.AppendLine($"    [SpecialCategory(SpecialCategory.Health, Subject = DataSubject.{subject})]");
            sb.AppendLine("    [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]");
            sb.AppendLine("    public string? HealthNeeds { get; init; }");
        }

        if (ethnicity)
        {
            sb.AppendLine();
            sb.AppendLine($"    [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin, Subject = DataSubject.{subject})]");
            if (random.Next(3) != 0)
            {
                sb.AppendLine("    [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.EqualityOfOpportunityOrTreatment)]");
            }

            sb.AppendLine("    public string? Ethnicity { get; init; }");
        }

        if (criminal)
        {
            sb.AppendLine();
            sb.AppendLine("    [CriminalOffenceData]");
            sb.AppendLine("    [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]");
            sb.AppendLine("    public string? PoliceInformation { get; init; }");
        }

        sb.AppendLine();
        sb.AppendLine("    public CaseStatus Status { get; private set; } = CaseStatus.Open;");
        sb.AppendLine();
        sb.AppendLine("    public List<string> Notes { get; } = new();");
        sb.AppendLine();
        sb.AppendLine("    public void MoveTo(CaseStatus next)");
        sb.AppendLine("    {");
        sb.AppendLine("        if (Status == CaseStatus.Closed && next != CaseStatus.Open)");
        sb.AppendLine("        {");
        sb.AppendLine("            throw new InvalidOperationException($\"Case {CaseId} is closed; reopen it first.\");");
        sb.AppendLine("        }");
        sb.AppendLine();
        sb.AppendLine("        Status = next;");
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine("    public int AgeOn(DateOnly day) => day.Year - DateOfBirth.Year - (day.DayOfYear < DateOfBirth.DayOfYear ? 1 : 0);");
        sb.AppendLine("}");
        return new SourceFile($"{area}/Domain/{name}.cs", sb.ToString(), FileKind.PersonalData);
    }

    private static SourceFile DeclaredShare(int index, Random random)
    {
        var area = Areas[(index * 5) % Areas.Length];
        var ns = $"Council.Children.Sharing.{area}";
        var recipient = Recipients[random.Next(Recipients.Length)];
        var purpose = Purposes[random.Next(Purposes.Length)];
        var payload = $"{area}Payload{index}";
        var owner = $"{area}Shares{index}";
        var method = $"Share{area}{index}";
        var health = random.Next(2) == 0;
        var namedFields = random.Next(4) == 0;
        var logAsParameter = random.Next(5) == 0;
        var sb = new StringBuilder();
        sb.AppendLine("using System;");
        sb.AppendLine("using Council.Children.Core;");
        sb.AppendLine("using SafeShare;");
        sb.AppendLine();
        sb.AppendLine($"namespace {ns};");
        sb.AppendLine();
        sb.AppendLine($"/// <summary>What {recipient} receives: only what it needs (golden rule 6).</summary>");
        sb.AppendLine("[LawfulBasis(LawfulBasis.PublicTask, Gateway = \"Children Act 2004 s11\")]");
        sb.AppendLine($"public sealed class {payload}");
        sb.AppendLine("{");
        sb.AppendLine("    [PersonalData(Subject = DataSubject.Child)]");
        sb.AppendLine("    public required string ChildName { get; init; }");
        sb.AppendLine();
        sb.AppendLine("    [PersonalData(Subject = DataSubject.Child)]");
        sb.AppendLine("    public required DateOnly ChildDateOfBirth { get; init; }");
        sb.AppendLine();
        sb.AppendLine("    [PersonalData(Subject = DataSubject.Child)]");
        sb.AppendLine("    public required string Concern { get; init; }");
        if (health)
        {
            sb.AppendLine();
            sb.AppendLine("    [SpecialCategory(SpecialCategory.Health, Subject = DataSubject.Child)]");
            sb.AppendLine("    [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]");
            sb.AppendLine("    public string? RelevantHealthInformation { get; init; }");
        }

        sb.AppendLine();
        sb.AppendLine("    public required string CaseReference { get; init; }");
        sb.AppendLine("}");
        sb.AppendLine();
        sb.AppendLine($"/// <summary>{area} → {recipient}.</summary>");
        sb.AppendLine(logAsParameter ? $"public sealed partial class {owner}" : $"public sealed partial class {owner}(IDecisionLog log)");
        sb.AppendLine("{");
        if (!logAsParameter)
        {
            sb.AppendLine("    private readonly IDecisionLog _log = log;");
            sb.AppendLine();
        }

        var fields = namedFields ? $",\n        Fields = new[] {{ nameof({payload}.ChildName), nameof({payload}.Concern) }}" : string.Empty;
        sb.AppendLine($"    [Share(\"{recipient}\", \"{purpose}\"{fields})]");
        sb.AppendLine("    [LawfulBasis(LawfulBasis.PublicTask, Gateway = \"Children Act 1989 s47\")]");
        if (health)
        {
            sb.AppendLine("    [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]");
        }

        sb.AppendLine(logAsParameter
            ? $"    public static partial DecisionRecord {method}({payload} payload, DecisionDetails details, IDecisionLog log);"
            : $"    public partial DecisionRecord {method}({payload} payload, DecisionDetails details);");
        sb.AppendLine();
        sb.AppendLine($"    public {(logAsParameter ? "static " : string.Empty)}DecisionRecord Refer(CaseId caseId, string childName, DateOnly dateOfBirth, string concern, string decidedBy{(logAsParameter ? ", IDecisionLog log" : string.Empty)})");
        sb.AppendLine("    {");
        sb.AppendLine($"        var payload = new {payload}");
        sb.AppendLine("        {");
        sb.AppendLine("            ChildName = childName,");
        sb.AppendLine("            ChildDateOfBirth = dateOfBirth,");
        sb.AppendLine("            Concern = concern,");
        sb.AppendLine("            CaseReference = caseId.ToString(),");
        sb.AppendLine("        };");
        sb.AppendLine("        var details = new DecisionDetails(decidedBy, caseId.ToString(), Consent.NotSought(\"Seeking consent would place the child at increased risk\"))");
        sb.AppendLine("        {");
        sb.AppendLine("            Risk = RiskLevel.High,");
        sb.AppendLine("            Reasons = \"Reasonable cause to suspect significant harm\",");
        sb.AppendLine("        };");
        sb.AppendLine($"        return {method}(payload, details{(logAsParameter ? ", log" : string.Empty)});");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        return new SourceFile($"Sharing/{area}/{owner}.cs", sb.ToString(), FileKind.DeclaredShare);
    }

    private static SourceFile UndeclaredShare(int index, Random random, IReadOnlyList<string> personalTypes)
    {
        var typeIndex = random.Next(personalTypes.Count);
        var type = personalTypes[typeIndex];
        var typeNs = Namespace(Areas[typeIndex % Areas.Length], typeIndex);
        var borough = Boroughs[random.Next(Boroughs.Length)];
        var clearText = random.Next(4) == 0; // some legacy uploads still go over http (SAFE206)
        var url = clearText ? $"http://records.{borough}-trust.nhs.uk/api/upload" : $"https://partner.{borough}.example.org/api/records";
        var sb = new StringBuilder();
        sb.AppendLine("using System.Collections.Generic;");
        sb.AppendLine("using System.Net.Http;");
        sb.AppendLine("using System.Net.Http.Json;");
        sb.AppendLine("using System.Threading;");
        sb.AppendLine("using System.Threading.Tasks;");
        sb.AppendLine($"using {typeNs};");
        sb.AppendLine();
        sb.AppendLine($"namespace Council.Children.Integration.Legacy{index};");
        sb.AppendLine();
        sb.AppendLine("/// <summary>The old nightly upload to a partner's API, written before shares were declared.</summary>");
        sb.AppendLine($"public sealed class PartnerUpload{index}(HttpClient http)");
        sb.AppendLine("{");
        sb.AppendLine($"    private const string Endpoint = \"{url}\";");
        sb.AppendLine();
        sb.AppendLine($"    public Task<HttpResponseMessage> UploadAsync({type} record, CancellationToken cancellationToken) =>");
        sb.AppendLine("        http.PostAsJsonAsync(Endpoint, record, cancellationToken);");
        sb.AppendLine();
        sb.AppendLine($"    public async Task<int> UploadAllAsync(IEnumerable<{type}> records, CancellationToken cancellationToken)");
        sb.AppendLine("    {");
        sb.AppendLine("        var sent = 0;");
        sb.AppendLine("        foreach (var record in records)");
        sb.AppendLine("        {");
        sb.AppendLine("            using var response = await UploadAsync(record, cancellationToken);");
        sb.AppendLine("            if (response.IsSuccessStatusCode)");
        sb.AppendLine("            {");
        sb.AppendLine("                sent++;");
        sb.AppendLine("            }");
        sb.AppendLine("        }");
        sb.AppendLine();
        sb.AppendLine("        return sent;");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        return new SourceFile($"Integration/Legacy/PartnerUpload{index}.cs", sb.ToString(), FileKind.UndeclaredShare);
    }

    private static SourceFile Transport(int index, Random random)
    {
        var borough = Boroughs[random.Next(Boroughs.Length)];
        var compliant = random.Next(3) == 0; // a third of the transport code is already right
        var variant = index % 8;
        var name = $"{(variant switch { 0 => "PortalClient", 1 => "LetterMailer", 2 => "SecureChannel", 3 => "LegacyGateway", 4 => "HealthApiClient", 5 => "CourtBundleClient", 6 => "SchoolsFeed", _ => "CaseDatabase" })}{index}";
        var sb = new StringBuilder();
        sb.AppendLine("using System;");
        sb.AppendLine("using System.Data.Common;");
        sb.AppendLine("using System.IO;");
        sb.AppendLine("using System.Net;");
        sb.AppendLine("using System.Net.Http;");
        sb.AppendLine("using System.Net.Mail;");
        sb.AppendLine("using System.Net.Security;");
        sb.AppendLine("using System.Net.Sockets;");
        sb.AppendLine("using System.Security.Authentication;");
        sb.AppendLine("using System.Security.Cryptography.X509Certificates;");
        sb.AppendLine("using System.Threading.Tasks;");
        sb.AppendLine();
        sb.AppendLine($"namespace Council.Children.Integration.Transport{index % 10};");
        sb.AppendLine();
        sb.AppendLine($"public sealed class {name}");
        sb.AppendLine("{");
        switch (variant)
        {
            case 0:
                sb.AppendLine($"    private static readonly Uri BaseAddress = new(\"{(compliant ? "https" : "http")}://portal.{borough}-council.gov.uk/api/\");");
                sb.AppendLine();
                sb.AppendLine("    public HttpClient Create() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };");
                sb.AppendLine();
                sb.AppendLine("    public async Task<string> StatusAsync()");
                sb.AppendLine("    {");
                sb.AppendLine("        using var client = Create();");
                sb.AppendLine($"        return await client.GetStringAsync(\"{(compliant ? "https" : "http")}://status.{borough}-council.gov.uk/health\");");
                sb.AppendLine("    }");
                break;
            case 1:
                sb.AppendLine("    public void Send(string to, string subject, string body)");
                sb.AppendLine("    {");
                sb.AppendLine($"        using var client = new SmtpClient(\"mail.{borough}-council.gov.uk\", {(compliant ? 587 : 25)});");
                if (compliant)
                {
                    sb.AppendLine("        client.EnableSsl = true;");
                }

                sb.AppendLine($"        using var message = new MailMessage(\"no-reply@{borough}-council.gov.uk\", to, subject, body);");
                sb.AppendLine("        client.Send(message);");
                sb.AppendLine("    }");
                break;
            case 2:
                sb.AppendLine("    public async Task<Stream> ConnectAsync(string host, int port)");
                sb.AppendLine("    {");
                sb.AppendLine("        var tcp = new TcpClient();");
                sb.AppendLine("        await tcp.ConnectAsync(host, port);");
                sb.AppendLine("        var ssl = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);");
                sb.AppendLine($"        await ssl.AuthenticateAsClientAsync(host, null, {(compliant ? "SslProtocols.Tls12 | SslProtocols.Tls13" : "SslProtocols.Tls | SslProtocols.Tls11")}, checkCertificateRevocation: true);");
                sb.AppendLine("        return ssl;");
                sb.AppendLine("    }");
                break;
            case 3:
                sb.AppendLine("    public static void Configure()");
                sb.AppendLine("    {");
                sb.AppendLine("#pragma warning disable SYSLIB0014 // the legacy gateway still uses WebRequest");
                sb.AppendLine($"        ServicePointManager.SecurityProtocol = {(compliant ? "SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13" : "SecurityProtocolType.Tls | SecurityProtocolType.Tls11")};");
                sb.AppendLine("#pragma warning restore SYSLIB0014");
                sb.AppendLine("    }");
                break;
            case 4:
                sb.AppendLine("    public HttpClient Create()");
                sb.AppendLine("    {");
                sb.AppendLine("        var handler = new HttpClientHandler");
                sb.AppendLine("        {");
                sb.AppendLine(compliant
                    ? "            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => errors == SslPolicyErrors.None,"
                    : "            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,");
                sb.AppendLine("        };");
                sb.AppendLine($"        return new HttpClient(handler) {{ BaseAddress = new Uri(\"https://api.{borough}-health.nhs.uk/\") }};");
                sb.AppendLine("    }");
                break;
            case 5:
                sb.AppendLine("    public static void TrustCourtServer()");
                sb.AppendLine("    {");
                sb.AppendLine("#pragma warning disable SYSLIB0014");
                sb.AppendLine(compliant
                    ? "        ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;"
                    : "        ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, errors) => true;");
                sb.AppendLine("#pragma warning restore SYSLIB0014");
                sb.AppendLine("    }");
                break;
            case 6:
                sb.AppendLine("    public async Task<SslStream> OpenAsync(Stream inner, string host)");
                sb.AppendLine("    {");
                sb.AppendLine("        var ssl = new SslStream(inner, false, ValidateServerCertificate);");
                sb.AppendLine("        await ssl.AuthenticateAsClientAsync(host);");
                sb.AppendLine("        return ssl;");
                sb.AppendLine("    }");
                sb.AppendLine();
                sb.AppendLine("    private static bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)");
                sb.AppendLine("    {");
                sb.AppendLine(compliant ? "        return errors == SslPolicyErrors.None;" : "        return true;");
                sb.AppendLine("    }");
                break;
            default:
                sb.AppendLine($"    private const string ConnectionString = \"Server=tcp:casedb.{borough}.local,1433;Database=Cases;{(compliant ? "Encrypt=True" : "Encrypt=False")};Integrated Security=True\";");
                sb.AppendLine();
                sb.AppendLine("    public DbConnectionStringBuilder Builder() => new() { ConnectionString = ConnectionString };");
                sb.AppendLine();
                sb.AppendLine("    public string Database() => (string)Builder()[\"Database\"];");
                break;
        }

        sb.AppendLine("}");
        return new SourceFile($"Integration/Transport/{name}.cs", sb.ToString(), FileKind.Transport);
    }

    private static SourceFile Business(int index, Random random, IReadOnlyList<string> personalTypes)
    {
        var area = Areas[(index * 3 + random.Next(Areas.Length)) % Areas.Length];
        var ns = Namespace(area, index);
        var template = index % 10;
        var (name, body) = template switch
        {
            0 => CaseloadService(index, area),
            1 => ReferralValidator(index),
            2 => PlacementCostCalculator(index),
            3 => VisitScheduler(index, random),
            4 => ReportBuilder(index, area, random),
            5 => CaseWorkflow(index),
            6 => DtoMapper(index, personalTypes, random),
            7 => ServiceOptions(index, area, random),
            8 => Notifications(index),
            _ => CaseQueries(index),
        };

        var text = $$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Council.Children.Core;

            namespace {{ns}};

            {{body}}
            """;
        return new SourceFile($"{area}/{name}.cs", text, FileKind.Business);
    }

    private static (string, string) CaseloadService(int i, string area) => ($"CaseloadService{i}", $$"""
        /// <summary>Allocates {{area}} cases to practitioners and keeps caseloads fair.</summary>
        public sealed class CaseloadService{{i}}
        {
            {{EditMarker(0)}}
            private readonly Dictionary<CaseId, string> _allocations = new();
            private readonly Dictionary<string, int> _limits = new(StringComparer.OrdinalIgnoreCase);
            private readonly AuditTrail _audit;
            private readonly IClock _clock;

            public CaseloadService{{i}}(AuditTrail audit, IClock clock)
            {
                _audit = audit;
                _clock = clock;
            }

            public void SetLimit(string practitioner, int limit) => _limits[practitioner] = Math.Max(1, limit);

            public Result<string> Allocate(CaseId id, Priority priority)
            {
                var loads = _allocations.Values.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
                var candidates = _limits
                    .Where(l => !loads.TryGetValue(l.Key, out var n) || n < l.Value)
                    .OrderBy(l => loads.TryGetValue(l.Key, out var n) ? n : 0)
                    .ThenBy(l => l.Key, StringComparer.Ordinal)
                    .Select(l => l.Key)
                    .ToList();
                if (candidates.Count == 0)
                {
                    return Result<string>.Fail($"No practitioner has capacity for {id} ({priority}).");
                }

                var chosen = priority == Priority.Immediate ? candidates[0] : candidates[Math.Min(candidates.Count - 1, 1)];
                _allocations[id] = chosen;
                _audit.Record(id, chosen, "allocated", _clock);
                return Result<string>.Ok(chosen);
            }

            public IReadOnlyList<(string Practitioner, int Cases)> Page(int page) =>
                _allocations.Values.GroupBy(p => p)
                    .Select(g => (g.Key, g.Count()))
                    .OrderByDescending(x => x.Item2)
                    .Skip(page * PageSize)
                    .Take(PageSize)
                    .ToList();

            public async Task<int> ReleaseClosedAsync(Func<CaseId, Task<CaseStatus>> statusOf, CancellationToken cancellationToken)
            {
                var released = 0;
                foreach (var id in _allocations.Keys.ToList())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (await statusOf(id).ConfigureAwait(false) == CaseStatus.Closed)
                    {
                        _allocations.Remove(id);
                        released++;
                    }
                }

                return released;
            }
        }
        """);

    private static (string, string) ReferralValidator(int i) => ($"ReferralValidator{i}", $$"""
        /// <summary>Checks a referral form before it reaches the front door.</summary>
        public sealed class ReferralValidator{{i}}
        {
            {{EditMarker(0)}}
            private static readonly string[] KnownSources = { "School", "Police", "Health", "Family", "Anonymous", "Other" };

            public sealed record Form(string Source, string Summary, DateOnly ReceivedOn, int ChildCount, string? ReferrerPhone);

            public IReadOnlyList<string> Validate(Form form, DateOnly today)
            {
                var errors = new List<string>();
                if (!KnownSources.Contains(form.Source, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add($"Unknown referral source '{form.Source}'.");
                }

                if (string.IsNullOrWhiteSpace(form.Summary) || form.Summary.Length < 20)
                {
                    errors.Add("The summary must describe the concern in at least 20 characters.");
                }

                if (form.ReceivedOn > today)
                {
                    errors.Add("A referral cannot be received in the future.");
                }

                if (form.ChildCount is < 1 or > 12)
                {
                    errors.Add($"Child count {form.ChildCount} is out of range.");
                }

                if (form.ReferrerPhone is { Length: > 0 } phone && !phone.All(c => char.IsDigit(c) || c is ' ' or '+'))
                {
                    errors.Add("The referrer's phone number has characters other than digits and spaces.");
                }

                return errors;
            }

            public bool NeedsSameDayResponse(Form form) =>
                form.Summary.Contains("injury", StringComparison.OrdinalIgnoreCase) ||
                form.Summary.Contains("missing", StringComparison.OrdinalIgnoreCase) ||
                (form.Source == "Police" && form.ChildCount > 1);

            public int Score(Form form)
            {
                var score = 0;
                foreach (var word in form.Summary.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    score += word.ToLowerInvariant() switch
                    {
                        "injury" or "bruise" or "bruising" => 5,
                        "neglect" or "hungry" => 3,
                        "school" or "absence" => 1,
                        _ => 0,
                    };
                }

                return Math.Min(score, PageSize);
            }
        }
        """);

    private static (string, string) PlacementCostCalculator(int i) => ($"PlacementCostCalculator{i}", $$"""
        public enum PlacementType{{i}} { InHouseFoster, AgencyFoster, Residential, KinshipCare, SupportedLodging }

        /// <summary>Weekly placement costs and allowances, for the finance forecast.</summary>
        public sealed class PlacementCostCalculator{{i}}
        {
            {{EditMarker(0)}}
            private readonly IReadOnlyDictionary<PlacementType{{i}}, Money> _weeklyRates;

            public PlacementCostCalculator{{i}}(IReadOnlyDictionary<PlacementType{{i}}, Money>? rates = null)
            {
                _weeklyRates = rates ?? new Dictionary<PlacementType{{i}}, Money>
                {
                    [PlacementType{{i}}.InHouseFoster] = new(412.50m),
                    [PlacementType{{i}}.AgencyFoster] = new(985.00m),
                    [PlacementType{{i}}.Residential] = new(5250.00m),
                    [PlacementType{{i}}.KinshipCare] = new(298.75m),
                    [PlacementType{{i}}.SupportedLodging] = new(350.00m),
                };
            }

            public Money Weekly(PlacementType{{i}} type, int ageInYears)
            {
                var rate = _weeklyRates.TryGetValue(type, out var r) ? r : Money.Zero;
                var ageFactor = ageInYears switch
                {
                    < 5 => 0.85m,
                    < 11 => 1.0m,
                    < 16 => 1.15m,
                    _ => 1.25m,
                };
                return rate * ageFactor;
            }

            public Money Forecast(IEnumerable<(PlacementType{{i}} Type, int Age, int Weeks)> placements)
            {
                var total = Money.Zero;
                foreach (var (type, age, weeks) in placements)
                {
                    total += Weekly(type, age) * weeks;
                }

                return total;
            }

            public IEnumerable<string> Breakdown(IEnumerable<(PlacementType{{i}} Type, int Age, int Weeks)> placements) =>
                placements
                    .GroupBy(p => p.Type)
                    .OrderBy(g => g.Key)
                    .Select(g => string.Format(CultureInfo.InvariantCulture, "{0,-18} {1,4} weeks {2}", g.Key, g.Sum(p => p.Weeks), Forecast(g)));
        }
        """);

    private static (string, string) VisitScheduler(int i, Random random) => ($"VisitScheduler{i}", $$"""
        /// <summary>Plans statutory visits: a child on a plan is seen at least every {{10 + random.Next(5)}} working days.</summary>
        public sealed class VisitScheduler{{i}}
        {
            {{EditMarker(0)}}
            private readonly HashSet<DateOnly> _bankHolidays;

            public VisitScheduler{{i}}(IEnumerable<DateOnly> bankHolidays) => _bankHolidays = new HashSet<DateOnly>(bankHolidays);

            public bool IsWorkingDay(DateOnly day) =>
                day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidays.Contains(day);

            public DateOnly AddWorkingDays(DateOnly from, int days)
            {
                var day = from;
                while (days > 0)
                {
                    day = day.AddDays(1);
                    if (IsWorkingDay(day))
                    {
                        days--;
                    }
                }

                return day;
            }

            public IReadOnlyList<DateOnly> Plan(DateOnly start, DateOnly end, int everyWorkingDays)
            {
                var visits = new List<DateOnly>();
                for (var next = AddWorkingDays(start, 0); next <= end; next = AddWorkingDays(next, everyWorkingDays))
                {
                    visits.Add(next);
                    if (visits.Count > PageSize * 10)
                    {
                        break;
                    }
                }

                return visits;
            }

            public TimeSpan Overdue(DateOnly lastVisit, DateTime now, int everyWorkingDays)
            {
                var due = AddWorkingDays(lastVisit, everyWorkingDays).ToDateTime(new TimeOnly(17, 0));
                return now > due ? now - due : TimeSpan.Zero;
            }
        }
        """);

    private static (string, string) ReportBuilder(int i, string area, Random random) => ($"PerformanceReport{i}", $$"""
        /// <summary>The monthly {{area}} performance report for the Corporate Parenting Board.</summary>
        public sealed class PerformanceReport{{i}}
        {
            {{EditMarker(0)}}
            private const string ReportNamespace = "http://www.w3.org/2001/XMLSchema";
            private const string DashboardLink = "https://intranet.{{Boroughs[random.Next(Boroughs.Length)]}}-council.gov.uk/dashboards/{{area.ToLowerInvariant()}}";
            private const string LocalPreview = "http://localhost:5000/preview";

            public sealed record Row(string Measure, double Value, double Target, bool HigherIsBetter);

            public string Render(string month, IReadOnlyList<Row> rows)
            {
                var sb = new StringBuilder();
                sb.AppendLine($"# {{area}} performance, {month}");
                sb.AppendLine();
                sb.AppendLine("| Measure | Value | Target | RAG |");
                sb.AppendLine("|---|---:|---:|---|");
                foreach (var row in rows.Take(PageSize))
                {
                    sb.Append("| ").Append(row.Measure)
                      .Append(" | ").Append(row.Value.ToString("0.0", CultureInfo.InvariantCulture))
                      .Append(" | ").Append(row.Target.ToString("0.0", CultureInfo.InvariantCulture))
                      .Append(" | ").Append(Rag(row)).AppendLine(" |");
                }

                sb.AppendLine();
                sb.AppendLine($"Full dashboard: {DashboardLink}");
                return sb.ToString();
            }

            public static string Rag(Row row)
            {
                var ratio = row.Target == 0 ? 1 : row.Value / row.Target;
                if (!row.HigherIsBetter)
                {
                    ratio = ratio == 0 ? double.MaxValue : 1 / ratio;
                }

                return ratio switch
                {
                    >= 1.0 => "Green",
                    >= 0.9 => "Amber",
                    _ => "Red",
                };
            }

            public string Schema() => ReportNamespace;

            public string Preview(bool local) => local ? LocalPreview : DashboardLink;
        }
        """);

    private static (string, string) CaseWorkflow(int i) => ($"CaseWorkflow{i}", $$"""
        public enum CaseEvent{{i}} { Allocate, StartAssessment, AgreePlan, StepDown, Close, Reopen }

        /// <summary>The states a case moves through, and the events that move it.</summary>
        public sealed class CaseWorkflow{{i}}
        {
            {{EditMarker(0)}}
            private readonly List<(CaseStatus From, CaseEvent{{i}} Event, CaseStatus To)> _history = new();

            public CaseStatus State { get; private set; } = CaseStatus.Open;

            public event EventHandler<CaseStatus>? Changed;

            public static CaseStatus? Next(CaseStatus state, CaseEvent{{i}} @event) => (state, @event) switch
            {
                (CaseStatus.Open, CaseEvent{{i}}.Allocate) => CaseStatus.Allocated,
                (CaseStatus.Allocated, CaseEvent{{i}}.StartAssessment) => CaseStatus.UnderAssessment,
                (CaseStatus.UnderAssessment, CaseEvent{{i}}.AgreePlan) => CaseStatus.OnPlan,
                (CaseStatus.UnderAssessment, CaseEvent{{i}}.Close) => CaseStatus.Closed,
                (CaseStatus.OnPlan, CaseEvent{{i}}.StepDown) => CaseStatus.StepDown,
                (CaseStatus.StepDown or CaseStatus.OnPlan, CaseEvent{{i}}.Close) => CaseStatus.Closed,
                (CaseStatus.Closed, CaseEvent{{i}}.Reopen) => CaseStatus.Open,
                _ => null,
            };

            public bool Fire(CaseEvent{{i}} @event)
            {
                if (Next(State, @event) is not { } next)
                {
                    return false;
                }

                _history.Add((State, @event, next));
                if (_history.Count > PageSize * 20)
                {
                    _history.RemoveAt(0);
                }

                State = next;
                Changed?.Invoke(this, next);
                return true;
            }

            public TimeSpan TimeIn(CaseStatus state, IReadOnlyList<DateTimeOffset> stamps)
            {
                var total = TimeSpan.Zero;
                for (var k = 0; k < _history.Count && k + 1 < stamps.Count; k++)
                {
                    if (_history[k].To == state)
                    {
                        total += stamps[k + 1] - stamps[k];
                    }
                }

                return total;
            }

            public override string ToString() => string.Join(" → ", _history.Select(h => h.To));
        }
        """);

    private static (string, string) DtoMapper(int i, IReadOnlyList<string> personalTypes, Random random)
    {
        var typeIndex = random.Next(personalTypes.Count);
        return ($"CaseSummaryMapping{i}", $$"""
            /// <summary>What the case list screen shows: no personal data beyond the case reference.</summary>
            public sealed record CaseSummary{{i}}(string Reference, CaseStatus Status, int DaysOpen, string Team, bool Overdue);

            public static class CaseSummaryMapping{{i}}
            {
                {{EditMarker(0)}}

                public static CaseSummary{{i}} ToSummary(this (CaseId Id, CaseStatus Status, DateOnly Opened, string Team) source, DateOnly today) =>
                    new(source.Id.ToString(), source.Status, today.DayNumber - source.Opened.DayNumber, source.Team, today.DayNumber - source.Opened.DayNumber > 45);

                public static IReadOnlyList<CaseSummary{{i}}> Page(this IEnumerable<CaseSummary{{i}}> rows, int page) =>
                    rows.OrderByDescending(r => r.Overdue).ThenByDescending(r => r.DaysOpen).Skip(page * PageSize).Take(PageSize).ToList();

                public static string ToCsv(this IEnumerable<CaseSummary{{i}}> rows)
                {
                    var sb = new StringBuilder("Reference,Status,DaysOpen,Team,Overdue\n");
                    foreach (var r in rows)
                    {
                        sb.Append(r.Reference).Append(',').Append(r.Status).Append(',')
                          .Append(r.DaysOpen.ToString(CultureInfo.InvariantCulture)).Append(',')
                          .Append(r.Team.Replace(",", ";", StringComparison.Ordinal)).Append(',')
                          .Append(r.Overdue ? "yes" : "no").Append('\n');
                    }

                    return sb.ToString();
                }

                public static Dictionary<string, int> CountByTeam(this IEnumerable<CaseSummary{{i}}> rows) =>
                    rows.GroupBy(r => r.Team).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

                // Reference data seen by the mapping, kept for the audit screen: {{personalTypes[typeIndex]}} is mapped elsewhere.
                public const string SourceType = "{{personalTypes[typeIndex]}}";
            }
            """);
    }

    private static (string, string) ServiceOptions(int i, string area, Random random)
    {
        var borough = Boroughs[random.Next(Boroughs.Length)];
        return ($"ServiceOptions{i}", $$"""
            /// <summary>Settings for the {{area}} service, bound from configuration.</summary>
            public sealed class ServiceOptions{{i}}
            {
                {{EditMarker(0)}}
                public const string Section = "{{area}}";

                public static readonly Uri DefaultEndpoint = new("https://{{area.ToLowerInvariant()}}.{{borough}}-council.gov.uk/api/v2/");

                public Uri Endpoint { get; set; } = DefaultEndpoint;

                public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

                public int Retries { get; set; } = 3;

                public string[] Teams { get; set; } = { "North", "South", "East", "West" };

                public IEnumerable<string> Validate()
                {
                    if (Endpoint.Scheme != Uri.UriSchemeHttps)
                    {
                        yield return $"{Section}: the endpoint must use https, not {Endpoint.Scheme}.";
                    }

                    if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
                    {
                        yield return $"{Section}: timeout {Timeout} is out of range.";
                    }

                    if (Retries is < 0 or > 10)
                    {
                        yield return $"{Section}: retries must be between 0 and 10.";
                    }

                    foreach (var team in Teams.Where(t => string.IsNullOrWhiteSpace(t)))
                    {
                        yield return $"{Section}: a team has no name ('{team}').";
                    }
                }

                public TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(PageSize * 100, 200 * Math.Pow(2, attempt)));
            }
            """);
    }

    private static (string, string) Notifications(int i) => ($"Notifications{i}", $$"""
        public interface INotificationChannel{{i}}
        {
            string Name { get; }
            Task<bool> SendAsync(string practitioner, string message, CancellationToken cancellationToken);
        }

        public sealed class InMemoryChannel{{i}} : INotificationChannel{{i}}
        {
            private readonly List<(string To, string Message)> _sent = new();

            public string Name => "memory";

            public IReadOnlyList<(string To, string Message)> Sent => _sent;

            public Task<bool> SendAsync(string practitioner, string message, CancellationToken cancellationToken)
            {
                _sent.Add((practitioner, message));
                return Task.FromResult(true);
            }
        }

        /// <summary>Tells practitioners about visits due and cases allocated to them.</summary>
        public sealed class NotificationDispatcher{{i}}
        {
            {{EditMarker(0)}}
            private readonly IReadOnlyList<INotificationChannel{{i}}> _channels;

            public NotificationDispatcher{{i}}(params INotificationChannel{{i}}[] channels) => _channels = channels;

            public async Task<int> BroadcastAsync(IEnumerable<string> practitioners, Func<string, string> message, CancellationToken cancellationToken)
            {
                var tasks = new List<Task<bool>>();
                foreach (var practitioner in practitioners.Distinct(StringComparer.OrdinalIgnoreCase).Take(PageSize))
                {
                    foreach (var channel in _channels)
                    {
                        tasks.Add(channel.SendAsync(practitioner, message(practitioner), cancellationToken));
                    }
                }

                var results = await Task.WhenAll(tasks).ConfigureAwait(false);
                return results.Count(ok => ok);
            }

            public static string VisitDue(string practitioner, CaseId id, DateOnly due) =>
                $"{practitioner}: statutory visit for {id} due on {due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.";
        }
        """);

    private static (string, string) CaseQueries(int i) => ($"CaseQueries{i}", $$"""
        public sealed record CaseRow{{i}}(CaseId Id, CaseStatus Status, Priority Priority, DateOnly Opened, string Team, int Visits);

        /// <summary>The queries behind the team manager's dashboard.</summary>
        public static class CaseQueries{{i}}
        {
            {{EditMarker(0)}}

            public static IEnumerable<CaseRow{{i}}> OpenFor(this IEnumerable<CaseRow{{i}}> rows, string team) =>
                rows.Where(r => r.Team == team && r.Status != CaseStatus.Closed);

            public static IReadOnlyDictionary<Priority, double> AverageVisits(this IEnumerable<CaseRow{{i}}> rows) =>
                rows.GroupBy(r => r.Priority).ToDictionary(g => g.Key, g => g.Average(r => r.Visits));

            public static IEnumerable<(string Team, int Open, int Urgent)> TeamSummary(this IEnumerable<CaseRow{{i}}> rows) =>
                rows.GroupBy(r => r.Team)
                    .Select(g => (g.Key, g.Count(r => r.Status != CaseStatus.Closed), g.Count(r => r.Priority != Priority.Routine)))
                    .OrderByDescending(t => t.Item3)
                    .Take(PageSize);

            public static CaseRow{{i}}? Oldest(this IEnumerable<CaseRow{{i}}> rows) =>
                rows.Where(r => r.Status is not CaseStatus.Closed).MinBy(r => r.Opened);

            public static int[] AgeBands(this IEnumerable<CaseRow{{i}}> rows, DateOnly today)
            {
                var bands = new int[5];
                foreach (var row in rows)
                {
                    var days = today.DayNumber - row.Opened.DayNumber;
                    var band = days switch { < 30 => 0, < 90 => 1, < 180 => 2, < 365 => 3, _ => 4 };
                    bands[band]++;
                }

                return bands;
            }

            public static string Describe(CaseRow{{i}} row) => row switch
            {
                { Status: CaseStatus.Closed } => $"{row.Id} closed",
                { Priority: Priority.Immediate, Visits: 0 } => $"{row.Id} needs a visit today",
                { Visits: > 10 } => $"{row.Id} well supported ({row.Visits} visits)",
                _ => $"{row.Id} {row.Status.ToString().ToLowerInvariant()}",
            };
        }
        """);
}
