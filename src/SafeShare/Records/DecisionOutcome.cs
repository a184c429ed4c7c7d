namespace SafeShare;

/// <summary>What was decided about a request or proposal to share (golden rule 7 of the Sheffield schools guide: record the decision either way).</summary>
public enum DecisionOutcome
{
    /// <summary>The information was shared (or will be, once transmitted).</summary>
    Shared = 0,
    /// <summary>The information was not shared; the reasons are recorded.</summary>
    NotShared = 1,
}
