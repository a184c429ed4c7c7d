using System;
using System.Linq;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// Reads the start of a string as an address and decides whether it sends data in clear text to
/// another machine. Pure string work, so callers run it before any symbol lookup.
/// </summary>
internal static class ClearTextAddress
{
    /// <summary>The clear-text schemes and what to use instead.</summary>
    private static readonly (string Scheme, string Instead)[] Schemes =
    {
        ("http", "https"),
        ("ws", "wss"),
        ("ftp", "SFTP or FTPS (FtpWebRequest.EnableSsl = true)"),
        ("telnet", "SSH"),
        ("ldap", "LDAPS (ldaps://) or LDAP with StartTLS"),
        ("smtp", "SMTP over TLS (smtps:// or STARTTLS with EnableSsl = true)"),
    };

    // Hosts that name XML/JSON schemas and namespaces: identifiers, never fetched over the network.
    private static readonly string[] SchemaHosts =
    {
        "www.w3.org", "w3.org", "xml.apache.org", "schemas.xmlsoap.org", "schemas.openxmlformats.org",
        "schemas.microsoft.com", "collations.microsoft.com", "schemas.datacontract.org", "tempuri.org",
        "docs.oasis-open.org", "ws-i.org", "purl.org", "rdfs.org", "xmlns.com", "schemas.google.com",
        "schemas.android.com", "ns.adobe.com", "a9.com", "ltsc.ieee.org", "docbook.org",
        "graphml.graphdrawing.org", "json-schema.org", "www.sitemaps.org", "exslt.org",
        "maven.apache.org", "www.omg.org", "www.opengis.net", "www.itunes.com",
    };

    /// <summary>What to use instead of <paramref name="scheme"/>.</summary>
    public static string Instead(string scheme)
    {
        foreach (var (s, instead) in Schemes)
        {
            if (string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase))
            {
                return instead;
            }
        }

        return "an encrypted protocol";
    }

    /// <summary>
    /// Whether a string that begins with <paramref name="start"/> can start with a clear-text scheme as <see cref="Find"/>
    /// reads it (white space, then "scheme://"): false once <paramref name="start"/>, past its leading white space, differs
    /// from every "scheme://". Empty or white space alone decides nothing, so it says true.
    /// </summary>
    public static bool CouldStartWithScheme(string start)
    {
        var i = PastWhiteSpace(start);
        var available = start.Length - i;
        if (available == 0)
        {
            return true;
        }

        foreach (var (scheme, _) in Schemes)
        {
            var compared = Math.Min(available, scheme.Length + SchemeSeparator.Length);
            var inScheme = Math.Min(compared, scheme.Length);
            if (string.Compare(start, i, scheme, 0, inScheme, StringComparison.OrdinalIgnoreCase) == 0 &&
                (compared == inScheme || string.CompareOrdinal(start, i + scheme.Length, SchemeSeparator, 0, compared - inScheme) == 0))
            {
                return true;
            }
        }

        return false;
    }

    private const string SchemeSeparator = "://";

    /// <summary>Where the text starts past its leading white space: an address is read from there.</summary>
    private static int PastWhiteSpace(string value)
    {
        var i = 0;
        while (i < value.Length && char.IsWhiteSpace(value[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Quick test: could <paramref name="value"/> start with a clear-text scheme at all?</summary>
    public static bool MayContainScheme(string value) => value.IndexOf(SchemeSeparator, StringComparison.Ordinal) > 0;

    /// <summary>
    /// The clear-text scheme <paramref name="value"/> starts with, when it names another machine; null when it
    /// is encrypted, loopback, a reserved example domain, a schema identifier, or a bare scheme ("http://")
    /// that nothing follows. <paramref name="continues"/> says more text is appended after the value.
    /// </summary>
    public static string? Find(string value, bool continues)
    {
        var i = PastWhiteSpace(value);
        if (SchemeAt(value, i) is not { } scheme)
        {
            return null;
        }

        var rest = i + scheme.Length + 3;
        if (rest >= value.Length)
        {
            // "http://" alone is a scheme constant; "http://" + host builds an address.
            return continues ? scheme : null;
        }

        var end = rest;
        while (end < value.Length && value[end] is not ('/' or '?' or '#' or '\\') && !char.IsWhiteSpace(value[end]))
        {
            end++;
        }

        var authority = value.Substring(rest, end - rest);
        var at = authority.LastIndexOf('@');
        var hostAndPort = at >= 0 ? authority.Substring(at + 1) : authority;
        var host = Host(hostAndPort);
        if (host.Length == 0)
        {
            // "ftp://user@" + host: the address is being built and the host is not known here.
            return scheme;
        }

        if (IsLoopback(host) || IsReservedForExamples(host))
        {
            return null;
        }

        if (scheme == "http" && Array.IndexOf(SchemaHosts, host) >= 0)
        {
            return null;
        }

        return scheme;
    }

    /// <summary>True for localhost, 127.0.0.0/8 and ::1 (bracketed or not).</summary>
    public static bool IsLoopback(string host)
    {
        host = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (host.StartsWith("[", StringComparison.Ordinal) && host.EndsWith("]", StringComparison.Ordinal))
        {
            host = host.Substring(1, host.Length - 2);
        }

        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host == "::1" || host == "0:0:0:0:0:0:0:1")
        {
            return true;
        }

        if (!host.StartsWith("127.", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = host.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || part.Length > 3 || !int.TryParse(part, out var octet) || octet > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 2606 / RFC 6761 names reserved for documentation and tests, and test.com, the de facto placeholder.</summary>
    public static bool IsReservedForExamples(string host)
    {
        host = host.TrimEnd('.').ToLowerInvariant();
        foreach (var domain in new[] { "example.com", "example.net", "example.org", "test.com" })
        {
            if (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var tld in new[] { ".example", ".test", ".invalid", ".localhost" })
        {
            if (host.EndsWith(tld, StringComparison.Ordinal) || host == tld.Substring(1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The clear-text scheme written at <paramref name="index"/> and followed by "://", or null. Most strings that reach
    /// here hold "https://": the text before the first "://" is compared only with the schemes of its length.
    /// </summary>
    private static string? SchemeAt(string value, int index)
    {
        var length = value.IndexOf(SchemeSeparator, index, StringComparison.Ordinal) - index;
        if (length < ShortestScheme || length > LongestScheme)
        {
            return null;
        }

        foreach (var (scheme, _) in Schemes)
        {
            if (scheme.Length == length && string.Compare(value, index, scheme, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return scheme;
            }
        }

        return null;
    }

    private static readonly int ShortestScheme = Schemes.Min(s => s.Scheme.Length);
    private static readonly int LongestScheme = Schemes.Max(s => s.Scheme.Length);

    private static string Host(string hostAndPort)
    {
        if (hostAndPort.StartsWith("[", StringComparison.Ordinal))
        {
            var close = hostAndPort.IndexOf(']');
            return (close > 0 ? hostAndPort.Substring(1, close - 1) : hostAndPort.Substring(1)).ToLowerInvariant();
        }

        var firstColon = hostAndPort.IndexOf(':');
        if (firstColon >= 0 && hostAndPort.IndexOf(':', firstColon + 1) >= 0)
        {
            // An IPv6 address written without brackets, such as ::1.
            return hostAndPort.ToLowerInvariant();
        }

        return (firstColon >= 0 ? hostAndPort.Substring(0, firstColon) : hostAndPort).TrimEnd('.').ToLowerInvariant();
    }
}
