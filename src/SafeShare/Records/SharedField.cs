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

    /// <summary>The member name.</summary>
    public string Name { get; }

    /// <summary>The kind of personal data.</summary>
    public DataKind Kind { get; }

    /// <summary>For special category data, the Art. 9(1) category.</summary>
    public SpecialCategory? Category { get; }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        DataKind.SpecialCategory => $"{Name} (special category: {Category})",
        DataKind.CriminalOffence => $"{Name} (criminal offence data)",
        _ => Name,
    };
}
