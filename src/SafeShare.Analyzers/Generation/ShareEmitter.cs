using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

using SafeShare.Text;

namespace SafeShare.Analyzers.Generation;

/// <summary>Emits the implementation of a declared share and its two companions.</summary>
internal static class ShareEmitter
{
    public static string Emit(ShareModel share)
    {
        var w = new SourceWriter();
        GeneratedFile.Header(w);
        GeneratedFile.OpenContainers(w, share.Namespace, share.ContainingTypes);
        var names = new EmitNames(share);
        WriteShare(w, share, names);
        w.Line();
        WriteNotShared(w, share, names);
        w.Line();
        WriteDisclosed(w, share, names);
        w.Line();
        WriteFields(w, share, names);
        GeneratedFile.CloseContainers(w, share.Namespace, share.ContainingTypes);
        return w.ToString();
    }

    /// <summary>What the share's methods all write: its names, the log it appends to, and its legal text.</summary>
    private sealed class EmitNames
    {
        public EmitNames(ShareModel share)
        {
            Recipient = LegalText.Literal(share.Recipient);
            Basis = LegalText.LawfulBasis(share.Basis);
            Article9 = LegalText.Article9(share.Basis.Article9Condition, share.Basis.Schedule1, share.Basis.Schedule1Paragraph, share.Basis.BasisInLaw);
            FieldsName = share.MethodName + "SharedFields";
            Static = share.IsStatic ? "static " : string.Empty;
            LogParameter = share.LogParameter is null ? string.Empty : "global::SafeShare.IDecisionLog log, ";
            Log = share.LogParameter is null ? share.LogMember! : "log";
            Details = share.Parameters.First(p => p.Role == ShareRoles.Details).Name;
            Payload = share.Parameters.First(p => p.Role == ShareRoles.Payload).Name;
            FieldList = share.Fields.Count == 0 ? "none" : string.Join(", ", share.Fields.Select(Describe));
        }

        public string Recipient { get; }
        public string Basis { get; }
        public string Article9 { get; }
        public string FieldsName { get; }
        public string Static { get; }
        public string LogParameter { get; }
        public string Log { get; }
        public string Details { get; }
        public string Payload { get; }
        public string FieldList { get; }
    }

    /// <summary>The share itself: records the decision to share and appends it.</summary>
    private static void WriteShare(SourceWriter w, ShareModel share, EmitNames n)
    {
        w.Doc("summary",
            $"Records the decision to share <see cref=\"{LegalText.Xml(share.PayloadType.Replace("global::", string.Empty).TrimEnd('?'))}\"/> with {LegalText.Xml(share.Recipient)},",
            $"for: {LegalText.Xml(share.Purpose)}.");
        var remarks = new System.Collections.Generic.List<string>
        {
            "<para>What is recorded: who decided and when, the case reference, the consent position, the risk,",
            "the reasons, who was consulted and who asked, and the names of the fields below — never their values (golden rule 7 of the Sheffield schools guide; Berkshire protocol Appendix B 1.3).",
            "The record is appended to the decision log before this method returns. A decision with no reasons, or whose consent position does",
            "not fit the basis relied on (consent obtained under Schedule 1 para 18, no para 18(2) reason, no consent obtained for a consent basis),",
            "is refused with an <see cref=\"global::System.ArgumentException\"/> and nothing is appended.</para>",
            $"<para>Lawful basis: {LegalText.Xml(n.Basis)}.</para>",
            $"<para>Article 9 condition: {LegalText.Xml(n.Article9)}.</para>",
            $"<para>Fields shared: {LegalText.Xml(n.FieldList)}.</para>",
        };
        foreach (var field in share.Fields)
        {
            if (field.Article10 is { } authority)
            {
                remarks.Add($"<para>Criminal offence data in {LegalText.Xml(field.Name)}: {LegalText.Xml(LegalText.Article10(authority))}; each record names it with the field.</para>");
            }
        }

        w.Doc("remarks", remarks.ToArray());
        w.Line(GeneratedFile.GeneratedCode);
        var parameters = string.Join(", ", share.Parameters.Select(p => $"{p.Type} {p.Name}"));
        w.Open($"{share.Accessibility} {n.Static}partial global::SafeShare.DecisionRecord {share.MethodName}({parameters})");
        w.Line($"global::SafeShare.ShareValidation.RequirePayload({n.Payload}, nameof({n.Payload}));");
        w.Line($"global::SafeShare.ShareValidation.RequireDetails({n.Details}, nameof({n.Details}));");
        w.Line($"global::SafeShare.ShareValidation.RequireConsistentConsent({n.Details}, {Enum("LawfulBasis", share.Basis.LawfulBasis)}, {Enum("Article9Condition", share.Basis.Article9Condition)}, global::SafeShare.Schedule1Condition.{share.Basis.Schedule1 ?? "None"}, nameof({n.Details}));");
        if (share.LogParameter is not null)
        {
            w.Line($"global::SafeShare.ShareValidation.RequireLog({share.LogParameter}, nameof({share.LogParameter}));");
        }

        w.Line("var decision = new global::SafeShare.DecisionRecord").Line("{");
        w.Line($"    DecidedAt = {n.Details}.DecidedAt?.ToUniversalTime() ?? global::System.DateTimeOffset.UtcNow,");
        w.Line($"    DecidedBy = {n.Details}.DecidedBy,");
        w.Line($"    SubjectReference = {n.Details}.SubjectReference,");
        w.Line("    Outcome = global::SafeShare.DecisionOutcome.Shared,");
        WriteDeclaration(w, share);
        w.Line($"    Consent = {n.Details}.Consent,");
        w.Line($"    Risk = {n.Details}.Risk,");
        w.Line($"    Fields = {n.FieldsName},");
        w.Line($"    Reasons = {n.Details}.Reasons,");
        w.Line($"    Paragraph18Reason = {n.Details}.Paragraph18Reason,");
        w.Line($"    ConsultedWith = {n.Details}.ConsultedWith,");
        w.Line($"    RequestedBy = {n.Details}.RequestedBy,");
        w.Line("};");
        w.Line($"{(share.LogParameter ?? n.Log)}.Append(decision);");
        w.Line("return decision;");
        w.Close();
    }

    /// <summary>The decision not to share, recorded with its reasons like any other.</summary>
    private static void WriteNotShared(SourceWriter w, ShareModel share, EmitNames n)
    {
        w.Doc("summary",
            $"Records a decision <b>not</b> to share with {LegalText.Xml(share.Recipient)} for: {LegalText.Xml(share.Purpose)}.",
            "A decision not to share is recorded with its reasons like any other (golden rule 7 of the Sheffield schools guide; Solihull protocol §5.3.10).");
        w.Doc("remarks",
            "<para>What is recorded: who decided and when (<paramref name=\"decidedAt\"/>, or the time of recording), the case reference,",
            "the reason, the risk, the consent position (a refusal that was respected leads here), who was consulted and who asked,",
            "and the fields that were considered — never their values. The record is appended before this method returns.</para>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The reason, the case reference or the decision maker is missing.</exception>");
        w.Line(GeneratedFile.GeneratedCode);
        w.Open($"{share.Accessibility} {n.Static}global::SafeShare.DecisionRecord {share.MethodName}NotShared({n.LogParameter}string subjectReference, string decidedBy, string reason, global::SafeShare.RiskLevel risk = global::SafeShare.RiskLevel.NotAssessed, global::SafeShare.Consent? consent = null, global::System.DateTimeOffset? decidedAt = null, string? consultedWith = null, string? requestedBy = null)");
        if (share.LogParameter is not null)
        {
            w.Line("global::SafeShare.ShareValidation.RequireLog(log, nameof(log));");
        }

        w.Line("global::SafeShare.ShareValidation.RequireText(subjectReference, nameof(subjectReference));");
        w.Line("global::SafeShare.ShareValidation.RequireText(decidedBy, nameof(decidedBy));");
        w.Line("global::SafeShare.ShareValidation.RequireText(reason, nameof(reason));");
        w.Line("var decision = new global::SafeShare.DecisionRecord").Line("{");
        w.Line("    DecidedAt = decidedAt?.ToUniversalTime() ?? global::System.DateTimeOffset.UtcNow,");
        w.Line("    DecidedBy = decidedBy,");
        w.Line("    SubjectReference = subjectReference,");
        w.Line("    Outcome = global::SafeShare.DecisionOutcome.NotShared,");
        WriteDeclaration(w, share);
        w.Line("    Consent = consent ?? global::SafeShare.Consent.NotRequired(),");
        w.Line("    Risk = risk,");
        w.Line($"    Fields = {n.FieldsName},");
        w.Line("    Reasons = reason,");
        w.Line("    ConsultedWith = consultedWith,");
        w.Line("    RequestedBy = requestedBy,");
        w.Line("};");
        w.Line($"{n.Log}.Append(decision);");
        w.Line("return decision;");
        w.Close();
    }

    /// <summary>What was actually sent under a decision.</summary>
    private static void WriteDisclosed(SourceWriter w, ShareModel share, EmitNames n)
    {
        w.Doc("summary",
            $"Records what was actually sent to {LegalText.Xml(share.Recipient)} under <paramref name=\"decision\"/>: the fields,",
            "the time, the channel, whether it was encrypted, and the outcome (Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.4).");
        w.Doc("remarks",
            "<para>Only fields declared by this share may be listed; when none are listed, all of them were sent.",
            "The record is linked to the decision by its id and appended before this method returns.</para>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The decision is not a decision to share under this share, the channel is missing, or a field is not one this share declares.</exception>");
        w.Line(GeneratedFile.GeneratedCode);
        w.Open($"{share.Accessibility} {n.Static}global::SafeShare.DisclosureRecord {share.MethodName}Disclosed({n.LogParameter}global::SafeShare.DecisionRecord decision, string channel, bool encrypted, global::SafeShare.DisclosureOutcome outcome, params string[] fieldsSent)");
        if (share.LogParameter is not null)
        {
            w.Line("global::SafeShare.ShareValidation.RequireLog(log, nameof(log));");
        }

        w.Line($"global::SafeShare.ShareValidation.RequireSharedDecision(decision, {LegalText.Literal(share.ShareName)}, nameof(decision));");
        w.Line("global::SafeShare.ShareValidation.RequireText(channel, nameof(channel));");
        w.Line("var disclosure = new global::SafeShare.DisclosureRecord").Line("{");
        w.Line("    DecisionId = decision.Id,");
        w.Line("    SubjectReference = decision.SubjectReference,");
        w.Line("    SentAt = global::System.DateTimeOffset.UtcNow,");
        w.Line($"    Recipient = {n.Recipient},");
        w.Line($"    FieldsSent = global::SafeShare.ShareValidation.RequireDeclaredFields(fieldsSent, {n.FieldsName}, nameof(fieldsSent)),");
        w.Line("    Channel = channel,");
        w.Line("    Encrypted = encrypted,");
        w.Line("    Outcome = outcome,");
        w.Line("};");
        w.Line($"{n.Log}.Append(disclosure);");
        w.Line("return disclosure;");
        w.Close();
    }

    /// <summary>The payload's personal fields, by name and kind, that every record lists.</summary>
    private static void WriteFields(SourceWriter w, ShareModel share, EmitNames n)
    {
        w.Line($"/// <summary>The fields of <see cref=\"{share.MethodName}\"/>'s payload that are personal data, by name and kind.</summary>");
        w.Line(GeneratedFile.GeneratedCode);
        w.Line($"private static readonly global::System.Collections.Generic.IReadOnlyList<global::SafeShare.SharedField> {n.FieldsName} = new global::SafeShare.SharedField[]");
        w.Line("{");
        foreach (var field in share.Fields)
        {
            if (field.Article10 is { } authority)
            {
                w.Line($"    global::SafeShare.SharedField.CriminalOffence({LegalText.Literal(field.Name)}, {Schedule1(authority.Schedule1, authority.Schedule1Paragraph)}, {LegalText.Literal(authority.OfficialAuthority)}),");
                continue;
            }

            var category = field.Category is null ? string.Empty : $", global::SafeShare.SpecialCategory.{field.Category}";
            w.Line($"    new global::SafeShare.SharedField({LegalText.Literal(field.Name)}, global::SafeShare.DataKind.{field.Kind}{category}),");
        }

        w.Line("};");
    }

    // A value with no member name (Schedule1 = (Schedule1Condition)99) is written as the number it is.
    private static string Schedule1(string? name, int paragraph) =>
        name is null ? "global::SafeShare.Schedule1Condition.None"
        : SyntaxFacts.IsValidIdentifier(name) ? "global::SafeShare.Schedule1Condition." + name
        : $"(global::SafeShare.Schedule1Condition)({paragraph})";

    private static string Enum(string type, string? member) => member is null ? "null" : $"global::SafeShare.{type}.{member}";

    private static string Describe(DataField f) => f.Kind switch
    {
        InventorySchema.SpecialCategory => $"{f.Name} (special category: {LegalText.Words(f.Category ?? string.Empty)})",
        InventorySchema.CriminalOffence => $"{f.Name} (criminal offence data)",
        _ => $"{f.Name} (personal)",
    };

    private static void WriteDeclaration(SourceWriter w, ShareModel share)
    {
        w.Line($"    Share = {LegalText.Literal(share.ShareName)},");
        w.Line($"    Recipient = {LegalText.Literal(share.Recipient)},");
        w.Line($"    Purpose = {LegalText.Literal(share.Purpose)},");
        w.Line($"    LawfulBasis = {(share.Basis.LawfulBasis is null ? "null" : "global::SafeShare.LawfulBasis." + share.Basis.LawfulBasis)},");
        w.Line($"    Gateway = {LegalText.Literal(share.Basis.Gateway)},");
        if (share.Basis.Annex1 is not null)
        {
            w.Line($"    Annex1 = {(SyntaxFacts.IsValidIdentifier(share.Basis.Annex1) ? "global::SafeShare.Annex1Condition." + share.Basis.Annex1 : $"(global::SafeShare.Annex1Condition)({share.Basis.Annex1Paragraph})")},");
        }

        w.Line($"    Article9Condition = {(share.Basis.Article9Condition is null ? "null" : "global::SafeShare.Article9Condition." + share.Basis.Article9Condition)},");
        w.Line($"    Schedule1 = global::SafeShare.Schedule1Condition.{share.Basis.Schedule1 ?? "None"},");
    }
}

internal static class ShareStubEmitter
{
    public static string Emit(ShareStub stub, System.Collections.Generic.IEnumerable<string> ids)
    {
        var w = new SourceWriter();
        GeneratedFile.Header(w);
        GeneratedFile.OpenContainers(w, stub.Namespace, stub.ContainingTypes);

        var errors = string.Join(", ", ids);
        var share = stub.TypeDisplayName + "." + stub.MethodName;
        w.Doc("summary",
            $"Not implemented: SafeShare cannot implement this share ({LegalText.Xml(errors)}, reported on its declaration).",
            "This body only keeps the compiler from reporting a missing implementation as well; the build fails on the error above.");
        w.Line(GeneratedFile.GeneratedCode);
        w.Line($"{stub.Declaration} => throw new global::System.InvalidOperationException({LegalText.Literal($"SafeShare could not implement the share '{share}' ({errors}); fix the error reported on its declaration.")});");
        GeneratedFile.CloseContainers(w, stub.Namespace, stub.ContainingTypes);

        return w.ToString();
    }
}

/// <summary>What every generated file starts with.</summary>
internal static class GeneratedFile
{
    public static readonly string Version = typeof(GeneratedFile).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    public static readonly string GeneratedCode = $"[global::System.CodeDom.Compiler.GeneratedCode(\"SafeShare.Generator\", \"{Version}\")]";

    /// <summary>Opens the namespace and the partial types the generated members go in.</summary>
    public static void OpenContainers(SourceWriter w, string? ns, EquatableArray<ContainingType> types)
    {
        if (ns is not null)
        {
            w.Open($"namespace {ns}");
        }

        foreach (var type in types)
        {
            w.Open($"partial {type.Keyword} {type.Name}");
        }
    }

    /// <summary>Closes what <see cref="OpenContainers"/> opened.</summary>
    public static void CloseContainers(SourceWriter w, string? ns, EquatableArray<ContainingType> types)
    {
        for (var i = 0; i < types.Count + (ns is null ? 0 : 1); i++)
        {
            w.Close();
        }
    }

    public static void Header(SourceWriter w)
    {
        w.Line("// <auto-generated/>");
        w.Line("// Generated by SafeShare from the [Share], [RetainUntil] and personal-data annotations in this project.");
        w.Line("// Do not edit: change the annotations instead.");
        w.Line("#nullable enable");
        w.Line();
    }
}
