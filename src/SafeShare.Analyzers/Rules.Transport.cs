using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers;

/// <summary>
/// Transport rules SAFE201-SAFE205: shared data travels only over encrypted, verified channels
/// (Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.4; North East Lincolnshire guidance §7).
/// </summary>
internal static partial class Rules
{
    private const string Transport = "Transport";

    /// <summary>Diagnostic property naming the clear-text scheme, read by the code fix.</summary>
    public const string SchemeProperty = TransportProperties.Scheme;

    /// <summary>Diagnostic property: where, from the start of the reported span, the value to replace begins.</summary>
    public const string ValueOffsetProperty = TransportProperties.ValueOffset;

    /// <summary>Diagnostic property: the value that turns encryption or certificate checks back on.</summary>
    public const string ReplacementProperty = TransportProperties.Replacement;

    public static readonly DiagnosticDescriptor ClearTextProtocol = Create(
        DiagnosticIds.ClearTextProtocol,
        "Clear-text protocol used where data can travel",
        "{0} uses the clear-text {1} protocol; use {2}",
        Transport, DiagnosticSeverity.Warning,
        "Shared personal data must travel encrypted: 'any information shared via email is shared in an encrypted attachment, shared between secure email domains or shared using an encrypted email service' (Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.4), and by 'secure transfer' (North East Lincolnshire guidance §7). http, ftp, ws, telnet, ldap and plain smtp send everything, credentials included, in clear text. Loopback addresses, reserved example domains and XML namespace identifiers are not flagged.");

    public static readonly DiagnosticDescriptor MailOrFileTransferWithoutTls = Create(
        DiagnosticIds.MailOrFileTransferWithoutTls,
        "Mail or file transfer without TLS",
        "{0}",
        Transport, DiagnosticSeverity.Warning,
        "SmtpClient and FtpWebRequest send in clear text unless EnableSsl is true, and MailKit's SecureSocketOptions.None turns TLS off; the safeguarding protocols require encrypted email and secure transfer (Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.4; North East Lincolnshire guidance §7).");

    public static readonly DiagnosticDescriptor CertificateValidationDisabled = Create(
        DiagnosticIds.CertificateValidationDisabled,
        "Server certificate validation disabled",
        "{0} accepts every server certificate, so anyone on the network can read and change the data; validate the certificate or remove the callback",
        Transport, DiagnosticSeverity.Warning,
        "A certificate validation callback that returns true on every path, or HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, lets any machine in the middle impersonate the partner agency: the connection is encrypted to the attacker. 'Secure transfer' (North East Lincolnshire guidance §7) and 'secure email domains' (Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.4) mean the other end is verified.");

    public static readonly DiagnosticDescriptor ObsoleteTlsProtocol = Create(
        DiagnosticIds.ObsoleteTlsProtocol,
        "Obsolete SSL/TLS protocol pinned",
        "'{0}' enables {1}, which is obsolete and breakable; remove it and let the operating system choose ({2})",
        Transport, DiagnosticSeverity.Warning,
        "SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 are deprecated (RFC 6176, RFC 7568, RFC 8996). Pinning them keeps shared data on a channel that can be broken, against the safeguarding protocols' requirement of secure transfer (Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.4; North East Lincolnshire guidance §7). Comparisons and masks that exclude them are not flagged.");

    public static readonly DiagnosticDescriptor ConnectionStringWithoutEncryption = Create(
        DiagnosticIds.ConnectionStringWithoutEncryption,
        "Connection string turns off encryption or certificate checks",
        "'{0}' {1}; use '{2}'",
        Transport, DiagnosticSeverity.Warning,
        "A connection string with Encrypt=False, TrustServerCertificate=True, SslMode=Disable and the like sends case data to the database in clear text or to an unverified server. The safeguarding protocols require secure transfer of shared information (Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.4; North East Lincolnshire guidance §7). Also checked in appsettings*.json given to the compiler as AdditionalFiles.");
}
