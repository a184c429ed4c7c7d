namespace SafeShare.Analyzers;

/// <summary>
/// The diagnostic properties the sharing rules set for their code fixes. Linked into the code fixes' assembly, as
/// the diagnostic IDs are, so the two sides cannot name a property differently.
/// </summary>
internal static class SharingProperties
{
    /// <summary>The member SAFE110's fix logs instead of the person: the record's case reference or identifier.</summary>
    public const string Identifier = "Identifier";

    /// <summary>
    /// "true" when the reported value is a personal member (<c>child.Name</c> becomes <c>child.Id</c>); otherwise the
    /// reported value is the whole object (<c>child</c> becomes <c>child.Id</c>).
    /// </summary>
    public const string ReplacesMember = "ReplacesMember";
}
