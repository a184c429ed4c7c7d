using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafeShare.Analyzers.Transport;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Transport;

/// <summary>
/// SAFE203 reads the certificate, chain and policy-errors types from RemoteCertificateValidationCallback's parameters:
/// one lookup for the three. They must be the very types the compilation resolves by name, and still be found when the
/// callback is not there.
/// </summary>
public class TransportSymbolsTests
{
    private const string Chain = "System.Security.Cryptography.X509Certificates.X509Chain";
    private const string Certificate = "System.Security.Cryptography.X509Certificates.X509Certificate";
    private const string PolicyErrors = "System.Net.Security.SslPolicyErrors";

    [Fact]
    public void The_certificate_chain_and_policy_errors_types_are_the_callbacks_parameters_and_the_compilations_own()
    {
        var compilation = TestCompilation.Create("class C { }");
        var symbols = TransportSymbols.Get(compilation);
        var invoke = compilation.GetTypeByMetadataName("System.Net.Security.RemoteCertificateValidationCallback")!.DelegateInvokeMethod!;

        Assert.NotNull(symbols.X509Chain);
        Assert.NotNull(symbols.X509Certificate);
        Assert.Equal<ISymbol?>(compilation.GetTypeByMetadataName(Chain), symbols.X509Chain, SymbolEqualityComparer.Default);
        Assert.Equal<ISymbol?>(compilation.GetTypeByMetadataName(Certificate), symbols.X509Certificate, SymbolEqualityComparer.Default);
        Assert.Equal<ISymbol?>(invoke.Parameters[2].Type, symbols.X509Chain, SymbolEqualityComparer.Default);
        Assert.Equal<ISymbol?>(invoke.Parameters[1].Type, symbols.X509Certificate, SymbolEqualityComparer.Default);
        Assert.NotNull(symbols.SslPolicyErrors);
        Assert.Equal<ISymbol?>(compilation.GetTypeByMetadataName(PolicyErrors), symbols.SslPolicyErrors, SymbolEqualityComparer.Default);
        Assert.Equal<ISymbol?>(invoke.Parameters[3].Type, symbols.SslPolicyErrors, SymbolEqualityComparer.Default);
    }

    [Fact]
    public void Without_the_callback_each_type_is_looked_up_by_its_name()
    {
        var references = TestCompilation.References.Where(r => r.Display?.EndsWith("System.Net.Security.dll", System.StringComparison.Ordinal) != true).ToImmutableArray();
        var compilation = TestCompilation.Create(new[] { "class C { }" }, references);
        var symbols = TransportSymbols.Get(compilation);

        Assert.Null(compilation.GetTypeByMetadataName("System.Net.Security.RemoteCertificateValidationCallback"));
        Assert.NotNull(symbols.X509Chain);
        Assert.Equal<ISymbol?>(compilation.GetTypeByMetadataName(Chain), symbols.X509Chain, SymbolEqualityComparer.Default);
        Assert.Equal<ISymbol?>(compilation.GetTypeByMetadataName(Certificate), symbols.X509Certificate, SymbolEqualityComparer.Default);
        Assert.NotNull(symbols.SslPolicyErrors);
        Assert.Equal<ISymbol?>(compilation.GetTypeByMetadataName(PolicyErrors), symbols.SslPolicyErrors, SymbolEqualityComparer.Default);
    }
}
