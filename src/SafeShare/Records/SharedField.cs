namespace SafeShare;

/// <summary>What kind of personal data a shared field is.</summary>
public enum DataKind
{
    /// <summary>Personal data (UK GDPR Art. 4(1)).</summary>
    Personal = 0,
    /// <summary>Special category data (Art. 9(1)); <see cref="SharedField.Category"/> says which.</summary>
    SpecialCategory = 1,
    /// <summary>Criminal convictions and offences data (Art. 10).</summary>
    CriminalOffence = 2,
}

/// <summary>
/// One field of a share: its name and what kind of data it is — never its value (golden rule 6 of the Sheffield schools guide:
/// record what was shared, not a copy of it).
/// </summary>
public sealed class SharedField
{
    /// <summary>Describes a shared field.</summary>
    /// <param name="name">The member name, e.g. "DateOfBirth".</param>
    /// <param name="kind">The kind of personal data.</param>
    /// <param name="category">For special category data, the Art. 9(1) category.</param>
    public SharedField(string name, DataKind kind, SpecialCategory? category = null)
    {
        Name = name;
        Kind = kind;
        Category = category;
    }

    /// <summary>
    /// Describes a field of criminal offence data with what authorises processing it (UK GDPR Art. 10; DPA 2018 s10(5)):
    /// the control of official authority, or a DPA 2018 Schedule 1 condition, or both.
    /// </summary>
    /// <param name="name">The member name.</param>
    /// <param name="schedule1">The Schedule 1 condition relied on; <see cref="Schedule1Condition.None"/> if none.</param>
    /// <param name="officialAuthority">The official authority under which it is processed, if any.</param>
    public static SharedField CriminalOffence(string name, Schedule1Condition schedule1, string? officialAuthority) =>
        new(name, DataKind.CriminalOffence)
        {
            Article10Condition = schedule1,
            OfficialAuthority = string.IsNullOrWhiteSpace(officialAuthority) ? null : officialAuthority,
        };

    /// <summary>The member name.</summary>
    public string Name { get; }

    /// <summary>The kind of personal data.</summary>
    public DataKind Kind { get; }

    /// <summary>For special category data, the Art. 9(1) category.</summary>
    public SpecialCategory? Category { get; }

    /// <summary>For criminal offence data, the DPA 2018 Schedule 1 condition that authorises it (Art. 10); <see cref="Schedule1Condition.None"/> if none.</summary>
    public Schedule1Condition Article10Condition { get; private set; }

    /// <summary>For criminal offence data, the official authority under whose control it is processed (Art. 10), if any.</summary>
    public string? OfficialAuthority { get; private set; }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        DataKind.SpecialCategory => $"{Name} (special category: {Category})",
        DataKind.CriminalOffence => $"{Name} (criminal offence data)",
        _ => Name,
    };
}
