using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Council.Domain;
using SafeShare;

namespace Council.App;

[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
public sealed partial class PoliceReferrals(IDecisionLog log)
{
    private IDecisionLog Log { get; } = log;

    // The payload comes from the library: its Article 9 condition (on the base type's member there) is read from
    // metadata, so SAFE103 is silent; and it is the library's whole stored record (with [RetainUntil]), so SAFE106 notes it.
    [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
    public partial DecisionRecord Refer(ChildRecord payload, DecisionDetails details); // expect: SAFE106
}

public sealed class Referrer(HttpClient http, PoliceReferrals referrals)
{
    public async Task ReferAsync(ChildRecord child, ChildRecord sibling, CaseloadStatistics statistics, DecisionDetails details)
    {
        referrals.Refer(child, details);
        await http.PostAsJsonAsync("https://cait.police.example/referrals", child);
        // A different record, to a different recipient, under no decision at all.
        await http.PostAsJsonAsync("https://analytics.vendor.example/api/children", sibling); // expect: SAFE104
        await http.PostAsJsonAsync("https://analytics.vendor.example/api/caseload", statistics);
    }

    public Task UploadAsync(ChildRecord child) =>
        http.PostAsJsonAsync("https://vendor.example/children", child); // expect: SAFE104
}
