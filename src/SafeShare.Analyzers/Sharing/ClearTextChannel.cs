using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// Whether a send goes over a clear-text channel that the same method makes visible: an <c>http://</c>,
/// <c>ftp://</c> or <c>ws://</c> address (a constant, <c>new Uri("...")</c>, or an HttpClient's BaseAddress
/// set in the method), or an SmtpClient created in the method without <c>EnableSsl = true</c>. Loopback
/// hosts (localhost, 127.x, [::1]) never leave the machine and are not clear-text findings. "Any
/// information shared via email is shared in an encrypted attachment, shared between secure email domains
/// or shared using an encrypted email service" (Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.4).
/// </summary>
internal sealed class ClearTextChannel
{
    private readonly OutboundApis _apis;
    private readonly MethodFlow _flow;

    public ClearTextChannel(OutboundApis apis, MethodFlow flow)
    {
        _apis = apis;
        _flow = flow;
    }

    /// <summary>How the send is in clear text, e.g. "http://records.example/api"; null when it is not, or cannot be seen.</summary>
    public string? Of(IInvocationOperation send, OutboundApis.SinkKind kind)
    {
        switch (kind)
        {
            case OutboundApis.SinkKind.Http:
            {
                var client = send.Instance ?? (send.Arguments.Length > 0 ? send.Arguments[0].Value : null);
                string? address = null;
                var hasAddress = false;
                foreach (var argument in send.Arguments)
                {
                    if (argument.Parameter?.Name == "requestUri")
                    {
                        (address, hasAddress) = (UriText(argument.Value, 0), true);
                    }
                    else if (SharingSymbols.Is(argument.Value.Type, _apis.Symbols.HttpRequestMessage))
                    {
                        (address, hasAddress) = (RequestUriOf(argument.Value), true);
                    }
                }

                return !hasAddress ? null : Resolve(address, () => UriWrittenInto(client, "BaseAddress"));
            }

            case OutboundApis.SinkKind.WebClient:
            {
                foreach (var argument in send.Arguments)
                {
                    if (argument.Parameter?.Name == "address")
                    {
                        return Resolve(UriText(argument.Value, 0), () => UriWrittenInto(send.Instance, "BaseAddress"));
                    }
                }

                return null;
            }

            case OutboundApis.SinkKind.Smtp:
                return SmtpWithoutTls(send.Instance);

            case OutboundApis.SinkKind.StreamWrite:
                return WebRequestStream(send.Instance ?? (send.Arguments.Length > 0 ? send.Arguments[0].Value : null));

            default:
                // A socket or NetworkStream may be wrapped in TLS elsewhere; nothing here says which.
                return null;
        }
    }

    /// <summary>The address is clear text and not loopback.</summary>
    public static bool IsClearText(string address)
    {
        var text = address.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        var scheme = text.Substring(0, schemeEnd);
        if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("ftp", StringComparison.OrdinalIgnoreCase) &&
            !scheme.Equals("ws", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !IsLoopback(HostOf(text.Substring(schemeEnd + 3)));
    }

    /// <summary>localhost, *.localhost, 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(string host)
    {
        host = host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();
        return host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) ||
               host.StartsWith("127.", StringComparison.Ordinal) || host is "::1" or "0:0:0:0:0:0:0:1";
    }

    private static string HostOf(string rest)
    {
        var end = rest.IndexOfAny(new[] { '/', '?', '#' });
        var authority = end < 0 ? rest : rest.Substring(0, end);
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority.Substring(at + 1);
        }

        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            var close = authority.IndexOf(']');
            return close < 0 ? authority : authority.Substring(0, close + 1);
        }

        var colon = authority.IndexOf(':');
        return colon < 0 ? authority : authority.Substring(0, colon);
    }

    // An absolute address decides; a relative one (or none) goes to the client's base address.
    private static string? Resolve(string? address, Func<string?> baseAddress)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return IsClearText(address) ? address : null;
        }

        return baseAddress() is { } root && IsClearText(root) ? root : null;
    }

    /// <summary>
    /// The text of an address as far as the method shows it: a constant, <c>new Uri(...)</c> of one, or the
    /// constant start of an interpolation or concatenation. Null when unknown; "" when there is none.
    /// </summary>
    private string? UriText(IOperation? value, int depth)
    {
        value = MethodFlow.Unwrap(value);
        if (value is null || depth > 6)
        {
            return null;
        }

        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value as string ?? string.Empty;
        }

        switch (value)
        {
            case ILocalReferenceOperation local:
                return _flow.SingleValueOf(local.Local) is { } assigned ? UriText(assigned, depth + 1) : null;
            case IObjectCreationOperation { Arguments.Length: > 0 } creation when SharingSymbols.Is(creation.Type, _apis.Symbols.Uri):
                return UriText(creation.Arguments[0].Value, depth + 1);
            case IInterpolatedStringOperation interpolated:
                var prefix = string.Empty;
                foreach (var part in interpolated.Parts)
                {
                    if (part is not IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text })
                    {
                        break;
                    }

                    prefix += text;
                }

                return prefix.Length == 0 ? null : prefix;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return UriText(concatenation.LeftOperand, depth + 1) is { Length: > 0 } left ? left : null;
            default:
                return null;
        }
    }

    /// <summary>The RequestUri of a request built in the method; "" when it has none (the base address applies).</summary>
    private string? RequestUriOf(IOperation request)
    {
        var symbol = MethodFlow.InstanceSymbol(request);
        var value = MethodFlow.Unwrap(request);
        if (value is ILocalReferenceOperation local)
        {
            value = MethodFlow.Unwrap(_flow.SingleValueOf(local.Local));
        }

        if (value is not IObjectCreationOperation creation)
        {
            return null;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "requestUri")
            {
                return UriText(argument.Value, 0);
            }
        }

        return Written(creation, symbol, "RequestUri") is { } written ? UriText(written, 0) : string.Empty;
    }

    private string? UriWrittenInto(IOperation? target, string member)
    {
        var symbol = MethodFlow.InstanceSymbol(target);
        var value = MethodFlow.Unwrap(target);
        if (value is ILocalReferenceOperation local)
        {
            value = MethodFlow.Unwrap(_flow.SingleValueOf(local.Local));
        }

        return Written(value as IObjectCreationOperation, symbol, member) is { } written ? UriText(written, 0) : null;
    }

    private string? SmtpWithoutTls(IOperation? client)
    {
        var symbol = MethodFlow.InstanceSymbol(client);
        var value = MethodFlow.Unwrap(client);
        if (value is ILocalReferenceOperation local)
        {
            value = MethodFlow.Unwrap(_flow.SingleValueOf(local.Local));
        }

        var creation = value is IObjectCreationOperation created && SharingSymbols.Is(created.Type, _apis.Symbols.SmtpClient) ? created : null;
        var enableSsl = Written(creation, symbol, "EnableSsl");
        if (enableSsl is { ConstantValue: { HasValue: true, Value: false } })
        {
            return "SmtpClient with EnableSsl = false";
        }

        if (creation is null || enableSsl is not null)
        {
            // Configured elsewhere, or EnableSsl set from a value this method does not show.
            return null;
        }

        var host = Written(creation, symbol, "Host") ?? (creation.Arguments.Length > 0 ? creation.Arguments[0].Value : null);
        if (host?.ConstantValue.Value is string name && IsLoopback(name))
        {
            return null;
        }

        return "SmtpClient without EnableSsl = true";
    }

    private string? WebRequestStream(IOperation? stream)
    {
        var value = MethodFlow.Unwrap(stream);
        for (var depth = 0; depth < 4 && value is ILocalReferenceOperation or IAwaitOperation; depth++)
        {
            value = MethodFlow.Unwrap(value is ILocalReferenceOperation local ? _flow.SingleValueOf(local.Local) : ((IAwaitOperation)value).Operation);
        }

        if (value is not IInvocationOperation { Instance: { } request } getStream || !getStream.TargetMethod.Name.StartsWith("GetRequestStream", StringComparison.Ordinal))
        {
            return null;
        }

        var symbol = MethodFlow.InstanceSymbol(request);
        var origin = MethodFlow.Unwrap(request);
        if (origin is ILocalReferenceOperation requestLocal)
        {
            origin = MethodFlow.Unwrap(_flow.SingleValueOf(requestLocal.Local));
        }

        if (origin is not IInvocationOperation { TargetMethod.Name: "Create" or "CreateHttp" or "CreateDefault", Arguments.Length: > 0 } create ||
            UriText(create.Arguments[0].Value, 0) is not { } address || !IsClearText(address))
        {
            return null;
        }

        // FtpWebRequest.EnableSsl = true is explicit FTPS.
        return Written(null, symbol, "EnableSsl") is { ConstantValue: { HasValue: true, Value: true } } ? null : address;
    }

    /// <summary>The last value written to <paramref name="member"/>: in the creation's initializer, or later through the local or field.</summary>
    private IOperation? Written(IObjectCreationOperation? creation, ISymbol? symbol, string member)
    {
        IOperation? found = null;
        if (creation?.Initializer is { } initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment && target.Member.Name == member)
                {
                    found = assignment.Value;
                }
            }
        }

        if (symbol is not null)
        {
            foreach (var write in _flow.WritesInto(symbol))
            {
                if (write.Member?.Name == member)
                {
                    found = write.Value;
                }
            }
        }

        return found;
    }
}
