// LEGACY CODE, KEPT ON PURPOSE.
// This file is part of the Legacy/ folder of the SafeShare sample. It stands for code a council
// inherits from an older case-management system, written before anyone annotated it properly.
// It is kept to show what SafeShare reports. Do not copy it; Sharing/ shows the compliant way:
// a declared share that records the decision before anything is sent.

using System.Net.Http.Json;
using CaseManagement.Domain;

namespace CaseManagement.Legacy;

/// <summary>The old nightly upload of new assessments to the health partner's API.</summary>
public sealed class LegacyPartnerUpload(HttpClient http)
{
    // Expected: SAFE104. A whole assessment (health and ethnicity included) leaves the process with no
    // declared share: no decision is recorded, no purpose, no basis for this recipient, and every field
    // goes, needed or not (Sheffield schools guide golden rules 6 and 7; Berkshire protocol Appendix B 1.3).
    // Fix: declare a share with a purpose-built payload (see Sharing/DeclaredShares.cs) and call it
    // before sending, then record what was sent with its ...Disclosed companion.
    public Task<HttpResponseMessage> UploadAsync(Assessment assessment) =>
        http.PostAsJsonAsync("https://partner-health.example.org/api/assessments", assessment);
}
