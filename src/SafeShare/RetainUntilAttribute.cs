using System;

namespace SafeShare;

/// <summary>
/// Records how long records of this type are kept: until <see cref="Years"/> and <see cref="Months"/>
/// after the date held in the anchor member (UK GDPR Art. 5(1)(e) storage limitation; North East Lincolnshire guidance §7,
/// e.g. school records to the school year after the 25th birthday:
/// <c>[RetainUntil(nameof(DateOfBirth), Years = 25)]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
public sealed class RetainUntilAttribute : Attribute
{
    /// <summary>Records a retention rule.</summary>
    /// <param name="anchorMember">A <c>DateOnly</c>, <c>DateTime</c> or <c>DateTimeOffset</c> member of the type (nullable allowed); use <c>nameof</c>.</param>
    public RetainUntilAttribute(string anchorMember) => AnchorMember = anchorMember;

    /// <summary>The member whose date the retention period runs from.</summary>
    public string AnchorMember { get; }

    /// <summary>Whole years after the anchor date.</summary>
    public int Years { get; set; }

    /// <summary>Months after the anchor date, added to <see cref="Years"/>.</summary>
    public int Months { get; set; }

    /// <summary>How often, in years, the need to keep the record is reviewed; 0 for no scheduled review.</summary>
    public int ReviewEveryYears { get; set; }
}
