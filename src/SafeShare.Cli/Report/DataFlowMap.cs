using System;
using System.Collections.Generic;
using System.Linq;

using SafeShare.Text;

namespace SafeShare.Cli.Report;

/// <summary>What a type or a share lacks that the law or the guidance expects it to record.</summary>
internal static class Gap
{
    /// <summary>No lawful basis (UK GDPR Art. 6(1)).</summary>
    public const string Basis = "basis";

    /// <summary>Special category data with no Art. 9(2) condition.</summary>
    public const string Article9 = "article9";

    /// <summary>Criminal offence data with no official authority or Schedule 1 condition (Art. 10; DPA 2018 s10(5)).</summary>
    public const string Article10 = "article10";

    /// <summary>No retention rule: storage limitation (Art. 5(1)(e)).</summary>
    public const string Retention = "retention";

    /// <summary>No sharing agreement behind the share, so the protocol's term is still to complete.</summary>
    public const string Agreement = "agreement";

    public static string Describe(string gap) => gap switch
    {
        Basis => "no lawful basis (Art. 6(1))",
        Article9 => "no Art. 9 condition",
        Article10 => "no Art. 10 authority",
        Retention => "no retention rule",
        Agreement => "no sharing agreement (To complete)",
        _ => gap,
    };
}

/// <summary>A type whose data flows under a share: the left-hand side of the map.</summary>
internal sealed record MapType(string Type, string Name, bool SpecialCategory, bool CriminalOffence, IReadOnlyList<string> Gaps);

/// <summary>One declared share: an edge from its payload type to its recipient.</summary>
internal sealed record MapFlow(
    string Share,
    string Type,
    string Recipient,
    string Purpose,
    string LawfulBasis,
    string? Article9Condition,
    IReadOnlyList<string> Article10Conditions,
    bool SpecialCategory,
    bool CriminalOffence,
    IReadOnlyList<string> Gaps,
    int ToComplete);

/// <summary>
/// The data-flow map: personal-data types on one side, recipients on the other, one edge per declared share, with what
/// each type and share lacks. Drawn from the same inventory and protocols as the record, so the two cannot disagree.
/// </summary>
internal sealed record DataFlowMap(IReadOnlyList<MapType> Types, IReadOnlyList<string> Recipients, IReadOnlyList<MapFlow> Flows)
{
    public static DataFlowMap From(Inventory inventory, IReadOnlyList<SharingProtocol> protocols)
    {
        var types = new List<MapType>();
        var flows = new List<MapFlow>();
        foreach (var share in inventory.Shares)
        {
            var payload = inventory.Types.FirstOrDefault(t => t.Type == share.Payload);
            if (types.All(t => t.Type != share.Payload))
            {
                types.Add(TypeNode(share, payload));
            }

            var special = share.Fields.Any(f => f.Kind == InventorySchema.SpecialCategory);
            var criminal = share.Fields.Where(f => f.Kind == InventorySchema.CriminalOffence).ToArray();
            var gaps = new List<string>();
            if (share.Basis.LawfulBasis is null)
            {
                gaps.Add(Gap.Basis);
            }

            if (special && share.Basis.Article9Condition is null)
            {
                gaps.Add(Gap.Article9);
            }

            if (criminal.Any(f => !Authorised(f.Article10)))
            {
                gaps.Add(Gap.Article10);
            }

            var protocol = protocols.FirstOrDefault(p => p.Share == share.Name);
            if (protocol is null || protocol.Duration.StartsWith(ProcessingReport.ToComplete, StringComparison.Ordinal))
            {
                gaps.Add(Gap.Agreement);
            }

            flows.Add(new MapFlow(
                share.Name,
                share.Payload,
                share.Recipient,
                share.Purpose,
                Legal.LawfulBasis(share.Basis),
                special || share.Basis.Article9Condition is not null
                    ? Legal.Article9(share.Basis.Article9Condition, share.Basis.Schedule1, share.Basis.Schedule1Paragraph, share.Basis.BasisInLaw)
                    : null,
                criminal.Select(f => $"{f.Name}: {(f.Article10 is { } a ? a.ToString() : "none recorded")}").ToArray(),
                special,
                criminal.Length > 0,
                gaps,
                protocol?.Rows().Count(r => r.Value.Contains(ProcessingReport.ToComplete, StringComparison.Ordinal)) ?? 0));
        }

        return new DataFlowMap(types, flows.Select(f => f.Recipient).Distinct(StringComparer.Ordinal).ToArray(), flows);
    }

    private static MapType TypeNode(InventoryShare share, InventoryType? payload)
    {
        var name = share.Payload.Substring(share.Payload.LastIndexOf('.') + 1);
        if (payload is null)
        {
            // A payload with no personal-data annotations of its own: only the share's fields say what it carries.
            return new MapType(share.Payload, name,
                share.Fields.Any(f => f.Kind == InventorySchema.SpecialCategory),
                share.Fields.Any(f => f.Kind == InventorySchema.CriminalOffence),
                new[] { Gap.Retention });
        }

        var gaps = new List<string>();
        if (payload.Members.Any(m => m.Basis.LawfulBasis is null))
        {
            gaps.Add(Gap.Basis);
        }

        if (payload.Members.Any(m => m.Kind == InventorySchema.SpecialCategory && m.Basis.Article9Condition is null))
        {
            gaps.Add(Gap.Article9);
        }

        if (payload.Members.Any(m => m.Kind == InventorySchema.CriminalOffence && !Authorised(m.Article10)))
        {
            gaps.Add(Gap.Article10);
        }

        if (payload.Retention is null)
        {
            gaps.Add(Gap.Retention);
        }

        return new MapType(share.Payload, name,
            payload.Members.Any(m => m.Kind == InventorySchema.SpecialCategory),
            payload.Members.Any(m => m.Kind == InventorySchema.CriminalOffence),
            gaps);
    }

    private static bool Authorised(Article10? authority) => authority is not null && (authority.OfficialAuthority is not null || authority.Schedule1 is not null);
}
