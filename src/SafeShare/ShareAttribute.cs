using System;

namespace SafeShare;

/// <summary>
/// Marks a method as a declared share of personal data with a named recipient for a stated purpose
/// (golden rule 6 of the Sheffield schools guide: share with those who need it, for a purpose). The lawful basis and any Art. 9
/// condition come from <see cref="LawfulBasisAttribute"/> and <see cref="Article9ConditionAttribute"/>
/// on the same method, its type or the assembly. Every decision, to share or not, is recorded with its
/// reasons (golden rule 7 of the Sheffield schools guide; Buckinghamshire Code of Practice Appendix 1 step 7).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ShareAttribute : Attribute
{
    /// <summary>Declares a share.</summary>
    /// <param name="recipient">Who receives the data, e.g. "Police – Child Abuse Investigation Team".</param>
    /// <param name="purpose">Why, e.g. "Strategy discussion under Children Act 1989 s47".</param>
    public ShareAttribute(string recipient, string purpose)
    {
        Recipient = recipient;
        Purpose = purpose;
    }

    /// <summary>Who receives the data.</summary>
    public string Recipient { get; }

    /// <summary>Why the data is shared.</summary>
    public string Purpose { get; }

    /// <summary>
    /// The payload members this share may carry, by name (use <c>nameof</c>). When set, only these are
    /// recorded as shared and any other personal member of the payload is reported (SAFE106: share
    /// only what is necessary, golden rule 6 of the Sheffield schools guide). When not set, every personal member of the payload is.
    /// </summary>
    public string[]? Fields { get; set; }
}
