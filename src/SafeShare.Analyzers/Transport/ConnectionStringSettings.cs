using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SafeShare.Analyzers.Transport;

/// <summary>One connection-string setting that turns encryption or certificate checks off.</summary>
internal readonly struct WeakSetting
{
    public WeakSetting(int start, int length, int valueOffset, string setting, string problem, string replacement)
    {
        Start = start;
        Length = length;
        ValueOffset = valueOffset;
        Setting = setting;
        Problem = problem;
        Replacement = replacement;
    }

    /// <summary>Where "key=value" starts in the text searched.</summary>
    public int Start { get; }

    /// <summary>The length of "key=value".</summary>
    public int Length { get; }

    /// <summary>Where the value starts, from <see cref="Start"/>.</summary>
    public int ValueOffset { get; }

    /// <summary>"key=value" as written.</summary>
    public string Setting { get; }

    /// <summary>What the setting does, in words.</summary>
    public string Problem { get; }

    /// <summary>The value that turns protection back on.</summary>
    public string Replacement { get; }

    /// <summary>The setting with protection back on.</summary>
    public string Fixed => Setting.Substring(0, ValueOffset) + Replacement;
}

/// <summary>
/// Finds settings such as Encrypt=False, TrustServerCertificate=True or SslMode=Disable in connection
/// strings of SQL Server, PostgreSQL, MySQL, MongoDB, Redis and the like.
/// </summary>
internal static class ConnectionStringSettings
{
    private static readonly Regex Setting = new(
        @"(?<![A-Za-z0-9_])(?<key>Encrypt|Trust\s?Server\s?Certificate|Ssl\s?Mode|Ssl-Mode|Use\s?Ssl|Ssl|Tls|Tls\s?Allow\s?Invalid\s?Certificates|Tls\s?Allow\s?Invalid\s?Hostnames|Tls\s?Insecure|Ssl\s?Allow\s?Invalid\s?Certificates)\s*=\s*(?<value>[A-Za-z0-9\-]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Quick test before the regular expression: does the text mention a setting this rule knows?</summary>
    public static bool MayContainSetting(string text) =>
        text.IndexOf('=') >= 0 &&
        (text.IndexOf("encrypt", StringComparison.OrdinalIgnoreCase) >= 0 ||
         text.IndexOf("ssl", StringComparison.OrdinalIgnoreCase) >= 0 ||
         text.IndexOf("tls", StringComparison.OrdinalIgnoreCase) >= 0 ||
         text.IndexOf("trust", StringComparison.OrdinalIgnoreCase) >= 0);

    public static List<WeakSetting> Find(string text)
    {
        var found = new List<WeakSetting>();
        if (!MayContainSetting(text))
        {
            return found;
        }

        foreach (Match match in Setting.Matches(text))
        {
            var key = Normalise(match.Groups["key"].Value);
            var valueGroup = match.Groups["value"];
            var value = valueGroup.Value.ToLowerInvariant();
            var lower = valueGroup.Value.ToLowerInvariant() == valueGroup.Value;
            string? problem = null;
            string? replacement = null;
            switch (key)
            {
                case "encrypt" when value is "false" or "no" or "optional" or "0":
                    problem = value == "optional" ? "makes encryption optional, so it can be stripped" : "turns encryption off";
                    replacement = lower ? "true" : "True";
                    break;
                case "trustservercertificate" when value is "true" or "yes" or "1":
                    problem = "skips the server certificate check";
                    replacement = lower ? "false" : "False";
                    break;
                case "sslmode" when value is "disable" or "disabled" or "none" or "allow" or "prefer" or "preferred":
                    problem = value is "disable" or "disabled" or "none" ? "turns TLS off" : "makes TLS optional and unverified, so it can be stripped";
                    replacement = lower ? "verify-full" : "VerifyFull";
                    break;
                case "ssl" or "tls" or "usessl" when value is "false" or "no" or "0":
                    problem = "turns TLS off";
                    replacement = lower ? "true" : "True";
                    break;
                case "tlsallowinvalidcertificates" or "tlsallowinvalidhostnames" or "tlsinsecure" or "sslallowinvalidcertificates" when value is "true" or "yes" or "1":
                    problem = "skips the server certificate check";
                    replacement = lower ? "false" : "False";
                    break;
            }

            if (problem is not null && replacement is not null)
            {
                found.Add(new WeakSetting(match.Index, match.Length, valueGroup.Index - match.Index, match.Value, problem, replacement));
            }
        }

        return found;
    }

    private static string Normalise(string key)
    {
        var chars = new char[key.Length];
        var n = 0;
        foreach (var c in key)
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                chars[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(chars, 0, n);
    }
}
