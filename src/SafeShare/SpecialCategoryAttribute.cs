using System;

namespace SafeShare;

/// <summary>
/// Marks a type or member as special category data (UK GDPR Art. 9(1)). Implies
/// <see cref="PersonalDataAttribute"/>. Processing it needs both an Art. 6 lawful basis
/// (<see cref="LawfulBasisAttribute"/>) and an Art. 9(2) condition (<see cref="Article9ConditionAttribute"/>)
/// (North East Lincolnshire guidance §2; Berkshire protocol Appendix B 1.4; Solihull protocol §5.4).
/// </summary>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface |
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter,
    AllowMultiple = true, Inherited = true)]
public sealed class SpecialCategoryAttribute : Attribute
{
    /// <summary>Creates the marker for one Art. 9(1) category.</summary>
    /// <param name="category">The Art. 9(1) category the data reveals or concerns.</param>
    public SpecialCategoryAttribute(SpecialCategory category) => Category = category;

    /// <summary>The Art. 9(1) category.</summary>
    public SpecialCategory Category { get; }

    /// <summary>Whose data this is.</summary>
    public DataSubject Subject { get; set; }
}
