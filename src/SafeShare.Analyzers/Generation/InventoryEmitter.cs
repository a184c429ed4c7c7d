using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SafeShare.Analyzers.Generation;

/// <summary>The whole data inventory of an assembly: every personal-data type and every declared share.</summary>
internal sealed record InventoryModel(string AssemblyName, EquatableArray<InventoryType> Types, EquatableArray<InventoryShare> Shares);

/// <summary>
/// Emits the data inventory: a JSON manifest stored in the assembly's metadata (readable without
/// running the assembly) and a class that holds it, with a reviewer's summary in its comments.
/// </summary>
internal static class InventoryEmitter
{
    public const string MetadataKey = "SafeShare.DataInventory";
    public const string Schema = "safeshare-inventory/1";

    public static string Emit(InventoryModel model)
    {
        var json = Json(model);
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
            w.Line($"    //   lawful basis: {LegalText.OneLine(LegalText.LawfulBasis(type.Basis.LawfulBasis, type.Basis.Gateway))}");
            if (type.Basis.Article9Condition is not null)
            {
                w.Line($"    //   Article 9 condition: {LegalText.OneLine(LegalText.Article9(type.Basis.Article9Condition, type.Basis.Schedule1, type.Basis.Schedule1Paragraph, type.Basis.BasisInLaw))}");
            }

            w.Line($"    //   retention: {type.Retention ?? "none recorded"}");
            foreach (var member in type.Members)
            {
                var kind = member.Kind switch
                {
                    "SpecialCategory" => "special category: " + string.Join(", ", member.Categories.Select(LegalText.Words)),
                    "CriminalOffence" => "criminal offence data",
                    _ => "personal",
                };
                // A member's own basis or condition is shown only where it differs from the type's.
                var differs = string.Empty;
                if (member.Basis.LawfulBasis != type.Basis.LawfulBasis || member.Basis.Gateway != type.Basis.Gateway)
                {
                    differs += "; lawful basis: " + LegalText.LawfulBasis(member.Basis.LawfulBasis, member.Basis.Gateway);
                }

                if (member.Basis.Article9Condition != type.Basis.Article9Condition || member.Basis.Schedule1 != type.Basis.Schedule1 || member.Basis.BasisInLaw != type.Basis.BasisInLaw)
                {
                    differs += "; Article 9 condition: " + LegalText.Article9(member.Basis.Article9Condition, member.Basis.Schedule1, member.Basis.Schedule1Paragraph, member.Basis.BasisInLaw);
                }

                w.Line($"    //   - {member.Name} ({kind}){LegalText.OneLine(differs)}");
            }
        }

        foreach (var share in model.Shares)
        {
            w.Line("    //");
            w.Line($"    // Share {share.Name}: {share.Payload()} to {LegalText.OneLine(share.Recipient)}");
            w.Line($"    //   purpose: {LegalText.OneLine(share.Purpose)}");
            w.Line($"    //   lawful basis: {LegalText.OneLine(LegalText.LawfulBasis(share.Basis.LawfulBasis, share.Basis.Gateway))}");
            w.Line($"    //   Article 9 condition: {LegalText.OneLine(LegalText.Article9(share.Basis.Article9Condition, share.Basis.Schedule1, share.Basis.Schedule1Paragraph, share.Basis.BasisInLaw))}");
            w.Line($"    //   fields: {string.Join(", ", share.Fields.Select(f => f.Name))}");
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
        w.Line($"        public const string Json = {LegalText.Literal(json)};");
        w.Line("    }");
        w.Line("}");
        return w.ToString();
    }

    private static string Payload(this InventoryShare share) => share.PayloadType.Replace("global::", string.Empty);

    public static string Json(InventoryModel model)
    {
        var j = new StringBuilder();
        j.Append("{\"schema\":").Append(Str(Schema)).Append(",\"assembly\":").Append(Str(model.AssemblyName)).Append(",\"types\":[");
        var first = true;
        foreach (var type in model.Types)
        {
            j.Append(first ? string.Empty : ",");
            first = false;
            j.Append("{\"type\":").Append(Str(type.FullName))
             .Append(",\"subject\":").Append(Str(type.Subject))
             .Append(",\"retention\":").Append(Str(type.Retention));
            Basis(j, type.Basis);
            j.Append(",\"members\":[");
            var firstMember = true;
            foreach (var member in type.Members)
            {
                j.Append(firstMember ? string.Empty : ",");
                firstMember = false;
                j.Append("{\"name\":").Append(Str(member.Name)).Append(",\"kind\":").Append(Str(member.Kind))
                 .Append(",\"categories\":[").Append(string.Join(",", member.Categories.Select(c => Str(c)))).Append(']')
                 .Append(",\"subject\":").Append(Str(member.Subject));
                Basis(j, member.Basis);
                j.Append('}');
            }

            j.Append("]}");
        }

        j.Append("],\"shares\":[");
        first = true;
        foreach (var share in model.Shares)
        {
            j.Append(first ? string.Empty : ",");
            first = false;
            j.Append("{\"name\":").Append(Str(share.Name)).Append(",\"recipient\":").Append(Str(share.Recipient))
             .Append(",\"purpose\":").Append(Str(share.Purpose)).Append(",\"payload\":").Append(Str(share.Payload()));
            Basis(j, share.Basis);
            j.Append(",\"fields\":[");
            j.Append(string.Join(",", share.Fields.Select(f => $"{{\"name\":{Str(f.Name)},\"kind\":{Str(f.Kind)},\"category\":{Str(f.Category)}}}")));
            j.Append("]}");
        }

        j.Append("]}");
        return j.ToString();
    }

    private static void Basis(StringBuilder j, LegalBasis basis) =>
        j.Append(",\"lawfulBasis\":").Append(Str(basis.LawfulBasis))
         .Append(",\"gateway\":").Append(Str(basis.Gateway))
         .Append(",\"article9Condition\":").Append(Str(basis.Article9Condition))
         .Append(",\"schedule1\":").Append(Str(basis.Schedule1))
         .Append(",\"schedule1Paragraph\":").Append(basis.Schedule1Paragraph == 0 ? "null" : basis.Schedule1Paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture))
         .Append(",\"basisInLaw\":").Append(Str(basis.BasisInLaw));

    private static string Str(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var s = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': s.Append("\\\""); break;
                case '\\': s.Append("\\\\"); break;
                case '\n': s.Append("\\n"); break;
                case '\r': s.Append("\\r"); break;
                case '\t': s.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        s.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        s.Append(c);
                    }

                    break;
            }
        }

        return s.Append('"').ToString();
    }

    /// <summary>Merges the entries found from each marker into one sorted, de-duplicated inventory.</summary>
    public static EquatableArray<InventoryType> Merge(IEnumerable<InventoryType> types) =>
        types.GroupBy(t => t.FullName).Select(g => g.First()).OrderBy(t => t.FullName, System.StringComparer.Ordinal).ToEquatableArray();
}
