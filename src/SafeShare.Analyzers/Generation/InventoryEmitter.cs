using System.Collections.Generic;
using System.Linq;
using System.Text;

using S = SafeShare.Text.InventorySchema;

namespace SafeShare.Analyzers.Generation;

/// <summary>The whole data inventory of an assembly: every personal-data type and every declared share.</summary>
internal sealed record InventoryModel(string AssemblyName, EquatableArray<InventoryType> Types, EquatableArray<InventoryShare> Shares);

/// <summary>
/// Emits the data inventory: a JSON manifest stored in the assembly's metadata (readable without
/// running the assembly) and a class that holds it, with a reviewer's summary in its comments.
/// </summary>
internal static class InventoryEmitter
{
    public const string MetadataKey = S.MetadataKey;
    public const string Schema = S.Version;

    public static string Emit(InventoryModel model)
    {
        var w = new SourceWriter();
        GeneratedFile.Header(w);
        w.Line($"[assembly: global::System.Reflection.AssemblyMetadata({LegalText.Literal(MetadataKey)}, global::SafeShare.Generated.DataInventory.Json)]");
        w.Line();
        w.Line("namespace SafeShare.Generated").Line("{");
        w.Line("    // Record of processing: what this assembly holds about people, and on what basis.");
        foreach (var type in model.Types)
        {
            w.Line("    //");
            w.Line($"    // {type.FullName}{(type.Subject is null ? string.Empty : $" — about: {type.Subject}")}");
            w.Line($"    //   lawful basis: {LegalText.OneLine(LegalText.LawfulBasis(type.Basis))}");
            if (type.Basis.Article9Condition is not null)
            {
                w.Line($"    //   Article 9 condition: {LegalText.OneLine(LegalText.Article9(type.Basis.Article9Condition, type.Basis.Schedule1, type.Basis.Schedule1Paragraph, type.Basis.BasisInLaw))}");
            }

            if (type.Article10 is { } typeAuthority)
            {
                w.Line($"    //   criminal offence data: {LegalText.OneLine(LegalText.Article10(typeAuthority))}");
            }

            w.Line($"    //   retention: {type.Retention ?? "none recorded"}");
            foreach (var member in type.Members)
            {
                var kind = member.Kind switch
                {
                    S.SpecialCategory => "special category: " + string.Join(", ", member.Categories.Select(LegalText.Words)),
                    S.CriminalOffence => "criminal offence data",
                    _ => "personal",
                };
                // A member's own basis or condition is shown only where it differs from the type's.
                var differs = string.Empty;
                if (member.Basis.LawfulBasis != type.Basis.LawfulBasis || member.Basis.Gateway != type.Basis.Gateway || member.Basis.Annex1 != type.Basis.Annex1)
                {
                    differs += "; lawful basis: " + LegalText.LawfulBasis(member.Basis);
                }

                if (member.Basis.Article9Condition != type.Basis.Article9Condition || member.Basis.Schedule1 != type.Basis.Schedule1 || member.Basis.BasisInLaw != type.Basis.BasisInLaw)
                {
                    differs += "; Article 9 condition: " + LegalText.Article9(member.Basis.Article9Condition, member.Basis.Schedule1, member.Basis.Schedule1Paragraph, member.Basis.BasisInLaw);
                }

                if (member.Article10 is { } authority)
                {
                    differs += "; " + LegalText.Article10(authority);
                }

                w.Line($"    //   - {member.Name} ({kind}){LegalText.OneLine(differs)}");
            }
        }

        foreach (var share in model.Shares)
        {
            w.Line("    //");
            w.Line($"    // Share {share.Name}: {share.Payload()} to {LegalText.OneLine(share.Recipient)}");
            w.Line($"    //   purpose: {LegalText.OneLine(share.Purpose)}");
            w.Line($"    //   lawful basis: {LegalText.OneLine(LegalText.LawfulBasis(share.Basis))}");
            w.Line($"    //   Article 9 condition: {LegalText.OneLine(LegalText.Article9(share.Basis.Article9Condition, share.Basis.Schedule1, share.Basis.Schedule1Paragraph, share.Basis.BasisInLaw))}");
            if (share.Agreement is { } agreed)
            {
                w.Line($"    //   agreement: agreed {LegalText.OneLine(agreed.AgreedOn)}, last reviewed {LegalText.OneLine(agreed.LastReviewedOn ?? "never")}{(agreed.Reference is null ? string.Empty : ", " + LegalText.OneLine(agreed.Reference))}");
            }

            w.Line($"    //   fields: {string.Join(", ", share.Fields.Select(f => f.Name))}");
            foreach (var field in share.Fields)
            {
                if (field.Article10 is { } authority)
                {
                    w.Line($"    //   {field.Name} (criminal offence data): {LegalText.OneLine(LegalText.Article10(authority))}");
                }
            }
        }

        w.Line();
        w.Line("    /// <summary>");
        w.Line($"    /// The data inventory of {LegalText.Xml(model.AssemblyName)}: every type that holds personal data (its members, categories,");
        w.Line("    /// subjects, lawful basis, Article 9 condition and retention rule) and every declared share — the");
        w.Line("    /// machine-readable record of processing activities (UK GDPR Art. 30). Also stored in the assembly's");
        w.Line($"    /// metadata as AssemblyMetadata(\"{MetadataKey}\"), so tools read it without running the assembly.");
        w.Line("    /// </summary>");
        w.Line("    " + GeneratedFile.GeneratedCode);
        w.Line("    internal static class DataInventory").Line("    {");
        w.Line($"        /// <summary>The inventory as JSON (schema \"{Schema}\").</summary>");
        // The JSON goes straight into the constant's literal: at 5,000 files it is over a million characters, and holding it
        // as JSON, then as a literal, then as a line cost five copies of it.
        var literal = new JsonText(w.BeginLine("        public const string Json = "), asCSharpLiteral: true);
        WriteJson(literal.Quote(), model);
        literal.Quote();
        w.EndLine(";");
        w.Line("    }");
        w.Line("}");
        return w.ToString();
    }

    private static string Payload(this InventoryShare share) => share.PayloadType.Replace("global::", string.Empty);

    /// <summary>The inventory as JSON.</summary>
    public static string Json(InventoryModel model)
    {
        var text = new StringBuilder();
        WriteJson(new JsonText(text, asCSharpLiteral: false), model);
        return text.ToString();
    }

    private static void WriteJson(JsonText j, InventoryModel model)
    {
        j.Raw("{").Key(S.Schema, first: true).Str(S.Version).Key(S.Assembly).Str(model.AssemblyName).Key(S.Types).Raw("[");
        var first = true;
        foreach (var type in model.Types)
        {
            j.Raw(first ? "{" : ",{").Key(S.Type, first: true).Str(type.FullName);
            first = false;
            j.Key(S.Subject).Str(type.Subject).Key(S.Retention).Str(type.Retention);
            Basis(j, type.Basis);
            Article10(j, type.Article10);
            j.Key(S.Members).Raw("[");
            var firstMember = true;
            foreach (var member in type.Members)
            {
                j.Raw(firstMember ? "{" : ",{").Key(S.Name, first: true).Str(member.Name);
                firstMember = false;
                j.Key(S.Kind).Str(member.Kind).Key(S.Categories).Raw("[");
                for (var c = 0; c < member.Categories.Count; c++)
                {
                    j.Raw(c == 0 ? string.Empty : ",").Str(member.Categories[c]);
                }

                j.Raw("]").Key(S.Subject).Str(member.Subject);
                Basis(j, member.Basis);
                Article10(j, member.Article10);
                j.Raw("}");
            }

            j.Raw("]}");
        }

        j.Raw("]").Key(S.Shares).Raw("[");
        first = true;
        foreach (var share in model.Shares)
        {
            j.Raw(first ? "{" : ",{").Key(S.Name, first: true).Str(share.Name);
            first = false;
            j.Key(S.Recipient).Str(share.Recipient).Key(S.Purpose).Str(share.Purpose).Key(S.Payload).Str(share.Payload());
            Basis(j, share.Basis);
            if (share.Agreement is { } agreement)
            {
                j.Key(S.Agreement).Raw("{").Key(S.AgreedOn, first: true).Str(agreement.AgreedOn)
                 .Key(S.LastReviewedOn).Str(agreement.LastReviewedOn)
                 .Key(S.Reference).Str(agreement.Reference)
                 .Raw("}");
            }

            j.Key(S.Fields).Raw("[");
            var firstField = true;
            foreach (var field in share.Fields)
            {
                j.Raw(firstField ? "{" : ",{").Key(S.Name, first: true).Str(field.Name);
                firstField = false;
                j.Key(S.Kind).Str(field.Kind).Key(S.Category).Str(field.Category);
                Article10(j, field.Article10);
                j.Raw("}");
            }

            j.Raw("]}");
        }

        j.Raw("]}");
    }

    private static void Basis(JsonText j, LegalBasis basis)
    {
        j.Key(S.LawfulBasis).Str(basis.LawfulBasis)
         .Key(S.Gateway).Str(basis.Gateway)
         .Key(S.Article9Condition).Str(basis.Article9Condition)
         .Key(S.Schedule1).Str(basis.Schedule1)
         .Key(S.Schedule1Paragraph).Raw(basis.Schedule1Paragraph == 0 ? "null" : basis.Schedule1Paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture))
         .Key(S.BasisInLaw).Str(basis.BasisInLaw);
        if (basis.Annex1 is not null)
        {
            // Only an Art. 6(1)(ea) basis carries the Annex 1 condition it meets (Art. 6(5)).
            j.Key(S.Annex1).Str(basis.Annex1)
             .Key(S.Annex1Paragraph).Raw(basis.Annex1Paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // Only criminal offence data carries the member: what authorises it under Art. 10 (DPA 2018 s10(5)).
    private static void Article10(JsonText j, Classification.Article10Authority? authority)
    {
        if (authority is null)
        {
            return;
        }

        j.Key(S.Article10).Raw("{").Key(S.OfficialAuthority, first: true).Str(authority.OfficialAuthority)
         .Key(S.Schedule1).Str(authority.Schedule1)
         .Key(S.Schedule1Paragraph).Raw(authority.Schedule1Paragraph == 0 ? "null" : authority.Schedule1Paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture))
         .Raw("}");
    }

    /// <summary>Merges the entries found from each marker into one sorted, de-duplicated inventory.</summary>
    public static EquatableArray<InventoryType> Merge(IEnumerable<InventoryType> types) =>
        types.GroupBy(t => t.FullName).Select(g => g.First()).OrderBy(t => t.FullName, System.StringComparer.Ordinal).ToEquatableArray();
}
