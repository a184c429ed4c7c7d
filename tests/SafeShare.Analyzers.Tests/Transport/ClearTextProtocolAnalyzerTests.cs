using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SafeShare.Testing;
using SafeShare.Analyzers.Transport;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Transport.ClearTextProtocolAnalyzer>;
using VerifyFiles = SafeShare.Testing.AdditionalFileVerifier<SafeShare.Analyzers.Transport.ClearTextProtocolAnalyzer>;

namespace SafeShare.Analyzers.Tests.Transport;

public class ClearTextProtocolAnalyzerTests
{
    [Fact]
    public Task Flags_clear_text_addresses_in_every_kind_of_string() => Verify.VerifyAsync(""""
        using System;
        public class ReferralGateway
        {
            private const string MashEndpoint = [|"http://mash.northshire.gov.uk/referrals"|];
            private const string Scheme = "http://";
            private const string Host = "police.partner.uk";
            private const string Combined = [|$"{Scheme}{Host}"|];
            private static readonly string Archive = [|"ftp://archive.northshire.gov.uk/casefiles"|];
            private const string Raw = [|"""HTTP://health.partner.nhs.uk/api"""|];
            public string Notes { get; init; } = [|@"telnet://legacy-cms.council.local"|];

            public void Send(string user, string host, string caseId)
            {
                var a = [|$"ftp://{user}@transfer.partner.uk/{caseId}"|];
                var b = [|"ftp://"|] + user + "@transfer.partner.uk";
                var c = [|"ftp://anonymous@"|] + host;
                var d = [|"ws://events.partner.uk/stream"|];
                var e = [|"ldap://directory.council.gov.uk"|];
                var f = [|"smtp://relay.council.gov.uk"|];
                var g = new Uri([|"http://mash.northshire.gov.uk"|]);
                var h = [|"http://10.2.3.4:8080/referrals"|];
                var i = [|"http://localservername/case"|];
                ReadOnlySpan<byte> j = [|"http://health.partner.nhs.uk"u8|];
                var k = [|$"{Uri.UriSchemeHttp}://{host}/referrals"|];
                var l = [|Uri.UriSchemeHttp + "://"|] + host;
                var m = [|Scheme|] + host;
                var n = [|$"{[|$"{Scheme}police."|]}{Host}"|];
            }

            public void Default(string endpoint = [|"http://police.partner.uk"|]) { }
        }
        """");

    [Fact]
    public Task Reads_an_interpolated_address_from_its_known_start() => Verify.VerifyAsync("""
        public class InterpolatedAddresses
        {
            private const string Tp = "tp";

            public void M(string host, string caseId, int count)
            {
                var a = [|$"  HTTP://{host}/cases/{caseId}"|];
                var b = [|$"ht{Tp}://{host}"|];
                var c = [|$"http:{"//"}{host}"|];
                var d = [|$"ws{"://"}{host}"|];
                var e = $"Case {caseId} sent to http://{host}";
                var f = $"https://{host}/cases/{caseId}";
                var g = $"{count} cases for http://{host}";
                var h = $"wss://{host}";
                var i = $"http:/{host}";
                var j = $"{caseId}";
            }
        }
        """);

    [Fact]
    public void A_start_rules_a_scheme_out_only_once_it_differs_from_every_scheme()
    {
        foreach (var start in new[] { "", "   ", "h", "ht", "HTT", "http", "http:", "http:/", "http://", "http://host", " \tFtP://x", "ws", "ws:", "smtp:", "ldap://", "telnet" })
        {
            Assert.True(ClearTextAddress.CouldStartWithScheme(start), start);
        }

        foreach (var start in new[] { "Case ", "https", "https://", "wss://", "http:x", "http//", "sftp://", " x", "ftps", "ws ", "hxtp" })
        {
            Assert.False(ClearTextAddress.CouldStartWithScheme(start), start);
        }
    }

    [Fact]
    public Task Ignores_encrypted_loopback_example_and_bare_schemes() => Verify.VerifyAsync("""
        using System;
        public class Safe
        {
            public void M(string part, string scheme)
            {
                var a = "https://mash.northshire.gov.uk";
                var b = "wss://events.partner.uk";
                var c = "sftp://transfer.partner.uk";
                var d = "http://localhost:5000/referrals";
                var e = "http://127.0.0.1/health";
                var f = "http://[::1]:8080";
                var g = "http://::1";
                var h = "http://api.localhost/x";
                var i = "http://example.com/docs";
                var j = "http://referrals.example.org";
                var k = "http://service.test/api";
                var l = "http://";
                var m = $"{scheme}://police.partner.uk";
                var n = "See http://www.partner.uk for the protocol";
                var o = "ftp://anonymous@127.0.0.1";
                var p = "telnet://user@::1";
                var q = "http://" + "localhost/api";
                var r = "ssh://legacy-cms.council.local";
                bool s = part == "http://mash.northshire.gov.uk";
                bool t = part.StartsWith("http://old.partner.uk", StringComparison.Ordinal);
                var u = new Uri("https://x.partner.uk");
            }
        }
        """);

    [Fact]
    public Task Ignores_xml_namespaces_schemas_and_identifiers_but_not_other_schemes() => Verify.VerifyAsync("""
        using System.Runtime.Serialization;
        using System.Xml;
        using System.Xml.Linq;
        using System.Xml.Serialization;

        [XmlRoot(ElementName = "Referral", Namespace = "http://schemas.northshire.gov.uk/referral/2024")]
        public class ReferralXml
        {
            [XmlElement(Namespace = "http://schemas.northshire.gov.uk/referral/2024")] public string? Child;
            private const string CaseNamespace = "http://schemas.northshire.gov.uk/case";
            private string ReferralNamespace { get; set; } = "http://schemas.northshire.gov.uk/referral";
            private string SchemaAddress = [|"http://schemas.northshire.gov.uk/referral"|];
            private string FtpNamespace = [|"ftp://a:b@transfer.partner.uk/"|];

            public void Write(XmlWriter writer, XmlDocument document, string xmlNamespace)
            {
                var soap = "http://schemas.xmlsoap.org/soap/envelope/";
                var schema = "http://www.w3.org/2001/XMLSchema";
                var sub = [|"http://evil.www.w3.org/x"|];
                var ns = new XmlSerializerNamespaces();
                ns.Add("ref", "http://schemas.northshire.gov.uk/referral");
                writer.WriteStartElement("child", "http://schemas.northshire.gov.uk/referral");
                writer.WriteElementString("link", [|"http://schemas.northshire.gov.uk/referral"|]);
                document.CreateElement("p", "child", "http://schemas.northshire.gov.uk/referral");
                XNamespace x = "http://schemas.northshire.gov.uk/referral";
                var y = XNamespace.Get("http://schemas.northshire.gov.uk/referral");
                xmlNamespace = "http://schemas.northshire.gov.uk/referral";
                var namespaces = new string[1];
                namespaces[0] = [|"http://schemas.northshire.gov.uk/referral"|];
            }
        }

        [DataContract(Namespace = "http://schemas.northshire.gov.uk/casenote")]
        public class CaseNote { }
        """);

    [Fact]
    public Task Flags_defaults_of_primary_constructors_and_lambdas_once_per_address() => Verify.VerifyAsync("""
        public class PartnerFeed(string feed = [|"http://feeds.partner.uk/alerts"|])
        {
            private const string Scheme = "http://";
            private const string Host = "police.partner.uk";
            private const string Joined = [|$"{Scheme +
                Host}"|];

            public void M()
            {
                var pick = (string address = [|"http://feeds.partner.uk/b"|]) => address;
            }
        }
        """);

    [Fact]
    public Task Flags_attribute_arguments_that_are_not_identifiers() => Verify.VerifyAsync("""
        using System;
        [AttributeUsage(AttributeTargets.Class)]
        public sealed class PartnerEndpointAttribute : Attribute { public PartnerEndpointAttribute(string url) { } }

        [PartnerEndpoint([|"http://police.partner.uk/disclosures"|])]
        public class DisclosureClient { }
        """);

    [Fact]
    public Task Flags_uri_builder_with_clear_text_scheme() => Verify.VerifyAsync("""
        using System;
        public class Builder
        {
            public void M(Uri baseUri, string host)
            {
                var a = [|new UriBuilder("http", "mash.northshire.gov.uk")|];
                var b = [|new UriBuilder(Uri.UriSchemeFtp, host, 21)|];
                var c = new UriBuilder("http", "localhost", 5000);
                var d = new UriBuilder(baseUri) { [|Scheme = Uri.UriSchemeHttp|] };
                var e = new UriBuilder(baseUri) { Scheme = Uri.UriSchemeHttps };
                if (baseUri.Scheme == Uri.UriSchemeHttp) { }
            }
        }
        """);

    [Fact]
    public Task Flags_telnet_clients_by_name() => Verify.VerifyAsync("""
        namespace Legacy.Telnet { public class Session { } }
        namespace Legacy
        {
            public class TelnetClient { public static TelnetClient Open() => new TelnetClient(); }
            public class Telnetwork { }
            public class HotelNetwork { }
            public class CaseImport
            {
                public void M()
                {
                    var a = [|new TelnetClient()|];
                    var b = [|TelnetClient.Open()|];
                    var c = [|new Legacy.Telnet.Session()|];
                    TelnetClient d = [|new()|];
                    var e = new Telnetwork();
                    var f = new HotelNetwork();
                }
            }
        }
        """);

    [Fact]
    public async Task Flags_telnet_clients_from_a_referenced_assembly()
    {
        // The analyzer looks through the names of the referenced assemblies' types and namespaces once, to skip the
        // walk up each invoked method's containers when none has the word; these come from metadata, not source.
        var library = TestCompilation.Create(
            new[]
            {
                """
                namespace Vendor.Remote.Telnet { public class Session { } }
                namespace Vendor.Net
                {
                    public class TelnetClient { public void Connect() { } }
                    public class Directory { public class TelnetGateway { public static void Open() { } } }
                }
                """,
            },
            TestCompilation.References,
            "Vendor");
        var image = Image(library);
        var consumer = TestCompilation.Create(
            new[]
            {
                """
                public class CaseImport
                {
                    public void M()
                    {
                        new Vendor.Net.TelnetClient().Connect();
                        _ = new Vendor.Remote.Telnet.Session();
                        Vendor.Net.Directory.TelnetGateway.Open();
                    }
                }
                """,
            },
            TestCompilation.References.Add(image));

        var diagnostics = await AnalyzerVerifier<ClearTextProtocolAnalyzer>.GetDiagnosticsAsync(consumer, new ClearTextProtocolAnalyzer());

        var source = consumer.SyntaxTrees.Single().ToString();
        Assert.Equal(
            new[] { "new Vendor.Net.TelnetClient()", "new Vendor.Net.TelnetClient().Connect()", "new Vendor.Remote.Telnet.Session()", "Vendor.Net.Directory.TelnetGateway.Open()" }.Order(),
            diagnostics.Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).Order());
    }

    private static MetadataReference Image(Compilation library)
    {
        using var stream = new System.IO.MemoryStream();
        var result = library.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    [Fact]
    public async Task Flags_a_method_named_telnet_when_no_type_or_namespace_is()
    {
        // No type or namespace anywhere has the word, so only the method's own name can make it a telnet client.
        var library = TestCompilation.Create(
            new[] { "namespace Vendor.Net { public static class Remote { public static void OpenTelnet(string host) { } public static void OpenTelnetwork() { } } }" },
            TestCompilation.References,
            "Vendor");
        var consumer = TestCompilation.Create(
            new[]
            {
                """
                public class CaseImport
                {
                    public void M()
                    {
                        Vendor.Net.Remote.OpenTelnet("legacy-cms");
                        Vendor.Net.Remote.OpenTelnetwork();
                    }
                }
                """,
            },
            TestCompilation.References.Add(Image(library)));

        var diagnostics = await AnalyzerVerifier<ClearTextProtocolAnalyzer>.GetDiagnosticsAsync(consumer, new ClearTextProtocolAnalyzer());

        var source = consumer.SyntaxTrees.Single().ToString();
        Assert.Equal(
            new[] { "Vendor.Net.Remote.OpenTelnet(\"legacy-cms\")" },
            diagnostics.Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
    }

    [Fact]
    public Task Flags_clear_text_urls_in_appsettings_at_the_file_position() => VerifyFiles.VerifyAsync(
        "public class Empty { }",
        ("/app/appsettings.json", """
            {
              "$schema": "http://json.schemastore.org/appsettings",
              "Partners": {
                "Police": "[|http://police.partner.uk/disclosures|]",
                "Health": "https://health.partner.nhs.uk",
                "Local": "http://localhost:5001"
              },
              // comments are allowed
              "Archive": "[|ftp://archive.northshire.gov.uk|]"
            }
            """),
        ("/app/other.json", """{ "Police": "http://police.partner.uk" }"""));

    [Fact]
    public void Address_reading_is_exact_about_hosts()
    {
        Assert.Equal("http", ClearTextAddress.Find("http://localhosting", continues: false));
        Assert.Null(ClearTextAddress.Find("http://localhost", continues: false));
        Assert.Equal("http", ClearTextAddress.Find("http://partner.uk/localhost", continues: false));
        Assert.Equal("http", ClearTextAddress.Find("http://partner.uk?q=example.com", continues: false));
        Assert.Equal("http", ClearTextAddress.Find("http://subdomain#www.w3.org", continues: false));
        Assert.Null(ClearTextAddress.Find("http://user:pw@team.example.com", continues: false));
        Assert.Equal("http", ClearTextAddress.Find("http://127.0.0.300", continues: false));
        Assert.Null(ClearTextAddress.Find("https://police.partner.uk", continues: false));
        Assert.Equal("ftp", ClearTextAddress.Find("ftp://", continues: true));
    }

    [Theory]
    [InlineData("http://partner.uk", "http")]
    [InlineData("  HTTP://partner.uk", "http")]
    [InlineData("\thttp://partner.uk", "http")]
    [InlineData("Ws://partner.uk", "ws")]
    [InlineData("ftp://archive.partner.uk", "ftp")]
    [InlineData("TelNet://legacy-cms", "telnet")]
    [InlineData("ldap://dc.partner.uk", "ldap")]
    [InlineData("SMTP://mail.partner.uk", "smtp")]
    [InlineData("https://partner.uk", null)]
    [InlineData("wss://partner.uk", null)]
    [InlineData("sftp://partner.uk", null)]
    [InlineData("ftps://partner.uk", null)]
    [InlineData("ldaps://dc.partner.uk", null)]
    [InlineData("smtps://mail.partner.uk", null)]
    [InlineData("xhttp://partner.uk", null)]
    [InlineData("h://partner.uk", null)]
    [InlineData("see http://partner.uk", null)]
    [InlineData("http:/partner.uk", null)]
    [InlineData("https://a.partner.uk then http://b.partner.uk", null)]
    [InlineData("", null)]
    [InlineData("://partner.uk", null)]
    public void Address_reading_takes_only_a_clear_text_scheme_at_the_start_in_any_case(string value, string? scheme) =>
        Assert.Equal(scheme, ClearTextAddress.Find(value, continues: false));
}
