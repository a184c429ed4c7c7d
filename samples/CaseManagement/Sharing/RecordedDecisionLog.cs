using SafeShare;

namespace CaseManagement.Sharing;

/// <summary>
/// Appends every record to the app's durable decision log (a <see cref="JsonLinesDecisionLog"/> file)
/// and keeps this run's records in memory too, so the sample can print what it just recorded.
/// </summary>
public sealed class RecordedDecisionLog(IDecisionLog durable) : IDecisionLog
{
    /// <summary>The records appended during this run, in order.</summary>
    public InMemoryDecisionLog ThisRun { get; } = new();

    public void Append(DecisionRecord decision)
    {
        durable.Append(decision); // durable first: only a record that is kept is shown as recorded
        ThisRun.Append(decision);
    }

    public void Append(DisclosureRecord disclosure)
    {
        durable.Append(disclosure);
        ThisRun.Append(disclosure);
    }
}
