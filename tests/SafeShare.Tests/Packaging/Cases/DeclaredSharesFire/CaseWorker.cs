using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using SafeShare;

namespace Cases.Fire;

// Code that uses the shares: the generated companions, and data that leaves the process.
public sealed class CaseWorker(EarlyHelpShares shares, HttpClient http)
{
    // Compliant: a decision not to share, with its reason.
    public DecisionRecord Decline() =>
        shares.ReferToPoliceNotShared("CASE-43", "A. Patel, Team Manager", "Threshold for a strategy discussion not met");

    // SAFE105: a decision not to share recorded with no reason.
    public DecisionRecord DeclineWithoutReason() =>
        shares.ReferToPoliceNotShared("CASE-44", "A. Patel, Team Manager", ""); // expect: SAFE105

    // SAFE104: personal data sent outside a declared share.
    public async Task UploadAsync(ReferralSummary summary) =>
        await http.PostAsJsonAsync("https://portal.partner.org.uk/referrals", summary); // expect: SAFE104

    // Compliant: the share is recorded, the channel is encrypted and the disclosure is recorded.
    public async Task ReferAsync(ReferralSummary summary, DecisionDetails details)
    {
        var decision = shares.ReferToPolice(summary, details);
        await http.PostAsJsonAsync("https://referrals.police.uk/api/referrals", summary);
        shares.ReferToPoliceDisclosed(decision, "Police referral portal", true, DisclosureOutcome.Delivered);
    }

    // SAFE206 (and SAFE201 for the address): the share is recorded, but the data goes over http.
    public async Task ReferOverHttpAsync(ReferralSummary summary, DecisionDetails details)
    {
        var decision = shares.ReferToPolice(summary, details);
        await http.PostAsJsonAsync("http://referrals.police.uk/api/referrals", summary); // expect: SAFE206, SAFE201
        shares.ReferToPoliceDisclosed(decision, "Police referral portal", false, DisclosureOutcome.Delivered);
    }
}
