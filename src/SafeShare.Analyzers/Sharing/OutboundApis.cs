using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// The framework APIs through which data leaves the process (SAFE104), and the ones that turn
/// an object into text or bytes on the way.
/// </summary>
internal sealed class OutboundApis
{
    // The framework types every check below starts from. Most calls in a codebase are on none of them
    // (nor derive from one), and are dismissed with one cached lookup per receiving type.
    private readonly HashSet<INamedTypeSymbol> _apiTypes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _involvesApi = new(SymbolEqualityComparer.Default);
    private readonly System.Func<ITypeSymbol, bool> _computeInvolvesApi;

    // What each method is to the rules, answered once per method definition (found by reference: a definition is one
    // object however many calls name it). Every call of a framework API a service makes asks.
    private readonly PerDefinition<IMethodSymbol, SinkKind> _sinks;
    private readonly PerDefinition<IMethodSymbol, ValueKind> _kinds;

    public OutboundApis(SharingSymbols symbols, PersonalDataTypes types)
    {
        Symbols = symbols;
        Types = types;
        foreach (var type in new[]
        {
            symbols.HttpClient, symbols.HttpContent, symbols.HttpRequestMessage, symbols.JsonContent, symbols.HttpClientJsonExtensions,
            symbols.JsonSerializer, symbols.JsonConvert, symbols.SmtpClient, symbols.MailMessage, symbols.Attachment, symbols.AlternateView,
            symbols.WebClient, symbols.Stream, symbols.TextWriter, symbols.Socket, symbols.UdpClient, symbols.Encoding, symbols.StringBuilder,
            symbols.Convert,
        })
        {
            if (type is not null)
            {
                _apiTypes.Add(type);
            }
        }

        _computeInvolvesApi = ComputeInvolvesApi;
        _sinks = new(ComputeSinkOf);
        _kinds = new(ComputeKindOf);
    }

    /// <summary>The type is or derives from one of the outbound, encoding or carrier types (string is none of them).</summary>
    /// <remarks>
    /// Answered per definition: a constructed type's base types are constructed from its definition's, so List&lt;Child&gt;
    /// and List&lt;string&gt; share one entry, found by reference instead of by comparing type arguments.
    /// </remarks>
    public bool InvolvesApi(ITypeSymbol? type) =>
        type is not null && _involvesApi.GetOrAdd(type.OriginalDefinition, _computeInvolvesApi);

    private bool ComputeInvolvesApi(ITypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.OriginalDefinition is INamedTypeSymbol named && _apiTypes.Contains(named))
            {
                return true;
            }
        }

        return false;
    }

    public SharingSymbols Symbols { get; }
    public PersonalDataTypes Types { get; }

    /// <summary>What a method does with the values passed to it.</summary>
    public enum ValueKind
    {
        None,

        /// <summary>Serializes an object: JsonSerializer.Serialize*, JsonConvert.SerializeObject.</summary>
        Serializer,

        /// <summary>Turns text into text or bytes: Encoding.GetBytes, Convert.ToBase64String, string.Format, StringBuilder.ToString.</summary>
        Encoder,

        /// <summary>Wraps data to be sent: JsonContent.Create, Attachment.CreateAttachmentFromString, AlternateView.CreateAlternateViewFromString.</summary>
        Carrier,
    }

    /// <summary>How a send reaches its destination, for SAFE206.</summary>
    public enum SinkKind
    {
        None,
        Http,
        Smtp,
        WebClient,
        Socket,

        /// <summary>A write to a stream or writer; outbound only when the stream is (see <see cref="IsOutboundStream"/>).</summary>
        StreamWrite,
    }

    public ValueKind KindOf(IMethodSymbol method)
    {
        // The answer depends only on the method's definition (its type, name, static-ness and parameters).
        return _kinds[method.OriginalDefinition];
    }

    private ValueKind ComputeKindOf(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return ValueKind.None;
        }

        var name = method.Name;
        if (type.SpecialType == SpecialType.System_String)
        {
            return method.IsStatic && name is "Format" or "Concat" or "Join" ? ValueKind.Encoder : ValueKind.None;
        }

        if (!InvolvesApi(type))
        {
            return ValueKind.None;
        }

        if (Same(type, Symbols.JsonSerializer))
        {
            // Serialize(child) and SerializeToUtf8Bytes(child) return the data; Serialize(stream, child) writes it (SinkOf).
            return name.StartsWith("Serialize", System.StringComparison.Ordinal) && !method.ReturnsVoid && !WritesToStream(method)
                ? ValueKind.Serializer
                : ValueKind.None;
        }

        if (Same(type, Symbols.JsonConvert))
        {
            return name.StartsWith("SerializeObject", System.StringComparison.Ordinal) ? ValueKind.Serializer : ValueKind.None;
        }

        if (SharingSymbols.Is(type, Symbols.Encoding))
        {
            return name == "GetBytes" ? ValueKind.Encoder : ValueKind.None;
        }

        if (Same(type, Symbols.Convert))
        {
            return name.StartsWith("ToBase64", System.StringComparison.Ordinal) ? ValueKind.Encoder : ValueKind.None;
        }

        if (Same(type, Symbols.StringBuilder))
        {
            return name == nameof(ToString) ? ValueKind.Encoder : ValueKind.None;
        }

        if (Same(type, Symbols.JsonContent))
        {
            return name == "Create" ? ValueKind.Carrier : ValueKind.None;
        }

        if (Same(type, Symbols.Attachment) || Same(type, Symbols.AlternateView))
        {
            return method.IsStatic && name.StartsWith("Create", System.StringComparison.Ordinal) ? ValueKind.Carrier : ValueKind.None;
        }

        return ValueKind.None;
    }

    /// <summary>A type whose objects exist to be sent: HTTP contents and requests, mail messages, attachments and views.</summary>
    public bool IsCarrier(ITypeSymbol? type) =>
        type is not null && InvolvesApi(type) &&
        (SharingSymbols.Is(type, Symbols.HttpContent) || SharingSymbols.Is(type, Symbols.HttpRequestMessage) ||
         SharingSymbols.Is(type, Symbols.MailMessage) || SharingSymbols.Is(type, Symbols.Attachment) || SharingSymbols.Is(type, Symbols.AlternateView));

    /// <summary>The kind of send an invocation is, or None.</summary>
    public SinkKind SinkOf(IInvocationOperation invocation)
    {
        return _sinks[invocation.TargetMethod.OriginalDefinition];
    }

    private SinkKind ComputeSinkOf(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null || !InvolvesApi(type))
        {
            return SinkKind.None;
        }

        var name = method.Name;
        if (SharingSymbols.Is(type, Symbols.HttpClient))
        {
            // Every request method can carry data: in its content, or in the query string of its URI.
            return !method.IsStatic && name is not ("CancelPendingRequests" or "Dispose") && method.MethodKind == MethodKind.Ordinary ? SinkKind.Http : SinkKind.None;
        }

        if (Same(type, Symbols.HttpClientJsonExtensions))
        {
            return SinkKind.Http;
        }

        if (SharingSymbols.Is(type, Symbols.SmtpClient))
        {
            return name.StartsWith("Send", System.StringComparison.Ordinal) ? SinkKind.Smtp : SinkKind.None;
        }

        if (SharingSymbols.Is(type, Symbols.WebClient))
        {
            return name.StartsWith("Upload", System.StringComparison.Ordinal) ? SinkKind.WebClient : SinkKind.None;
        }

        if (SharingSymbols.Is(type, Symbols.Socket) || SharingSymbols.Is(type, Symbols.UdpClient))
        {
            return name.StartsWith("Send", System.StringComparison.Ordinal) ? SinkKind.Socket : SinkKind.None;
        }

        if (SharingSymbols.Is(type, Symbols.Stream))
        {
            return name.StartsWith("Write", System.StringComparison.Ordinal) || name == "BeginWrite" ? SinkKind.StreamWrite : SinkKind.None;
        }

        if (SharingSymbols.Is(type, Symbols.TextWriter))
        {
            return name.StartsWith("Write", System.StringComparison.Ordinal) ? SinkKind.StreamWrite : SinkKind.None;
        }

        if (Same(type, Symbols.JsonSerializer) && name.StartsWith("Serialize", System.StringComparison.Ordinal) && WritesToStream(method))
        {
            // JsonSerializer.SerializeAsync(stream, child): a write to the stream.
            return SinkKind.StreamWrite;
        }

        return SinkKind.None;
    }

    /// <summary>
    /// The stream (or writer over one) leaves the process: a NetworkStream or SslStream, a request stream
    /// of a WebRequest, TcpClient.GetStream(), WebClient.OpenWrite(), or a StreamWriter over one of those.
    /// A stream of unknown origin, a file or a memory stream is not assumed to leave.
    /// </summary>
    public bool IsOutboundStream(IOperation? stream, MethodFlow flow, int depth = 0)
    {
        stream = MethodFlow.Unwrap(stream);
        if (stream is null || depth > 6)
        {
            return false;
        }

        if (SharingSymbols.Is(stream.Type, Symbols.NetworkStream) || SharingSymbols.Is(stream.Type, Symbols.SslStream))
        {
            return true;
        }

        switch (stream)
        {
            case ILocalReferenceOperation local:
                return flow.SingleValueOf(local.Local) is { } value && IsOutboundStream(value, flow, depth + 1);
            case IAwaitOperation awaited:
                return IsOutboundStream(awaited.Operation, flow, depth + 1);
            case IInvocationOperation { TargetMethod: var method }:
                return (method.Name.StartsWith("GetRequestStream", System.StringComparison.Ordinal) && SharingSymbols.Is(method.ContainingType, Symbols.WebRequest)) ||
                       (method.Name == "GetStream" && SharingSymbols.Is(method.ContainingType, Symbols.TcpClient)) ||
                       (method.Name.StartsWith("OpenWrite", System.StringComparison.Ordinal) && SharingSymbols.Is(method.ContainingType, Symbols.WebClient));
            case IObjectCreationOperation creation when creation.Arguments.Length > 0:
                // new StreamWriter(networkStream), new BufferedStream(networkStream), new GZipStream(networkStream, ...).
                return IsOutboundStream(creation.Arguments[0].Value, flow, depth + 1);
            default:
                return false;
        }
    }

    private bool WritesToStream(IMethodSymbol method) =>
        method.Parameters.Length > 0 && SharingSymbols.Is(method.Parameters[0].Type, Symbols.Stream);

    private static bool Same(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);
}
