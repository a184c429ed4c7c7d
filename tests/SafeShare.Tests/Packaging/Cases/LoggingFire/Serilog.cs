using System;
using Serilog;

namespace Cases.Logging;

public sealed class SerilogReferrals(ILogger log)
{
    public void Received(Child child)
    {
        log.Information("Referral for {@Child}", child); // expect: SAFE110
        log.Warning("Child {Name}", child.Name); // expect: SAFE110
        log.Error(new InvalidOperationException("failed"), "Could not place {Name}", child.Name); // expect: SAFE110
        Log.Information($"Referral for {child.Name}"); // expect: SAFE110
        log.ForContext("Child", child.Name).Information("Referral received"); // expect: SAFE110

        // Compliant: the case reference and identifier.
        log.Information("Referral for case {Case} ({Id})", child.CaseReference, child.Id);
        Log.Information("Referral for {Child}", Redaction.Initial(child.Name));
    }
}
