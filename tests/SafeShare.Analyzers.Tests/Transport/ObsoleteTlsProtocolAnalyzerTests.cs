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
                var chosen = local == SecurityProtocolType.Tls12 ? [|SecurityProtocolType.Tls11|] : ([|SecurityProtocolType.Ssl3|]);
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
                    case SecurityProtocolType.Ssl3 when protocols is not SslProtocols.Tls: return false;
                }

                if (protocols is SslProtocols.Tls or SslProtocols.Tls11 || protocols is >= SslProtocols.Tls and <= SslProtocols.Tls11) { return false; }
                if (SslProtocols.Tls.HasFlag(protocols) || (SslProtocols.Ssl3 | SslProtocols.Tls).HasFlag(protocols)) { return false; }
                if (((SslProtocols?)protocols)?.HasFlag(SslProtocols.Default) == true) { return false; }
                var label = nameof(SslProtocols.Tls11) + nameof(SecurityProtocolType.Ssl3);
                var old = type switch
                {
                    SecurityProtocolType.Tls or SecurityProtocolType.Tls11 => true,
                    _ => false,
                };
                return protocols != (SslProtocols)192 && unchecked(protocols & ~SslProtocols.Tls) != 0;
            }
        }
        """);

    [Fact]
    public Task Flags_members_named_through_an_alias_or_using_static_in_the_file() => Verify.VerifyAsync("""
        using System.Net;
        using Protocols = System.Security.Authentication.SslProtocols;
        using static System.Net.SecurityProtocolType;

        public class AliasedChannel
        {
            public Protocols Pinned { get; } = [|Protocols.Tls|];

            public void Configure()
            {
                ServicePointManager.SecurityProtocol = [|Tls11|] | Tls12;
                var cast = [|(Protocols)192|];
            }
        }
        """);

    [Fact]
    public Task Flags_members_named_through_a_global_alias_or_global_using_static_of_another_file() => Verify.VerifyAsync(new[]
    {
        """
        global using static System.Net.SecurityProtocolType;
        global using Protocols = System.Security.Authentication.SslProtocols;
        """,
        """
        using System.Net;

        public class GloballyAliasedChannel
        {
            public Protocols Pinned { get; } = [|Protocols.Ssl3|];

            public void Configure()
            {
                ServicePointManager.SecurityProtocol = [|Tls|];
                var cast = [|(Protocols)768|];
            }
        }
        """,
    });

    [Fact]
    public Task Finds_a_global_alias_after_other_global_usings_of_its_file() => Verify.VerifyAsync(new[]
    {
        """
        global using System;
        global using System.Net;
        global using Protocols = System.Security.Authentication.SslProtocols;
        using System.Text;
        """,
        """
        public class LateAliasedChannel
        {
            public Protocols Pinned { get; } = [|Protocols.Tls11|];
        }
        """,
    });

    [Fact]
    public Task Ignores_casts_to_other_types_and_files_that_never_name_the_enums() => Verify.VerifyAsync(new[]
    {
        """
        public enum Tier { Ssl3 = 48, Tls = 192, Default = 0 }

        public class Unrelated
        {
            public Tier Tier { get; } = Tier.Tls;
            public int Bits(long value) => (int)value + (int)Tier.Ssl3;
            public Tier FromNumber(int value) => (Tier)192;
            public object Boxed() => (object)768;
        }
        """,
    });

    [Fact]
    public Task Ignores_generated_code_found_by_the_file_scan() => Verify.VerifyAsync("""
        using System.CodeDom.Compiler;
        using System.Security.Authentication;

        [GeneratedCode("wsdl", "4.0")]
        public class GeneratedProxy
        {
            public SslProtocols Protocols { get; } = SslProtocols.Tls;
        }

        public class Handwritten
        {
            public SslProtocols Protocols { get; } = [|SslProtocols.Tls11|];
        }
        """);
}
