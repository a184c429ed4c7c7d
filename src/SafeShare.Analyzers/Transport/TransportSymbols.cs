using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// The networking, TLS and XML types the transport rules look at, resolved once per compilation and
/// shared by every transport analyzer. A type the project cannot see is null, and the checks that
/// need it are skipped. The transport rules do not need a reference to SafeShare itself.
/// </summary>
internal sealed class TransportSymbols
{
#pragma warning disable RS0030 // The one place the transport types are looked up by name: once per compilation.
    private TransportSymbols(Compilation compilation)
    {
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        HttpClientHandler = compilation.GetTypeByMetadataName("System.Net.Http.HttpClientHandler");
        SocketsHttpHandler = compilation.GetTypeByMetadataName("System.Net.Http.SocketsHttpHandler");
        SslClientAuthenticationOptions = compilation.GetTypeByMetadataName("System.Net.Security.SslClientAuthenticationOptions");
        ServicePointManager = compilation.GetTypeByMetadataName("System.Net.ServicePointManager");
        HttpWebRequest = compilation.GetTypeByMetadataName("System.Net.HttpWebRequest");
        SslStream = compilation.GetTypeByMetadataName("System.Net.Security.SslStream");
        SslPolicyErrors = compilation.GetTypeByMetadataName("System.Net.Security.SslPolicyErrors");
        X509Certificate = compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509Certificate");
        X509Chain = compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509Chain");
        SmtpClient = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
        FtpWebRequest = compilation.GetTypeByMetadataName("System.Net.FtpWebRequest");
        WebRequest = compilation.GetTypeByMetadataName("System.Net.WebRequest");
        SslProtocols = compilation.GetTypeByMetadataName("System.Security.Authentication.SslProtocols");
        SecurityProtocolType = compilation.GetTypeByMetadataName("System.Net.SecurityProtocolType");
        Uri = compilation.GetTypeByMetadataName("System.Uri");
        UriBuilder = compilation.GetTypeByMetadataName("System.UriBuilder");
        ClientWebSocket = compilation.GetTypeByMetadataName("System.Net.WebSockets.ClientWebSocket");
        XNamespace = compilation.GetTypeByMetadataName("System.Xml.Linq.XNamespace");
        XmlRootAttribute = compilation.GetTypeByMetadataName("System.Xml.Serialization.XmlRootAttribute");
        DataContractAttribute = compilation.GetTypeByMetadataName("System.Runtime.Serialization.DataContractAttribute");
        // MailKit is matched by name so that no package reference is needed to check code that uses it.
        SecureSocketOptions = compilation.GetTypeByMetadataName("MailKit.Security.SecureSocketOptions");
    }
#pragma warning restore RS0030

    public INamedTypeSymbol? HttpClient { get; }
    public INamedTypeSymbol? HttpClientHandler { get; }
    public INamedTypeSymbol? SocketsHttpHandler { get; }
    public INamedTypeSymbol? SslClientAuthenticationOptions { get; }
    public INamedTypeSymbol? ServicePointManager { get; }
    public INamedTypeSymbol? HttpWebRequest { get; }
    public INamedTypeSymbol? SslStream { get; }
    public INamedTypeSymbol? SslPolicyErrors { get; }
    public INamedTypeSymbol? X509Certificate { get; }
    public INamedTypeSymbol? X509Chain { get; }
    public INamedTypeSymbol? SmtpClient { get; }
    public INamedTypeSymbol? FtpWebRequest { get; }
    public INamedTypeSymbol? WebRequest { get; }
    public INamedTypeSymbol? SslProtocols { get; }
    public INamedTypeSymbol? SecurityProtocolType { get; }
    public INamedTypeSymbol? Uri { get; }
    public INamedTypeSymbol? UriBuilder { get; }
    public INamedTypeSymbol? ClientWebSocket { get; }
    public INamedTypeSymbol? XNamespace { get; }
    public INamedTypeSymbol? XmlRootAttribute { get; }
    public INamedTypeSymbol? DataContractAttribute { get; }
    public INamedTypeSymbol? SecureSocketOptions { get; }

    private static readonly ConditionalWeakTable<Compilation, TransportSymbols> Cache = new();

    /// <summary>The transport symbols of this compilation, resolved on first use and shared by every transport analyzer.</summary>
    public static TransportSymbols Get(Compilation compilation) =>
        Cache.GetValue(compilation, static c => new TransportSymbols(c));

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
    public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (expected is null)
        {
            return false;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A delegate shaped like a server-certificate check: (sender, certificate, chain, SslPolicyErrors) → bool.
    /// Covers RemoteCertificateValidationCallback, HttpClientHandler's Func&lt;HttpRequestMessage, X509Certificate2, ...&gt;
    /// and home-made delegates of the same shape.
    /// </summary>
    public bool IsCertificateValidator(ITypeSymbol? type)
    {
        // Most delegates here are LINQ's Func<T, bool> and Action<T>: the unconstructed definition's Invoke (no
        // substitution, no allocation) rules them out by its parameter count before the constructed one is asked for.
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } named || SslPolicyErrors is null ||
            named.OriginalDefinition.DelegateInvokeMethod is not { Parameters.Length: 4 } ||
            named.DelegateInvokeMethod is not { } invoke || invoke.ReturnType.SpecialType != SpecialType.System_Boolean || invoke.Parameters.Length != 4)
        {
            return false;
        }

        return Is(invoke.Parameters[3].Type, SslPolicyErrors) &&
            IsOrDerives(invoke.Parameters[2].Type, X509Chain) &&
            IsOrDerives(invoke.Parameters[1].Type, X509Certificate);
    }
}
