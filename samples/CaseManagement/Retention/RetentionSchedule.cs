using System.Reflection;
using SafeShare;

namespace CaseManagement.Retention;

/// <summary>Where one record stands against its [RetainUntil] rule on a given day.</summary>
public sealed record RetentionStatus(
    string RecordType,
    string CaseReference,
    DateOnly? Anchor,
    DateOnly? DisposeAfter,
    DateOnly? NextReview,
    RetentionState State);

public enum RetentionState
{
    /// <summary>The retention period has ended: dispose of the record securely.</summary>
    PastRetention,
    /// <summary>The anchor date is not set yet (e.g. no contact made), so review it now.</summary>
    NoAnchorDate,
    /// <summary>A scheduled review falls in the look-ahead window.</summary>
    ReviewDue,
    /// <summary>Within the retention period and no review falls in the look-ahead window.</summary>
    Keep,
}

/// <summary>
/// Reads a type's [RetainUntil] rule at run time and works out the disposal date and the next
/// review. (SafeShare's generator can emit the same helpers on partial types; this sample reads the
/// attribute so it works on every type, partial or not.)
/// </summary>
public static class RetentionSchedule
{
    public static RetentionStatus Evaluate(object record, string caseReference, DateOnly today, int lookAheadDays = 90)
    {
        var type = record.GetType();
        var rule = type.GetCustomAttribute<RetainUntilAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"{type.Name} has no [RetainUntil] rule.");

        var anchor = ReadAnchor(record, rule.AnchorMember);
        if (anchor is null)
        {
            return new RetentionStatus(type.Name, caseReference, null, null, null, RetentionState.NoAnchorDate);
        }

        var disposeAfter = anchor.Value.AddYears(rule.Years).AddMonths(rule.Months);
        DateOnly? nextReview = null;
        if (rule.ReviewEveryYears > 0)
        {
            var review = anchor.Value.AddYears(rule.ReviewEveryYears);
            while (review < today)
            {
                review = review.AddYears(rule.ReviewEveryYears);
            }

            nextReview = review < disposeAfter ? review : null;
        }

        var state = disposeAfter < today ? RetentionState.PastRetention
            : nextReview is { } r && r.DayNumber - today.DayNumber <= lookAheadDays ? RetentionState.ReviewDue
            : RetentionState.Keep;

        return new RetentionStatus(type.Name, caseReference, anchor, disposeAfter, nextReview, state);
    }

    private static DateOnly? ReadAnchor(object record, string member)
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var type = record.GetType();
        object? value = type.GetProperty(member, Flags)?.GetValue(record)
            ?? type.GetField(member, Flags)?.GetValue(record);

        return value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            DateTimeOffset dto => DateOnly.FromDateTime(dto.UtcDateTime),
            _ => null,
        };
    }
}
