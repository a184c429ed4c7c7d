using System.Threading.Tasks;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Transport.ObsoleteTlsProtocolAnalyzer>;

namespace SafeShare.Analyzers.Tests.Transport;

public class ObsoleteTlsProtocolAnalyzerTests
{
    [Fact]
    public Task Flags_obsolete_protocols_assigned_passed_combined_or_cast() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;

        public class PoliceDisclosureChannel
        {
            public SslProtocols Protocols { get; set; } = [|SslProtocols.Tls11|];

            public PoliceDisclosureChannel() : this([|SslProtocols.Default|]) { }
            public PoliceDisclosureChannel(SslProtocols protocols, SecurityProtocolType type = [|SecurityProtocolType.Ssl3|]) { }

            public void Configure(SslStream stream, SecurityProtocolType input)
            {
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls|];
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls11|] | SecurityProtocolType.Tls12;
                ServicePointManager.SecurityProtocol |= [|SecurityProtocolType.Tls11|];
                ServicePointManager.SecurityProtocol = ~SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls12 | [|SecurityProtocolType.Tls|];
                ServicePointManager.SecurityProtocol = [|(SecurityProtocolType)768|];
                ServicePointManager.SecurityProtocol = input | [|(SecurityProtocolType)(96 + 96)|];
                var handler = new HttpClientHandler { SslProtocols = [|SslProtocols.Ssl2|] };
                handler.SslProtocols = [|SslProtocols.Ssl3|] | SslProtocols.Tls12;
                stream.AuthenticateAsClient("health.partner.nhs.uk", null, [|SslProtocols.Tls|], true);
                var list = new List<SslProtocols> { [|SslProtocols.Default|], SslProtocols.None };
                var byName = new Dictionary<SslProtocols, string> { [[|SslProtocols.Tls|]] = "TLS 1.0" };
                var local = [|SecurityProtocolType.Tls|];
            }
        }
        """);

    [Fact]
    public Task Ignores_modern_protocols_os_default_negations_and_comparisons() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        public class SafeChannel
        {
            public bool Check(SslProtocols protocols, SecurityProtocolType type)
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                ServicePointManager.SecurityProtocol = ~SecurityProtocolType.Ssl3;
                ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls11);
                var handler = new HttpClientHandler { SslProtocols = SslProtocols.None };
                handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                handler.SslProtocols = (SslProtocols)12288;
                int notAnEnum = 384 | 768;
                if (protocols == SslProtocols.Tls) { return false; }
                while (protocols != SslProtocols.Default) { break; }
                var isOld = protocols == SslProtocols.Tls11 ? true : false;
                if ((protocols & SslProtocols.Tls) != 0) { return false; }
                if (protocols.HasFlag(SslProtocols.Ssl3)) { return false; }
                if (protocols is SslProtocols.Ssl2) { return false; }
                switch (type)
                {
                    case SecurityProtocolType.Tls11: return false;
                }

                return protocols != (SslProtocols)192;
            }
        }
        """);
}
