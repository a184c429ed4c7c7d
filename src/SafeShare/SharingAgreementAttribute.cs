using System;

namespace SafeShare;

/// <summary>
/// Records when the information sharing agreement behind a declared share was agreed and last reviewed, so the draft
/// protocol can print its next review and SAFE109 can say when one is overdue. A protocol is "reviewed initially after
/// six months and thereafter annually" (Berkshire protocol §6.2; Solihull protocol §6.2). Applies to the share method,
/// its type or the assembly; the nearest declaration wins. Dates are written as "yyyy-MM-dd".
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class SharingAgreementAttribute : Attribute
{
    /// <summary>Records an agreement.</summary>
    /// <param name="agreedOn">When the partner agencies agreed it, e.g. "2026-01-15".</param>
    public SharingAgreementAttribute(string agreedOn) => AgreedOn = agreedOn;

    /// <summary>When it was agreed, "yyyy-MM-dd".</summary>
    public string AgreedOn { get; }

    /// <summary>When it was last reviewed, "yyyy-MM-dd"; not set until the first review.</summary>
    public string? LastReviewedOn { get; set; }

    /// <summary>Where the signed agreement is kept, e.g. "ISP-2026-04 (partnership SharePoint)".</summary>
    public string? Reference { get; set; }
}
