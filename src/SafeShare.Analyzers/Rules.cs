using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers;

/// <summary>
/// The descriptor of every SafeShare rule, one partial file per rule family. Each links to its page
/// under docs/rules.
/// </summary>
internal static partial class Rules
{
    public const string HelpLinkBase = "https://github.com/safeshare-uk/SafeShare/blob/main/docs/rules/";

    /// <summary>The help link of a rule: its page under docs/rules.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id));
}
