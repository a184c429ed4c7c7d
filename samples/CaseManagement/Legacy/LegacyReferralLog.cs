// LEGACY CODE, KEPT ON PURPOSE.
// This file is part of the Legacy/ folder of the SafeShare sample. It stands for code a council
// inherits from an older case-management system, written before anyone annotated it properly.
// It is kept to show what SafeShare reports. Do not copy it; Program.cs shows the compliant way:
// the retention report prints case references only.

using CaseManagement.Domain;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Legacy;

/// <summary>The old intake screen's audit trail, written to the application log.</summary>
public sealed class LegacyReferralLog(ILogger<LegacyReferralLog> logger)
{
    // Expected: SAFE110. The child's name goes into every log file, shipper and monitoring service the
    // application writes to, kept for months outside the case record's access controls and retention
    // (Sheffield schools guide golden rule 6, "secure"; Berkshire protocol Appendix B 1.3).
    // Fix: log the case reference instead: logger.LogInformation("Referral received for case {Case}", child.CaseNumber).
    public void ReferralReceived(Child child) =>
        logger.LogInformation("Referral received for {Child}", child.FullName);
}
