namespace SafeShare.Analyzers;

/// <summary>
/// The diagnostic properties the classification rules set for their code fixes. Linked into the code fixes' assembly,
/// as the diagnostic IDs are, so the two sides cannot name a property differently.
/// </summary>
internal static class ClassificationProperties
{
    /// <summary>The special categories of the reported data, <c>SpecialCategory</c> member names joined by commas (SAFE001).</summary>
    public const string SpecialCategories = "SpecialCategories";
}
