using System;

namespace SafeShare;

/// <summary>
/// Marks a type or member as personal data relating to criminal convictions and offences or related
/// security measures (UK GDPR Art. 10; DPA 2018 s11(2)) — e.g. police disclosures, MAPPA and
/// Domestic Violence Disclosure Scheme information (North East Lincolnshire guidance §8). Implies <see cref="PersonalDataAttribute"/>.
/// Processing it needs official authority or a DPA 2018 Schedule 1 condition (DPA 2018 s10(5)):
/// set <see cref="OfficialAuthority"/> or <see cref="Schedule1"/> here, or a Schedule 1 condition on an
/// <see cref="Article9ConditionAttribute"/> that applies to the member.
/// </summary>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface |
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter,
    AllowMultiple = false, Inherited = true)]
public sealed class CriminalOffenceDataAttribute : Attribute
{
    /// <summary>The DPA 2018 Schedule 1 condition relied on (Part 1, 2 or 3).</summary>
    public Schedule1Condition Schedule1 { get; set; }

    /// <summary>The official authority under which the data is processed, e.g. "Police Act 1996 s30".</summary>
    public string? OfficialAuthority { get; set; }

    /// <summary>Whose data this is.</summary>
    public DataSubject Subject { get; set; }
}
