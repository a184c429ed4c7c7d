namespace SafeShare.Analyzers;

/// <summary>
/// The diagnostic properties the transport rules set for their code fixes. Linked into the code fixes' assembly, as
/// the diagnostic IDs are, so the two sides cannot name a property differently.
/// </summary>
internal static class TransportProperties
{
    /// <summary>The clear-text scheme found (SAFE201).</summary>
    public const string Scheme = "Scheme";

    /// <summary>Where, from the start of the reported span, the value to replace begins.</summary>
    public const string ValueOffset = "ValueOffset";

    /// <summary>The value that turns encryption or certificate checks back on.</summary>
    public const string Replacement = "Replacement";

    /// <summary>How SAFE202's fix turns TLS on: one of <see cref="FixInitializer"/> or <see cref="FixValue"/>.</summary>
    public const string Fix = "Fix";

    /// <summary>Add <c>EnableSsl = true</c> to the object initializer.</summary>
    public const string FixInitializer = "Initializer";

    /// <summary>Replace the <c>false</c> assigned or passed.</summary>
    public const string FixValue = "Value";
}
