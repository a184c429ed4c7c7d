using System.Threading.Tasks;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Transport.CertificateValidationAnalyzer>;

namespace SafeShare.Analyzers.Tests.Transport;

public class CertificateValidationAnalyzerTests
{
    internal const string Usings = """
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        """;

    [Fact]
    public Task Flags_every_callback_shape_that_accepts_all() => Verify.VerifyAsync(Usings + """
        public class HealthPartnerClient
        {
            private static readonly RemoteCertificateValidationCallback AcceptAllField = [|(s, c, ch, e) => true|];

            public void Configure(HttpWebRequest request, Stream stream, HttpClientHandler handler, SocketsHttpHandler sockets)
            {
                ServicePointManager.ServerCertificateValidationCallback += [|(s, c, ch, e) => true|];
                ServicePointManager.ServerCertificateValidationCallback += [|(s, c, ch, e) => (((true)))|];
                ServicePointManager.ServerCertificateValidationCallback = [|delegate { return true; }|];
                request.ServerCertificateValidationCallback += [|(s, c, ch, e) =>
                {
                    Console.WriteLine("accepting " + c?.Subject);
                    return true;
                }|];
                handler.ServerCertificateCustomValidationCallback = [|AcceptAll|];
                handler.ServerCertificateCustomValidationCallback = [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|];
                sockets.SslOptions.RemoteCertificateValidationCallback = [|new RemoteCertificateValidationCallback(AcceptAll)|];
                var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = [|LocalAcceptAll|] };
                using var ssl = new SslStream(stream, false, [|(s, c, ch, e) => true|]);
                using var ssl2 = new SslStream(stream, false, [|TryThenAccept|]);

                RemoteCertificateValidationCallback viaLocal = [|AcceptAll|];
                ServicePointManager.ServerCertificateValidationCallback = [|viaLocal|];
                ServicePointManager.ServerCertificateValidationCallback = [|AcceptAllField|];
                ServicePointManager.ServerCertificateValidationCallback = [|Validator()|];

                bool LocalAcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
            }

            private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

            private static bool TryThenAccept(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                try
                {
                    Console.WriteLine(certificate?.Subject);
                    return true;
                }
                catch (Exception ex)
                {
                    Console.WriteLine(ex.Message);
                }

                return true;
            }

            private static RemoteCertificateValidationCallback Validator() => [|AcceptAll|];
        }
        """);

    [Fact]
    public Task Flags_where_a_callee_installs_an_accept_all_callback_it_is_given() => Verify.VerifyAsync(Usings + """
        public class PoliceGateway
        {
            public void Start() => Install([|(s, c, ch, e) => true|]);

            public void Install(RemoteCertificateValidationCallback callback)
            {
                var installed = callback;
                ServicePointManager.ServerCertificateValidationCallback += [|callback|];
                ServicePointManager.ServerCertificateValidationCallback += [|installed|];
            }

            public void NeverCalledWithABadOne(RemoteCertificateValidationCallback callback) =>
                ServicePointManager.ServerCertificateValidationCallback += callback;
        }
        """);

    [Fact]
    public Task Follows_the_dangerous_validator_through_a_local_and_a_returning_method() => Verify.VerifyAsync(Usings + """
        public class EducationClient
        {
            public void Configure(HttpClientHandler handler, HttpClientHandler other)
            {
                var accept = [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|];
                handler.ServerCertificateCustomValidationCallback = [|accept|];
                other.ServerCertificateCustomValidationCallback = [|Chosen()|];
            }

            private static Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> Chosen() =>
                [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|];
        }
        """);

    [Fact]
    public Task Reads_a_method_group_to_another_file_and_the_sinks_beside_it() => Verify.VerifyAsync(
    [
        Usings + """
        public class HousingClient
        {
            public void Configure(HttpWebRequest request)
            {
                RemoteCertificateValidationCallback check = [|Validators.AcceptAll|];
                request.ServerCertificateValidationCallback = [|check|];
            }

            public void Other(HttpWebRequest request) => Install(request, [|Validators.AcceptAll|]);

            private static void Install(HttpWebRequest request, RemoteCertificateValidationCallback callback) =>
                request.ServerCertificateValidationCallback = [|callback|];
        }
        """,
        Usings + """
        public static class Validators
        {
            public static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

            public static readonly RemoteCertificateValidationCallback Pinned = (s, c, ch, e) => e == SslPolicyErrors.None;
        }
        """,
    ]);

    [Fact]
    public Task Ignores_sinks_in_a_file_with_no_callback_that_accepts_all() => Verify.VerifyAsync(
    [
        Usings + """
        public class ProbationClient
        {
            public void Configure(HttpWebRequest request, HttpClientHandler handler, RemoteCertificateValidationCallback given)
            {
                RemoteCertificateValidationCallback check = Validators.Pinned;
                request.ServerCertificateValidationCallback = check;
                ServicePointManager.ServerCertificateValidationCallback = given;
                ServicePointManager.ServerCertificateValidationCallback = Validators.Stored;
                if (handler.ServerCertificateCustomValidationCallback != HttpClientHandler.DangerousAcceptAnyServerCertificateValidator)
                {
                    handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None;
                }
            }
        }
        """,
        Usings + """
        public static class Validators
        {
            public static bool Pinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
                errors == SslPolicyErrors.None;

            public static RemoteCertificateValidationCallback Stored = Pinned;
        }
        """,
    ]);

    [Fact]
    public Task Ignores_callbacks_that_validate() => Verify.VerifyAsync(Usings + """
        public class SafeClient
        {
            public void Configure(HttpClientHandler handler, HttpWebRequest request, bool trust)
            {
                handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None;
                ServicePointManager.ServerCertificateValidationCallback += (s, c, ch, e) => false;
                ServicePointManager.ServerCertificateValidationCallback += delegate { return false; };
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => { if (e == SslPolicyErrors.None) { return true; } return false; };
                request.ServerCertificateValidationCallback = Pinned;
                request.ServerCertificateValidationCallback = Throws;
                request.ServerCertificateValidationCallback = Wraps;
                request.ServerCertificateValidationCallback = Chosen(trust);
                RemoteCertificateValidationCallback sometimes = Pinned;
                if (trust) { sometimes = null; }
                ServicePointManager.ServerCertificateValidationCallback = sometimes;
                Func<object, X509Chain, X509Certificate2, SslPolicyErrors, bool> notACheck = (a, b, c, d) => true;
                if (handler.ServerCertificateCustomValidationCallback == HttpClientHandler.DangerousAcceptAnyServerCertificateValidator) { }
            }

            private static bool Pinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
                errors == SslPolicyErrors.None && certificate?.GetCertHashString() == "AB12";

            private static bool Throws(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                if (errors != SslPolicyErrors.None) { throw new InvalidOperationException("untrusted partner"); }
                return true;
            }

            private static bool Wraps(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => Pinned(sender, certificate, chain, errors);

            private static RemoteCertificateValidationCallback? Chosen(bool trust)
            {
                if (trust) { return null; }
                return Pinned;
            }
        }
        """);

    [Fact]
    public Task Ignores_the_dangerous_validator_in_generated_code() => Verify.VerifyAsync("""
        using System.CodeDom.Compiler;
        using System.Net.Http;

        [GeneratedCode("scaffold", "1.0")]
        public class GeneratedClientFactory
        {
            public HttpClientHandler Create() => new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        }

        public class HandwrittenClientFactory
        {
            public HttpClientHandler Create() => new HttpClientHandler { ServerCertificateCustomValidationCallback = [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|] };
        }
        """);
}
