using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// The networking, TLS and XML types the transport rules look at, each resolved once per compilation (when first
/// asked for) and shared by every transport analyzer. A type the project cannot see is null, and the checks that
/// need it are skipped. The parameter types of a certificate check are matched by name instead
/// (<see cref="IsCertificateValidator"/>). The transport rules do not need a reference to SafeShare itself.
/// </summary>
internal sealed class TransportSymbols
{
    // Each type is looked up when a rule first asks for it (a missing one, like MailKit's, is searched for in every
    // reference): a rule pays only for the types it uses, and a project pays only for the rules that run.
    private TransportSymbols(Compilation compilation)
    {
        _httpClient = Resolve(compilation, "System.Net.Http.HttpClient");
        _httpClientHandler = Resolve(compilation, "System.Net.Http.HttpClientHandler");
        _socketsHttpHandler = Resolve(compilation, "System.Net.Http.SocketsHttpHandler");
        _sslClientAuthenticationOptions = Resolve(compilation, "System.Net.Security.SslClientAuthenticationOptions");
        _servicePointManager = Resolve(compilation, "System.Net.ServicePointManager");
        _httpWebRequest = Resolve(compilation, "System.Net.HttpWebRequest");
        _sslStream = Resolve(compilation, "System.Net.Security.SslStream");
        _smtpClient = Resolve(compilation, "System.Net.Mail.SmtpClient");
        _ftpWebRequest = Resolve(compilation, "System.Net.FtpWebRequest");
        _webRequest = Resolve(compilation, "System.Net.WebRequest");
        _sslProtocols = Resolve(compilation, "System.Security.Authentication.SslProtocols");
        _securityProtocolType = Resolve(compilation, "System.Net.SecurityProtocolType");
        _uri = Resolve(compilation, "System.Uri");
        _uriBuilder = Resolve(compilation, "System.UriBuilder");
        _clientWebSocket = Resolve(compilation, "System.Net.WebSockets.ClientWebSocket");
        _xNamespace = Resolve(compilation, "System.Xml.Linq.XNamespace");
        _xmlRootAttribute = Resolve(compilation, "System.Xml.Serialization.XmlRootAttribute");
        _dataContractAttribute = Resolve(compilation, "System.Runtime.Serialization.DataContractAttribute");
        _secureSocketOptions = Resolve(compilation, "MailKit.Security.SecureSocketOptions");
    }

#pragma warning disable RS0030 // The one place the transport types are looked up by name: once per compilation each.
    private static System.Lazy<INamedTypeSymbol?> Resolve(Compilation compilation, string metadataName) =>
        new(() => compilation.GetTypeByMetadataName(metadataName), System.Threading.LazyThreadSafetyMode.PublicationOnly);

#pragma warning restore RS0030

    // Keyed by reference: a definition is one object in a compilation, and hashing by reference costs a fraction of the
    // symbol comparer's walk of names and namespaces (every lambda and method group of the program is looked up here).
    // Two objects for one definition would only cost a second entry.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool> _takesFourArguments = new(SameObject.Instance);
    private static readonly System.Func<INamedTypeSymbol, bool> TakesFourArguments = static definition => definition.DelegateInvokeMethod is { Parameters.Length: 4 };

    private readonly System.Lazy<INamedTypeSymbol?> _httpClient;
    private readonly System.Lazy<INamedTypeSymbol?> _httpClientHandler;
    private readonly System.Lazy<INamedTypeSymbol?> _socketsHttpHandler;
    private readonly System.Lazy<INamedTypeSymbol?> _sslClientAuthenticationOptions;
    private readonly System.Lazy<INamedTypeSymbol?> _servicePointManager;
    private readonly System.Lazy<INamedTypeSymbol?> _httpWebRequest;
    private readonly System.Lazy<INamedTypeSymbol?> _sslStream;
    private readonly System.Lazy<INamedTypeSymbol?> _smtpClient;
    private readonly System.Lazy<INamedTypeSymbol?> _ftpWebRequest;
    private readonly System.Lazy<INamedTypeSymbol?> _webRequest;
    private readonly System.Lazy<INamedTypeSymbol?> _sslProtocols;
    private readonly System.Lazy<INamedTypeSymbol?> _securityProtocolType;
    private readonly System.Lazy<INamedTypeSymbol?> _uri;
    private readonly System.Lazy<INamedTypeSymbol?> _uriBuilder;
    private readonly System.Lazy<INamedTypeSymbol?> _clientWebSocket;
    private readonly System.Lazy<INamedTypeSymbol?> _xNamespace;
    private readonly System.Lazy<INamedTypeSymbol?> _xmlRootAttribute;
    private readonly System.Lazy<INamedTypeSymbol?> _dataContractAttribute;
    private readonly System.Lazy<INamedTypeSymbol?> _secureSocketOptions;

    public INamedTypeSymbol? HttpClient => _httpClient.Value;
    public INamedTypeSymbol? HttpClientHandler => _httpClientHandler.Value;
    public INamedTypeSymbol? SocketsHttpHandler => _socketsHttpHandler.Value;
    public INamedTypeSymbol? SslClientAuthenticationOptions => _sslClientAuthenticationOptions.Value;
    public INamedTypeSymbol? ServicePointManager => _servicePointManager.Value;
    public INamedTypeSymbol? HttpWebRequest => _httpWebRequest.Value;
    public INamedTypeSymbol? SslStream => _sslStream.Value;
    public INamedTypeSymbol? SmtpClient => _smtpClient.Value;
    public INamedTypeSymbol? FtpWebRequest => _ftpWebRequest.Value;
    public INamedTypeSymbol? WebRequest => _webRequest.Value;
    public INamedTypeSymbol? SslProtocols => _sslProtocols.Value;
    public INamedTypeSymbol? SecurityProtocolType => _securityProtocolType.Value;
    public INamedTypeSymbol? Uri => _uri.Value;
    public INamedTypeSymbol? UriBuilder => _uriBuilder.Value;
    public INamedTypeSymbol? ClientWebSocket => _clientWebSocket.Value;
    public INamedTypeSymbol? XNamespace => _xNamespace.Value;
    public INamedTypeSymbol? XmlRootAttribute => _xmlRootAttribute.Value;
    public INamedTypeSymbol? DataContractAttribute => _dataContractAttribute.Value;
    // MailKit is matched by name so that no package reference is needed to check code that uses it.
    public INamedTypeSymbol? SecureSocketOptions => _secureSocketOptions.Value;

    private static readonly ConditionalWeakTable<Compilation, TransportSymbols> Cache = new();

    private sealed class SameObject : System.Collections.Generic.IEqualityComparer<INamedTypeSymbol>
    {
        public static readonly SameObject Instance = new();

        public bool Equals(INamedTypeSymbol? x, INamedTypeSymbol? y) => ReferenceEquals(x, y);

        public int GetHashCode(INamedTypeSymbol obj) => RuntimeHelpers.GetHashCode(obj);
    }

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
        // Most delegates here are LINQ's Func<T, bool> and Action<T>: their definition's parameter count rules them out
        // before the constructed Invoke is asked for. It is kept per definition: a method symbol's Parameters makes a new
        // array on every call, and every lambda and method group of the program comes here.
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } named ||
            !_takesFourArguments.GetOrAdd(named.OriginalDefinition, TakesFourArguments) ||
            named.DelegateInvokeMethod is not { } invoke || invoke.ReturnType.SpecialType != SpecialType.System_Boolean || invoke.Parameters.Length != 4)
        {
            return false;
        }

        // The three types are matched by their full names, not looked up: a lookup by metadata name searches every
        // reference (about 0.1 ms each in a harness, 0.3-0.5 ms for a compilation's first), and these types are only ever
        // compared with. A compilation declaring its own System.Net.Security.SslPolicyErrors, as a polyfill
        // would, has its delegates of this shape checked too.
        return IsNamed(invoke.Parameters[3].Type, "SslPolicyErrors", SecurityNamespace) &&
            DerivesFromNamed(invoke.Parameters[2].Type, "X509Chain", X509Namespace) &&
            DerivesFromNamed(invoke.Parameters[1].Type, "X509Certificate", X509Namespace);
    }

    private static readonly string[] SecurityNamespace = { "Security", "Net", "System" };
    private static readonly string[] X509Namespace = { "X509Certificates", "Cryptography", "Security", "System" };

    /// <summary>
    /// Whether a type is the non-generic, top-level type of this name in this namespace (innermost part first). A type
    /// that did not resolve (a missing reference) is not.
    /// </summary>
    private static bool IsNamed(ITypeSymbol? type, string name, string[] namespaceInnermostFirst)
    {
        if (type is not INamedTypeSymbol { Arity: 0, ContainingType: null } named || named.TypeKind == TypeKind.Error || named.Name != name)
        {
            return false;
        }

        var ns = named.ContainingNamespace;
        foreach (var part in namespaceInnermostFirst)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != part)
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    /// <summary>Whether a type is, or derives from, the type of this name in this namespace.</summary>
    private static bool DerivesFromNamed(ITypeSymbol? type, string name, string[] namespaceInnermostFirst)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (IsNamed(t, name, namespaceInnermostFirst))
            {
                return true;
            }
        }

        return false;
    }
}
