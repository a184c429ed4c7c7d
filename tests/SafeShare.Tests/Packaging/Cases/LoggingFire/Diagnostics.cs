using System;
using System.Diagnostics;

namespace Cases.Logging;

public sealed class Placements
{
    public void Place(Child child, Activity activity)
    {
        Debug.WriteLine(child.Name); // expect: SAFE110
        Trace.TraceInformation("Placing {0}", child.Name); // expect: SAFE110
        activity.SetTag("child.name", child.Name); // expect: SAFE110
        activity.AddBaggage("child.name", child.Name); // expect: SAFE110
        Console.WriteLine($"Placing {child.Name}"); // expect: SAFE110
        Console.Error.WriteLine(child.Name); // expect: SAFE110

        // Compliant: identifiers.
        activity.SetTag("child.id", child.Id);
        activity.SetTag("case", child.CaseReference);
        Console.WriteLine($"Placing case {child.CaseReference}");
        Debug.WriteLine(child.Id);

        if (child.Id == 0)
        {
            throw new InvalidOperationException($"No placement for {child.Name}"); // expect: SAFE110
        }

        throw new ArgumentException($"No placement for child {child.Id}", nameof(child));
    }
}
