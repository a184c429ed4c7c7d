using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeShare.Analyzers.Transport;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Transport.CertificateValidationAnalyzer>;

namespace SafeShare.Analyzers.Tests.Transport;

/// <summary>
/// SAFE203 reads a file's assignments and arguments (binding every member of the file) only when a callback accepting
/// everything is written somewhere it can travel from: a local, a field's initializer, a returned value, an argument to a
/// method of the same file. One written straight into a property, field, event or framework parameter is reported where it
/// is written, and the file is not read for it. These tests pin both sides of that gate: which callbacks it
/// lets past, and that every indirect flow is still found when it is the only one in its file.
/// </summary>
public class CertificateValidationFlowTests
{
    private const string Usings = CertificateValidationAnalyzerTests.Usings;

    [Theory]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => true;", true)]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback += (s, c, ch, e) => true;", true)]
    [InlineData("request.ServerCertificateValidationCallback = delegate { return true; };", true)]
    [InlineData("request.ServerCertificateValidationCallback = AcceptAll;", true)]
    [InlineData("request.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback(AcceptAll);", true)]
    [InlineData("handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;", true)]
    [InlineData("_ = new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => true };", true)]
    [InlineData("using var ssl = new SslStream(stream, false, (s, c, ch, e) => true);", true)]
    [InlineData("_field = (s, c, ch, e) => true;", true)]
    [InlineData("Checked += (s, c, ch, e) => true;", true)]
    [InlineData("RemoteCertificateValidationCallback local = (s, c, ch, e) => true;", false)]
    [InlineData("RemoteCertificateValidationCallback local; local = AcceptAll;", false)]
    [InlineData("var accept = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;", false)]
    [InlineData("Install((s, c, ch, e) => true);", false)]
    [InlineData("Install(AcceptAll);", false)]
    [InlineData("Local((s, c, ch, e) => true); void Local(RemoteCertificateValidationCallback callback) { }", false)]
    [InlineData("Func<RemoteCertificateValidationCallback> make = () => (s, c, ch, e) => true;", false)]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = Environment.TickCount > 0 ? (s, c, ch, e) => true : null;", false)]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback ??= (s, c, ch, e) => true;", false)]
    public void A_callback_written_into_its_sink_needs_no_reading_of_the_file(string statement, bool installedWhereWritten)
    {
        var source = Usings + $$"""
            public class Gateway
            {
                private static RemoteCertificateValidationCallback? _field;

                public event RemoteCertificateValidationCallback? Checked;

                public void Configure(HttpClientHandler handler, HttpWebRequest request, Stream stream)
                {
                    {{statement}}
                }

                private static void Install(RemoteCertificateValidationCallback callback) => ServicePointManager.ServerCertificateValidationCallback = callback;

                private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
            }
            """;
        var compilation = TestCompilation.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var body = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Configure").Body!;

        // The callback: the four-parameter lambda or the anonymous method, else the method group or the dangerous validator.
        SyntaxNode written = body.DescendantNodes().FirstOrDefault(n => n is ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 4 } or AnonymousMethodExpressionSyntax)
            ?? body.DescendantNodes().OfType<IdentifierNameSyntax>().First(n => n.Identifier.Text is "AcceptAll" or "DangerousAcceptAnyServerCertificateValidator");
        if (written.Parent is MemberAccessExpressionSyntax access && access.Name == written)
        {
            written = access;
        }

        var callback = model.GetOperation(written)!;
        if (callback is IAnonymousFunctionOperation or IMethodReferenceOperation)
        {
            callback = callback.Parent!;
        }

        Assert.True(callback is IDelegateCreationOperation or IPropertyReferenceOperation, callback.Kind.ToString());
        Assert.Equal(installedWhereWritten, CertificateValidationAnalyzer.InstalledWhereWritten(callback, tree));
    }

    [Fact]
    public Task Finds_a_field_initializer_when_it_is_the_files_only_callback() => Verify.VerifyAsync(Usings + """
        public class OnlyAField
        {
            private static readonly RemoteCertificateValidationCallback Accept = [|(s, c, ch, e) => true|];

            public void Configure(HttpWebRequest request) => request.ServerCertificateValidationCallback = [|Accept|];
        }
        """);

    [Fact]
    public Task Finds_a_local_when_it_is_the_files_only_callback() => Verify.VerifyAsync(Usings + """
        public class OnlyALocal
        {
            public void Configure(HttpWebRequest request)
            {
                RemoteCertificateValidationCallback accept = [|AcceptAll|];
                request.ServerCertificateValidationCallback = [|accept|];
            }

            private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
        }
        """);

    [Fact]
    public Task Finds_a_returned_dangerous_validator_when_it_is_the_files_only_callback() => Verify.VerifyAsync(Usings + """
        public class OnlyAMethod
        {
            public void Configure(HttpClientHandler handler) => handler.ServerCertificateCustomValidationCallback = [|Chosen()|];

            private static Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> Chosen() =>
                [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|];
        }
        """);

    [Fact]
    public Task Finds_an_indirect_flow_after_a_callback_written_into_its_sink() => Verify.VerifyAsync(Usings + """
        public class DirectThenIndirect
        {
            public void Configure(HttpClientHandler handler, HttpWebRequest request)
            {
                handler.ServerCertificateCustomValidationCallback = [|(m, c, ch, e) => true|];
                RemoteCertificateValidationCallback pinned = (s, c, ch, e) => e == SslPolicyErrors.None;
                request.ServerCertificateValidationCallback = pinned;
                Install([|(s, c, ch, e) => true|]);
            }

            private static void Install(RemoteCertificateValidationCallback callback) =>
                ServicePointManager.ServerCertificateValidationCallback = [|callback|];
        }
        """);

    [Fact]
    public Task Reports_callbacks_written_into_their_sinks_once_each() => Verify.VerifyAsync(Usings + """
        public class DirectOnly
        {
            public void Configure(HttpClientHandler handler, HttpWebRequest request, Stream stream)
            {
                handler.ServerCertificateCustomValidationCallback = [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|];
                request.ServerCertificateValidationCallback = [|delegate { return true; }|];
                using var ssl = new SslStream(stream, false, [|AcceptAll|]);
                RemoteCertificateValidationCallback pinned = (s, c, ch, e) => e == SslPolicyErrors.None;
                ServicePointManager.ServerCertificateValidationCallback = pinned;
            }

            private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
        }
        """);
}
