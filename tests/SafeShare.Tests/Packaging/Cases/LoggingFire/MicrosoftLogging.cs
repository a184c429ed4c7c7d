using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Cases.Logging;

public sealed partial class Referrals(ILogger<Referrals> logger)
{
    public void Received(Child child)
    {
        logger.LogInformation("Referral for {Child}", child); // expect: SAFE110
        logger.LogWarning($"Strategy meeting for {child.Name}"); // expect: SAFE110
        logger.LogError("Could not place {Name}", child.Name); // expect: SAFE110
        logger.LogDebug("Referral for " + child.Name); // expect: SAFE110
        logger.Log(LogLevel.Information, "Child {Name}", child.Name); // expect: SAFE110
        using (logger.BeginScope("Referral of {Child}", child.Name)) // expect: SAFE110
        {
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["Child"] = child.Name })) // expect: SAFE110
        {
        }

        ReferralReceived(logger, child.Name); // expect: SAFE110
        ReferralFor(logger, child);

        // Compliant: identifiers, a redactor, an object's own text, a constant message.
        logger.LogInformation("Referral for case {Case} ({Id})", child.CaseReference, child.Id);
        logger.LogInformation($"Referral for case {child.CaseReference}");
        logger.LogInformation("Referral for {Child}", Redaction.Initial(child.Name));
        logger.LogInformation($"Referral for {child}");
        logger.LogInformation("Referral received");
        CaseOpened(logger, child.CaseReference);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Referral for {Name}")]
    private static partial void ReferralReceived(ILogger logger, string name);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Referral for {Child}")]
    private static partial void ReferralFor(ILogger logger, Child child); // expect: SAFE110

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Case {CaseReference} opened")]
    private static partial void CaseOpened(ILogger logger, string caseReference);
}
