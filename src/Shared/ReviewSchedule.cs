using System;
using System.Globalization;

namespace SafeShare.Text;

/// <summary>
/// When an information sharing agreement is next reviewed: six months after it was agreed, then a year after each
/// review ("reviewed initially after six months and thereafter annually": Berkshire protocol §6.2; Solihull protocol §6.2).
/// A linked source file, so the rule that reports an
/// overdue review and the report that prints the date agree.
/// </summary>
internal static class ReviewSchedule
{
    /// <summary>The form the dates are written in: "2026-01-15".</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Reads a date written as yyyy-MM-dd; null when it is not one.</summary>
    public static DateTime? Parse(string? text) =>
        text is not null && DateTime.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The next review: the first six months after agreement, then annually after the last review.</summary>
    public static DateTime Next(DateTime agreedOn, DateTime? lastReviewedOn) =>
        lastReviewedOn is { } reviewed && reviewed >= agreedOn ? reviewed.AddYears(1) : agreedOn.AddMonths(6);

    public static string Format(DateTime date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
