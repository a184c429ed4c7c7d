using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// The types the sharing rules need — SafeShare's declared-share types and the framework's outbound
/// APIs — resolved once per compilation. A type the compilation does not reference is null, and the
/// rules that need it do nothing.
/// </summary>
internal sealed class SharingSymbols
{
#pragma warning disable RS0030 // The one place the sharing rules look types up by name: once per compilation.
    private SharingSymbols(Compilation compilation, SafeShareSymbols core)
    {
        Core = core;
        Share = compilation.GetTypeByMetadataName("SafeShare.ShareAttribute");
        _assembly = compilation.Assembly;
        _referencesShareRuntime = ReferencesShareRuntime;

        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        HttpContent = compilation.GetTypeByMetadataName("System.Net.Http.HttpContent");
        HttpRequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
        JsonContent = compilation.GetTypeByMetadataName("System.Net.Http.Json.JsonContent");
        HttpClientJsonExtensions = compilation.GetTypeByMetadataName("System.Net.Http.Json.HttpClientJsonExtensions");
        JsonSerializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
        // Newtonsoft.Json by name: no package reference is needed to recognise it.
        JsonConvert = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert");

        SmtpClient = compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
        MailMessage = compilation.GetTypeByMetadataName("System.Net.Mail.MailMessage");
        Attachment = compilation.GetTypeByMetadataName("System.Net.Mail.Attachment");
        AlternateView = compilation.GetTypeByMetadataName("System.Net.Mail.AlternateView");

        WebClient = compilation.GetTypeByMetadataName("System.Net.WebClient");
        WebRequest = compilation.GetTypeByMetadataName("System.Net.WebRequest");
        FtpWebRequest = compilation.GetTypeByMetadataName("System.Net.FtpWebRequest");

        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        TextWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
        Socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
        NetworkStream = compilation.GetTypeByMetadataName("System.Net.Sockets.NetworkStream");
        TcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
        UdpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.UdpClient");
        SslStream = compilation.GetTypeByMetadataName("System.Net.Security.SslStream");

        Uri = compilation.GetTypeByMetadataName("System.Uri");
        Encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        Convert = compilation.GetTypeByMetadataName("System.Convert");
    }
#pragma warning restore RS0030

    private readonly IAssemblySymbol _assembly;

    // Whether an assembly can hold [Share] methods at all: it is the one being compiled, the one that
    // defines ShareAttribute, or one that references it. Framework methods never can, so the sharing
    // rules do not read the attributes of every method called (GetAttributes on metadata decodes them).
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _mayDeclareShares = new(SymbolEqualityComparer.Default);
    private readonly System.Func<IAssemblySymbol, bool> _referencesShareRuntime;

    public SafeShareSymbols Core { get; }

    public INamedTypeSymbol? Share { get; }

    public INamedTypeSymbol? HttpClient { get; }
    public INamedTypeSymbol? HttpContent { get; }
    public INamedTypeSymbol? HttpRequestMessage { get; }
    public INamedTypeSymbol? JsonContent { get; }
    public INamedTypeSymbol? HttpClientJsonExtensions { get; }
    public INamedTypeSymbol? JsonSerializer { get; }
    public INamedTypeSymbol? JsonConvert { get; }

    public INamedTypeSymbol? SmtpClient { get; }
    public INamedTypeSymbol? MailMessage { get; }
    public INamedTypeSymbol? Attachment { get; }
    public INamedTypeSymbol? AlternateView { get; }

    public INamedTypeSymbol? WebClient { get; }
    public INamedTypeSymbol? WebRequest { get; }
    public INamedTypeSymbol? FtpWebRequest { get; }

    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? TextWriter { get; }
    public INamedTypeSymbol? Socket { get; }
    public INamedTypeSymbol? NetworkStream { get; }
    public INamedTypeSymbol? TcpClient { get; }
    public INamedTypeSymbol? UdpClient { get; }
    public INamedTypeSymbol? SslStream { get; }

    public INamedTypeSymbol? Uri { get; }
    public INamedTypeSymbol? Encoding { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? Convert { get; }

    private static readonly ConditionalWeakTable<Compilation, Box> Cache = new();

    /// <summary>The sharing symbols of this compilation, or null when it does not reference SafeShare.</summary>
    public static SharingSymbols? TryCreate(Compilation compilation) =>
        Cache.GetValue(compilation, static c =>
            new Box(SafeShareSymbols.TryCreate(c) is { } core ? new SharingSymbols(c, core) : null)).Value;

    private sealed class Box
    {
        public Box(SharingSymbols? value) => Value = value;

        public SharingSymbols? Value { get; }
    }

    /// <summary>The type itself or one of its base types is <paramref name="baseType"/>.</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The attribute is [Share].</summary>
    public bool IsShare(AttributeData attribute) => SafeShareSymbols.Is(attribute, Share);

    /// <summary>The [Share] attribute of a method, or null.</summary>
    public AttributeData? ShareOf(IMethodSymbol method)
    {
        if (Share is null || !MayDeclareShares(method.ContainingAssembly))
        {
            return null;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (IsShare(attribute))
            {
                return attribute;
            }
        }

        return null;
    }

    private bool MayDeclareShares(IAssemblySymbol? assembly)
    {
        if (assembly is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(assembly, _assembly))
        {
            return true;
        }

        return _mayDeclareShares.GetOrAdd(assembly, _referencesShareRuntime);
    }

    private bool ReferencesShareRuntime(IAssemblySymbol assembly)
    {
        var runtime = Share!.ContainingAssembly.Identity.Name;
        if (assembly.Identity.Name == runtime)
        {
            return true;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (referenced.Name == runtime)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
