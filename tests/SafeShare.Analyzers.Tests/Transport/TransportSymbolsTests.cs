using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafeShare.Analyzers.Transport;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Transport;

/// <summary>
/// SAFE203 recognises a certificate check by its shape, (sender, certificate, chain, SslPolicyErrors) → bool, and matches
/// the three parameter types by their full names instead of looking them up. The match must be exact: the
/// namespace all the way to the global one, no nesting, no generic arity, no unresolved type.
/// </summary>
public class TransportSymbolsTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        """;

    [Fact]
    public void The_frameworks_certificate_callbacks_are_certificate_checks()
    {
        var compilation = TestCompilation.Create(Usings + """
            class C
            {
                RemoteCertificateValidationCallback Remote;
                Func<HttpRequestMessage, X509Certificate2, X509Chain, SslPolicyErrors, bool> Handler;
                delegate bool HomeMade(object sender, X509Certificate2 certificate, DerivedChain chain, SslPolicyErrors errors);
                HomeMade Own;
            }
            class DerivedChain : X509Chain { }
            """);
        var symbols = TransportSymbols.Get(compilation);

        Assert.True(symbols.IsCertificateValidator(FieldType(compilation, "Remote")));
        Assert.True(symbols.IsCertificateValidator(FieldType(compilation, "Handler")));
        Assert.True(symbols.IsCertificateValidator(FieldType(compilation, "Own")));
        Assert.True(symbols.IsCertificateValidator(compilation.GetTypeByMetadataName("System.Net.Http.HttpClientHandler")!
            .GetMembers("DangerousAcceptAnyServerCertificateValidator").OfType<IPropertySymbol>().Single().Type));
    }

    [Theory]
    [InlineData("bool", "object", "X509Certificate", "X509Chain", "Mine.SslPolicyErrors")]
    [InlineData("bool", "object", "X509Certificate", "X509Chain", "Outer.System.Net.Security.SslPolicyErrors")]
    [InlineData("bool", "object", "X509Certificate", "X509Chain", "Net.Security.SslPolicyErrors")]
    [InlineData("bool", "object", "X509Certificate", "X509Chain", "System.Net.Security.Holder.SslPolicyErrors")]
    [InlineData("bool", "object", "X509Certificate", "X509Chain", "System.Net.Security.SslPolicyErrors<int>")]
    [InlineData("bool", "object", "X509Certificate", "X509Chain", "int")]
    [InlineData("bool", "object", "X509Certificate", "Mine.X509Chain", "SslPolicyErrors")]
    [InlineData("bool", "object", "Mine.X509Certificate", "X509Chain", "SslPolicyErrors")]
    [InlineData("bool", "object", "X509Chain", "X509Certificate", "SslPolicyErrors")]
    [InlineData("int", "object", "X509Certificate", "X509Chain", "SslPolicyErrors")]
    public void A_delegate_with_a_lookalike_parameter_type_is_not_a_certificate_check(string returns, string sender, string certificate, string chain, string errors)
    {
        var compilation = TestCompilation.Create(Usings + $$"""
            delegate {{returns}} Check({{sender}} sender, {{certificate}} certificate, {{chain}} chain, {{errors}} errors);
            class C { Check Field; }
            namespace System.Net.Security { class Holder { public enum SslPolicyErrors { None } } class SslPolicyErrors<T> { } }
            namespace Mine { enum SslPolicyErrors { None } class X509Chain { } class X509Certificate { } }
            namespace Outer.System.Net.Security { enum SslPolicyErrors { None } }
            namespace Net.Security { enum SslPolicyErrors { None } }
            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        Assert.False(TransportSymbols.Get(compilation).IsCertificateValidator(FieldType(compilation, "Field")));
    }

    [Fact]
    public void Without_System_Net_Security_a_home_made_check_is_still_recognised()
    {
        // In the reference assemblies SslPolicyErrors lives in System.Net.Primitives, the callback in System.Net.Security.
        var references = TestCompilation.References.Where(r => r.Display?.EndsWith("System.Net.Security.dll", System.StringComparison.Ordinal) != true).ToImmutableArray();
        var compilation = TestCompilation.Create(new[]
        {
            """
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;
            delegate bool Check(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors);
            class C { Check Field; }
            """,
        }, references);
        Assert.Null(compilation.GetTypeByMetadataName("System.Net.Security.RemoteCertificateValidationCallback"));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        Assert.True(TransportSymbols.Get(compilation).IsCertificateValidator(FieldType(compilation, "Field")));
    }

    [Theory]
    [InlineData("enum SslPolicyErrors { None }", true)]
    [InlineData("", false)]
    public void Without_the_frameworks_policy_errors_type_a_projects_own_counts_and_an_unresolved_one_does_not(string declared, bool expected)
    {
        // Neither assembly holding the type is referenced. A polyfill declares it in the framework's namespace, and its
        // delegates of this shape are checked like the framework's. Without one the qualified name does not resolve,
        // though its namespace exists, and the compiler's stand-in type carries the name and the namespace.
        var compilation = TestCompilation.Create(new[]
        {
            $$"""
            using System.Security.Cryptography.X509Certificates;
            namespace System.Net.Security { {{declared}} }
            delegate bool Check(object sender, X509Certificate certificate, X509Chain chain, System.Net.Security.SslPolicyErrors errors);
            class C { Check Field; }
            """,
        }, WithoutNetSecurityTypes);
        var errors = ((INamedTypeSymbol)FieldType(compilation, "Field")).DelegateInvokeMethod!.Parameters[3].Type;
        Assert.Equal(("SslPolicyErrors", "System.Net.Security"), (errors.Name, errors.ContainingNamespace?.ToDisplayString()));
        Assert.Equal(!expected, compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error));

        Assert.Equal(expected, TransportSymbols.Get(compilation).IsCertificateValidator(FieldType(compilation, "Field")));
    }

    /// <summary>The references without the two assemblies declaring System.Net.Security's types.</summary>
    private static ImmutableArray<MetadataReference> WithoutNetSecurityTypes { get; } = TestCompilation.References
        .Where(r => r.Display?.EndsWith("System.Net.Primitives.dll", System.StringComparison.Ordinal) != true &&
            r.Display?.EndsWith("System.Net.Security.dll", System.StringComparison.Ordinal) != true)
        .ToImmutableArray();

    private static ITypeSymbol FieldType(Compilation compilation, string field) =>
        compilation.GetTypeByMetadataName("C")!.GetMembers(field).OfType<IFieldSymbol>().Single().Type;
}
