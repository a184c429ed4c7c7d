using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;

using SafeShare.Text;

namespace SafeShare.Cli.Report;

internal sealed record PurposeRow(string Activity, string Purpose, string LawfulBasis, string Records);

internal sealed record SubjectRow(string Subject, IReadOnlyList<string> Records);

internal sealed record DataItemRow(string Record, string Item, string Kind, string? Subject, string LawfulBasis, string? Article9Condition);

internal sealed record RecipientRow(string Recipient, string Share, string Information, string Purpose);

internal sealed record RetentionRow(string Record, string Retention);

internal sealed record SpecialRow(string Record, string Item, string Category, string Condition);

/// <summary>A Record of Processing Activities under the headings of UK GDPR Art. 30(1)(a)–(g).</summary>
internal sealed record RecordOfProcessing(
    string Controller,
    IReadOnlyList<PurposeRow> Purposes,
    IReadOnlyList<SubjectRow> DataSubjects,
    IReadOnlyList<DataItemRow> PersonalData,
    IReadOnlyList<RecipientRow> Recipients,
    string Transfers,
    IReadOnlyList<RetentionRow> Retention,
    IReadOnlyList<string> Security,
    IReadOnlyList<SpecialRow> SpecialCategoryAndCriminalOffenceData,
    string AppropriatePolicyDocument);

internal sealed record DataSetRow(string Field, string Kind);

/// <summary>
/// A draft Information Sharing Protocol for one declared share, under the headings of the template in
/// Buckinghamshire Code of Practice Appendix 3 (Buckinghamshire Safeguarding Children Partnership).
/// </summary>
internal sealed record SharingProtocol(
    string Share,
    string DescriptionOfDataFlow,
    string Date,
    string Version,
    string InformationAssetOwnerSharing,
    string InformationAssetOwnerReceiving,
    string PurposeForSharing,
    IReadOnlyList<string> TypeOfInformation,
    IReadOnlyList<string> LegalBasisForSharing,
    IReadOnlyList<DataSetRow> DataSets,
    string Transfer,
    string Storage,
    IReadOnlyList<string> LimitationsToUse,
    string Duration,
    string Disposal,
    string PrivacyImpactAssessment,
    IReadOnlyList<string> SupportingDocuments)
{
    /// <summary>The template's headings in its order, each with its entries (one for most, several for lists).</summary>
    public IReadOnlyList<(string Heading, IReadOnlyList<string> Entries)> Sections() => new (string, IReadOnlyList<string>)[]
    {
        ("Description of data flow", new[] { DescriptionOfDataFlow }),
        ("Date", new[] { Date }),
        ("Version", new[] { Version }),
        ("Information Asset Owner sharing data", new[] { InformationAssetOwnerSharing }),
        ("Information Asset Owner receiving data", new[] { InformationAssetOwnerReceiving }),
        ("Purpose for sharing", new[] { PurposeForSharing }),
        ("Type of information", TypeOfInformation),
        ("Legal basis for sharing", LegalBasisForSharing),
        ("Data sets", DataSets.Select(d => $"{d.Field} ({d.Kind})").ToArray()),
        ("How will the data be transferred?", new[] { Transfer }),
        ("How and where will the data be stored?", new[] { Storage }),
        ("Limitations to use", LimitationsToUse),
        ("Duration of this DSP", new[] { Duration }),
        ("How will the data be disposed of or destroyed on completion of this term?", new[] { Disposal }),
        ("Privacy Impact Assessment (PIA)", new[] { PrivacyImpactAssessment }),
        ("Any supporting documents", SupportingDocuments),
    };

    /// <summary>Every entry of every section, with its heading.</summary>
    public IEnumerable<(string Heading, string Value)> Rows() => Sections().SelectMany(s => s.Entries.Select(e => (s.Heading, e)));
}

/// <summary>Everything <c>safeshare report</c> produces for one assembly.</summary>
internal sealed record ProcessingReport(
    string Schema,
    string Assembly,
    string AssemblyVersion,
    string Date,
    RecordOfProcessing RecordOfProcessing,
    IReadOnlyList<SharingProtocol> Protocols)
{
    /// <summary>Every assembly the record is drawn from, with its version: one for a project, several for a system.</summary>
    public IReadOnlyList<string> Assemblies { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Which type flows to which recipient under which share, and what each lacks: drawn by the HTML writer. Left out of
    /// the JSON, whose shape systems already read; the same facts are in its record and protocols.
    /// </summary>
    [JsonIgnore]
    public DataFlowMap Map { get; init; } = new(Array.Empty<MapType>(), Array.Empty<string>(), Array.Empty<MapFlow>());

    /// <summary>The decision log's summary, when a log was given (<c>--log</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LogSummary? Log { get; init; }

    /// <summary>Marks what code cannot know: the board fills it in.</summary>
    public const string ToComplete = "To complete: ";

    public static ProcessingReport From(Inventory inventory, DateOnly date)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var protocols = inventory.Shares.Select(s => Protocol(inventory, s, day)).ToArray();
        return new ProcessingReport("safeshare-report/1", inventory.Assembly, inventory.AssemblyVersion, day, Ropa(inventory), protocols)
        {
            Assemblies = inventory.Assemblies.Select(a => $"{a.Name} {a.Version}").ToArray(),
            Map = DataFlowMap.From(inventory, protocols),
        };
    }

    private static RecordOfProcessing Ropa(Inventory inventory)
    {
        // A system's record names the assembly each type comes from, and what a type inherits from another's.
        var system = inventory.Assemblies.Count > 1;
        string Record(InventoryType t) =>
            !system ? Short(t.Type)
            : t.InheritedFrom is { } from ? $"{Short(t.Type)} ({t.Assembly}; personal data inherited from {from})"
            : $"{Short(t.Type)} ({t.Assembly})";

        var purposes = new List<PurposeRow>();
        foreach (var group in inventory.Types.GroupBy(t => Legal.LawfulBasis(t.Basis)))
        {
            purposes.Add(new PurposeRow(
                "Holding records",
                Purpose(group.First().Basis),
                group.Key,
                string.Join(", ", group.Select(Record))));
        }

        foreach (var share in inventory.Shares)
        {
            purposes.Add(new PurposeRow("Sharing with " + share.Recipient, share.Purpose, Legal.LawfulBasis(share.Basis), Short(share.Payload)));
        }

        var subjects = inventory.Types
            .SelectMany(t => t.Members.Select(m => (Subject: m.Subject ?? t.Subject ?? "Unspecified", Type: t)))
            .GroupBy(x => x.Subject)
            .OrderBy(g => g.Key == "Unspecified" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SubjectRow(Subject(g.Key), g.Select(x => Record(x.Type)).Distinct().ToArray()))
            .ToArray();

        var items = inventory.Types.SelectMany(t => t.Members.Select(m => new DataItemRow(
            Record(t),
            m.Name,
            Kind(m.Kind, m.Categories),
            m.Subject is null ? null : Subject(m.Subject),
            Legal.LawfulBasis(m.Basis),
            m.Basis.Article9Condition is null ? null : Legal.Article9(m.Basis.Article9Condition, m.Basis.Schedule1, m.Basis.Schedule1Paragraph, m.Basis.BasisInLaw)))).ToArray();

        var recipients = inventory.Shares.Select(s => new RecipientRow(
            s.Recipient,
            s.Name,
            $"{Short(s.Payload)}: {string.Join(", ", s.Fields.Select(f => Legal.Kind(f.Kind, f.Category, f.Name)))}",
            s.Purpose)).ToArray();

        var retention = inventory.Types.Select(t => new RetentionRow(Record(t), t.Retention ?? "NONE RECORDED: add [RetainUntil] (SAFE004) or record why the data is kept")).ToArray();

        var special = inventory.Types.SelectMany(t => t.Members
            .Where(m => m.Kind is InventorySchema.SpecialCategory or InventorySchema.CriminalOffence)
            .Select(m => new SpecialRow(
                Record(t),
                m.Name,
                m.Kind == InventorySchema.CriminalOffence ? "criminal offence data (Art. 10)" : string.Join(", ", m.Categories.Select(Legal.Words)),
                m.Kind == InventorySchema.CriminalOffence
                    ? $"{Legal.LawfulBasis(m.Basis)}; {CriminalOffenceAuthority(m.Article10)}"
                    : m.Basis.Article9Condition is null
                        ? "NONE RECORDED (SAFE001)"
                        : Legal.Article9(m.Basis.Article9Condition, m.Basis.Schedule1, m.Basis.Schedule1Paragraph, m.Basis.BasisInLaw))))
            .ToArray();

        var security = new[]
        {
            "Every decision to share or not to share, and every disclosure, is recorded by code generated from the declared shares: who decided, when, what, with whom, why, the lawful basis and the consent position (Sheffield schools guide golden rule 7 of the Sheffield schools guide).",
            "Decision records hold case references and field names, never the values shared.",
            "The decision log is append-only and hash-chained; 'safeshare verify' detects an edited, deleted, reordered or inserted record.",
            "Each disclosure records its channel and whether it was encrypted in transit.",
            ToComplete + "access control, encryption at rest, backup, and the organisation's other Art. 32 measures.",
        };

        return new RecordOfProcessing(
            ToComplete + "name and contact details of the controller (and any joint controller or representative) and of the Data Protection Officer.",
            purposes,
            subjects,
            items,
            recipients,
            ToComplete + "no transfer to a third country or international organisation is declared in code; confirm none takes place.",
            retention,
            security,
            special,
            inventory.AppropriatePolicyDocument ?? (special.Length > 0 ? "NONE RECORDED: special category or criminal offence data relies on Schedule 1 conditions that need an appropriate policy document (DPA 2018 Sch. 1 Part 4; SAFE006)" : "Not needed: no special category or criminal offence data"));
    }

    private static SharingProtocol Protocol(Inventory inventory, InventoryShare share, string date)
    {
        var payload = inventory.Types.FirstOrDefault(t => t.Type == share.Payload);
        var kinds = new List<string>();
        if (share.Fields.Any(f => f.Kind == InventorySchema.Personal))
        {
            kinds.Add("Personal data (UK GDPR Art. 4(1))");
        }

        var categories = share.Fields.Where(f => f.Kind == InventorySchema.SpecialCategory).Select(f => Legal.Words(f.Category ?? "unspecified")).Distinct().ToArray();
        if (categories.Length > 0)
        {
            kinds.Add($"Special category data (Art. 9(1)): {string.Join(", ", categories)}");
        }

        if (share.Fields.Any(f => f.Kind == InventorySchema.CriminalOffence))
        {
            kinds.Add("Criminal offence data (Art. 10)");
        }

        // Whom the shared fields are about (not every member of the payload: a share may name only some).
        var shared = new HashSet<string>(share.Fields.Select(f => f.Name));
        var subjects = payload?.Members.Where(m => shared.Contains(m.Name)).Select(m => m.Subject ?? payload.Subject).Where(s => s is not null).Select(s => Subject(s!)).Distinct().ToArray() ?? Array.Empty<string>();
        if (subjects.Length > 0)
        {
            kinds.Add("About: " + string.Join(", ", subjects));
        }

        var legal = new List<string> { "Lawful basis: " + Legal.LawfulBasis(share.Basis) };
        if (share.Basis.Article9Condition is not null || categories.Length > 0)
        {
            legal.Add("Special category condition: " + Legal.Article9(share.Basis.Article9Condition, share.Basis.Schedule1, share.Basis.Schedule1Paragraph, share.Basis.BasisInLaw));
        }

        foreach (var field in share.Fields.Where(f => f.Kind == InventorySchema.CriminalOffence))
        {
            legal.Add($"Criminal offence data condition ({field.Name}): {CriminalOffenceAuthority(field.Article10)}");
        }

        if (share.Basis.LawfulBasis is "RecognisedLegitimateInterest" or "LegitimateInterests")
        {
            legal.Add($"Not available to a public authority performing its tasks (UK GDPR Art. 6(1), final subparagraph): {ToComplete}confirm that {inventory.Assembly}'s organisation shares as a voluntary or private body, not in the performance of a public authority's tasks.");
        }

        legal.Add("Consent: recorded with every decision (obtained, not sought, refused and overridden, or not required, with the reason).");

        var sensitive = categories.Length > 0 || share.Fields.Any(f => f.Kind == InventorySchema.CriminalOffence);
        var supporting = new List<string>
        {
            $"The decision log: every decision under this share is recorded as '{share.Name}' ('safeshare query <log> --subject <case>' lists them for one person).",
        };
        if (inventory.AppropriatePolicyDocument is not null && sensitive)
        {
            supporting.Add("Appropriate policy document: " + inventory.AppropriatePolicyDocument);
        }

        return new SharingProtocol(
            share.Name,
            $"{(share.Assembly.Length > 0 ? share.Assembly : inventory.Assembly)} → {share.Recipient}: {Short(share.Payload)} ({share.Fields.Count} field(s)), each decision recorded by the declared share {share.Name}.",
            date,
            $"Draft 0.1, generated from {inventory.Assembly} {inventory.AssemblyVersion}",
            ToComplete + "the Information Asset Owner for this data in the sharing organisation.",
            ToComplete + $"the Information Asset Owner at {share.Recipient}.",
            share.Purpose,
            kinds,
            legal,
            share.Fields.Select(f => new DataSetRow(f.Name, Kind(f.Kind, f.Category is null ? Array.Empty<string>() : new[] { f.Category }))).ToArray(),
            ToComplete + "the channel to use, and its encryption. Every disclosure records the channel used and whether it was encrypted in transit.",
            ToComplete + $"where {share.Recipient} will store the data and who can access it. The sharer's own records: " + (payload?.Retention is { } r ? $"kept {r}." : "no retention rule recorded (SAFE004)."),
            new[]
            {
                "Only for the purpose above (UK GDPR Art. 5(1)(b)); any other use needs a new decision and its own lawful basis.",
                $"Only the {share.Fields.Count} data item(s) listed under Data sets are shared (data minimisation, Art. 5(1)(c)).",
                "No onward disclosure without the sharer's agreement, except where the law requires it.",
                ToComplete + "any further limits agreed between the parties.",
            },
            Duration(share.Agreement),
            ToComplete + "how the recipient disposes of the data at the end of the term (secure destruction, with confirmation)." + (payload?.Retention is { } keep ? $" The sharer keeps its own record {keep}." : string.Empty),
            sensitive
                ? "A DPIA is likely to be required (UK GDPR Art. 35): special category or criminal offence data about children is shared. " + ToComplete + "attach it."
                : ToComplete + "attach the DPIA, or record why none is needed.",
            supporting);
    }

    // "Reviewed initially after six months and thereafter annually" (Berkshire protocol §6.2; Solihull protocol §6.2).
    private static string Duration(SharingAgreement? agreement)
    {
        const string Schedule = "reviewed first six months after it is agreed, then annually, and whenever the declared share changes";
        if (agreement is null)
        {
            return ToComplete + $"the term of this protocol and when it was agreed ([SharingAgreement] on the share); it is {Schedule}.";
        }

        var agreed = Text.ReviewSchedule.Parse(agreement.AgreedOn);
        var reviewed = Text.ReviewSchedule.Parse(agreement.LastReviewedOn);
        if (agreed is null || (agreement.LastReviewedOn is not null && reviewed is null))
        {
            return ToComplete + $"the agreement's dates ('{agreement.AgreedOn}', '{agreement.LastReviewedOn}') are not dates in yyyy-MM-dd form; correct them. It is {Schedule}.";
        }

        var next = Text.ReviewSchedule.Format(Text.ReviewSchedule.Next(agreed.Value, reviewed));
        return $"Agreed {agreement.AgreedOn}" + (agreement.Reference is null ? string.Empty : $" ({agreement.Reference})") +
               $"; last reviewed {agreement.LastReviewedOn ?? "not yet"}; next review {next} ({Schedule}). " + ToComplete.ToLowerInvariant() + "the term of this protocol.";
    }

    // Art. 10 is met under the control of official authority or with a Schedule 1 condition in Part 1, 2 or 3 (DPA 2018 s10(5)).
    private static string CriminalOffenceAuthority(Article10? authority) =>
        authority is null || (authority.OfficialAuthority is null && authority.Schedule1 is null)
            ? "NONE RECORDED: no official authority or Schedule 1 condition (Art. 10; DPA 2018 s10(5); SAFE005)"
            : authority.ToString();

    private static string Purpose(Basis basis) => basis.Gateway is null ? "Keeping the records needed for the organisation's functions" : $"Keeping the records needed for duties under {basis.Gateway}";

    private static string Kind(string kind, IReadOnlyList<string> categories) => kind switch
    {
        InventorySchema.SpecialCategory => "special category: " + (categories.Count == 0 ? "unspecified" : string.Join(", ", categories.Select(Legal.Words))),
        InventorySchema.CriminalOffence => "criminal offence data",
        _ => "personal",
    };

    private static string Subject(string subject) => subject switch
    {
        "Child" => "Children",
        "ParentOrCarer" => "Parents and carers",
        "FamilyMember" => "Family members",
        "Professional" => "Professionals",
        "ThirdParty" => "Third parties",
        "AdultAtRisk" => "Adults at risk",
        "Unspecified" => "Not recorded",
        _ => Legal.Words(subject),
    };

    private static string Short(string type)
    {
        var dot = type.LastIndexOf('.');
        return dot < 0 ? type : type.Substring(dot + 1);
    }
}
