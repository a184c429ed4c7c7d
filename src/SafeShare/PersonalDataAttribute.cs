using System;

namespace SafeShare;

/// <summary>
/// Marks a type or member as personal data: information relating to an identified or identifiable
/// living person (UK GDPR Art. 4(1); North East Lincolnshire guidance §2.1). Processing it needs a lawful basis under
/// Art. 6 (<see cref="LawfulBasisAttribute"/>) and a retention rule (<see cref="RetainUntilAttribute"/>).
/// </summary>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface |
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter,
    AllowMultiple = false, Inherited = true)]
public sealed class PersonalDataAttribute : Attribute
{
    /// <summary>Whose data this is, for the data inventory and subject access requests.</summary>
    public DataSubject Subject { get; set; }
}
