using System;

namespace SafeShare;

/// <summary>
/// Records the UK GDPR Art. 9(2) condition for processing special category data and, where
/// Art. 9(2)(b), (g), (h), (i) or (j) is relied on, the DPA 2018 Schedule 1 condition that gives it a
/// basis in UK law. The nearest declaration wins (member → declaring type → assembly).
/// </summary>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface |
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Method |
    AttributeTargets.Parameter | AttributeTargets.Assembly,
    AllowMultiple = false, Inherited = true)]
public sealed class Article9ConditionAttribute : Attribute
{
    /// <summary>Records an Art. 9(2) condition.</summary>
    /// <param name="condition">The Art. 9(2) condition.</param>
    public Article9ConditionAttribute(Article9Condition condition) => Condition = condition;

    /// <summary>The Art. 9(2) condition.</summary>
    public Article9Condition Condition { get; }

    /// <summary>The DPA 2018 Schedule 1 condition relied on, e.g. para 18 safeguarding of children and individuals at risk.</summary>
    public Schedule1Condition Schedule1 { get; set; }

    /// <summary>Any further basis in law, e.g. "Children Act 2004 s11".</summary>
    public string? BasisInLaw { get; set; }
}
