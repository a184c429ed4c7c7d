using System;

namespace SafeShare;

/// <summary>
/// Declares the controller's appropriate policy document, required when relying on DPA 2018
/// Schedule 1 Part 1 para 1 or a Part 2 condition (Sch. 1 paras 1(1)(b) and 5; Part 4 para 39).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class AppropriatePolicyDocumentAttribute : Attribute
{
    /// <summary>Declares the policy document.</summary>
    /// <param name="reference">Where the document is kept, e.g. "IG-POL-014 v3 (intranet/ig/apd)".</param>
    public AppropriatePolicyDocumentAttribute(string reference) => Reference = reference;

    /// <summary>Where the document is kept.</summary>
    public string Reference { get; }
}
