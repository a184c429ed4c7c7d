using System.Collections.Generic;

namespace SafeShare;

/// <summary>
/// A decision log that can be read back: for a subject access request (every record about one
/// person) and for a practice review (the whole sequence of decisions).
/// </summary>
public interface IDecisionLogReader
{
    /// <summary>Every record in the order it was appended.</summary>
    /// <exception cref="DecisionLogException">A line cannot be read; the message names it.</exception>
    IEnumerable<DecisionLogEntry> ReadAll();

    /// <summary>Every record about <paramref name="subjectReference"/> (exact match), in the order it was appended.</summary>
    /// <exception cref="DecisionLogException">A line cannot be read; the message names it.</exception>
    IEnumerable<DecisionLogEntry> ReadSubject(string subjectReference);
}
