using System;

namespace SafeShare;

/// <summary>
/// Records the UK GDPR Art. 6(1) lawful basis for processing personal data. Applies to the member,
/// method, type or assembly it is placed on; the nearest declaration wins (member → declaring type →
/// assembly).
/// </summary>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface |
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Method |
    AttributeTargets.Parameter | AttributeTargets.Assembly,
    AllowMultiple = false, Inherited = true)]
public sealed class LawfulBasisAttribute : Attribute
{
    /// <summary>Records an Art. 6(1) basis.</summary>
    /// <param name="basis">The Art. 6(1) basis.</param>
    public LawfulBasisAttribute(LawfulBasis basis) => Basis = basis;

    /// <summary>The Art. 6(1) basis.</summary>
    public LawfulBasis Basis { get; }

    /// <summary>The statutory gateway that gives the task or obligation, e.g. "Children Act 1989 s47".</summary>
    public string? Gateway { get; set; }

    /// <summary>
    /// For <see cref="LawfulBasis.RecognisedLegitimateInterest"/>, the UK GDPR Annex 1 condition the processing meets
    /// (Art. 6(5)), e.g. <see cref="Annex1Condition.SafeguardingVulnerableIndividual"/>.
    /// </summary>
    public Annex1Condition Annex1 { get; set; }
}
