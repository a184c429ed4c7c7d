using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeShare.Analyzers.Transport;
using SafeShare.CodeFixes.Transport;
using SafeShare.Testing;

namespace SafeShare.CodeFixes.Tests.Transport;

public class UseEncryptedSchemeCodeFixTests
{
    private const string Before = """"
        public class PartnerEndpoints
        {
            public const string Police = [|"http://police.partner.uk/disclosures"|];
            public const string Events = [|@"WS://events.partner.uk/stream"|];
            public static readonly string Health = [|"""http://health.partner.nhs.uk"""|];
            public string Mash(string id) => [|$"http://mash.northshire.gov.uk/{id}"|];
            public const string Archive = [|"ftp://archive.northshire.gov.uk"|];
        }
        """";

    private const string After = """"
        public class PartnerEndpoints
        {
            public const string Police = "https://police.partner.uk/disclosures";
            public const string Events = @"wss://events.partner.uk/stream";
            public static readonly string Health = """https://health.partner.nhs.uk""";
            public string Mash(string id) => $"https://mash.northshire.gov.uk/{id}";
            public const string Archive = [|"ftp://archive.northshire.gov.uk"|];
        }
        """";

    [Fact]
    public Task Http_becomes_https_and_ws_becomes_wss() =>
        CodeFixVerifier<ClearTextProtocolAnalyzer, UseEncryptedSchemeCodeFixProvider>.VerifyCodeFixAsync(Before, After, UseEncryptedSchemeCodeFixProvider.Key);

    [Fact]
    public Task Fix_all_in_document() =>
        CodeFixVerifier<ClearTextProtocolAnalyzer, UseEncryptedSchemeCodeFixProvider>.VerifyFixAllAsync(new[] { Before }, new[] { After }, FixAllScope.Document, UseEncryptedSchemeCodeFixProvider.Key);

    [Fact]
    public Task No_fix_for_ftp() =>
        CodeFixVerifier<ClearTextProtocolAnalyzer, UseEncryptedSchemeCodeFixProvider>.VerifyNoCodeFixAsync("""
            public class Archive { public const string Address = [|"ftp://archive.northshire.gov.uk"|]; }
            """);
}

public class EnableSslCodeFixTests
{
    private const string Before = """
        using System.Net.Mail;

        public class ReferralMailer
        {
            public void Send()
            {
                using var a = [|new SmtpClient("smtp.northshire.gov.uk", 25)|];
                using var b = [|new SmtpClient("smtp.northshire.gov.uk", 25) { EnableSsl = false }|];
                using var c = [|new SmtpClient("smtp.northshire.gov.uk") { Timeout = 5000 }|];
                using var d = new SmtpClient("smtp.northshire.gov.uk") { EnableSsl = true };
                [|d.EnableSsl = false|];
            }
        }
        """;

    private const string After = """
        using System.Net.Mail;

        public class ReferralMailer
        {
            public void Send()
            {
                using var a = new SmtpClient("smtp.northshire.gov.uk", 25) { EnableSsl = true };
                using var b = new SmtpClient("smtp.northshire.gov.uk", 25) { EnableSsl = true };
                using var c = new SmtpClient("smtp.northshire.gov.uk") { Timeout = 5000, EnableSsl = true };
                using var d = new SmtpClient("smtp.northshire.gov.uk") { EnableSsl = true };
                d.EnableSsl = true;
            }
        }
        """;

    [Fact]
    public Task Sets_EnableSsl_true_in_initializer_or_assignment() =>
        CodeFixVerifier<MailTransferWithoutTlsAnalyzer, EnableSslCodeFixProvider>.VerifyCodeFixAsync(Before, After, EnableSslCodeFixProvider.Key);

    [Fact]
    public Task Fix_all_in_document() =>
        CodeFixVerifier<MailTransferWithoutTlsAnalyzer, EnableSslCodeFixProvider>.VerifyFixAllAsync(new[] { Before }, new[] { After }, FixAllScope.Document, EnableSslCodeFixProvider.Key);
}

public class RemoveObsoleteProtocolCodeFixTests
{
    private const string Before = """
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        public class Channel
        {
            public void Configure(HttpClientHandler handler)
            {
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls|];
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls11|] | SecurityProtocolType.Tls12;
                handler.SslProtocols = [|SslProtocols.Ssl3|] | [|SslProtocols.Tls|] | SslProtocols.Tls12;
                handler.SslProtocols = [|(SslProtocols)768|];
            }
        }
        """;

    private const string After = """
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        public class Channel
        {
            public void Configure(HttpClientHandler handler)
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
                handler.SslProtocols = SslProtocols.Tls12;
                handler.SslProtocols = SslProtocols.None;
            }
        }
        """;

    [Fact]
    public Task Removes_obsolete_protocols_or_uses_the_os_default() =>
        CodeFixVerifier<ObsoleteTlsProtocolAnalyzer, RemoveObsoleteProtocolCodeFixProvider>.VerifyCodeFixAsync(Before, After, RemoveObsoleteProtocolCodeFixProvider.Key);

    [Fact]
    public Task Fix_all_in_document() =>
        CodeFixVerifier<ObsoleteTlsProtocolAnalyzer, RemoveObsoleteProtocolCodeFixProvider>.VerifyFixAllAsync(new[] { Before }, new[] { After }, FixAllScope.Document, RemoveObsoleteProtocolCodeFixProvider.Key);
}

public class TurnEncryptionOnCodeFixTests
{
    private const string Before = """
        public class CaseDatabase
        {
            public const string CaseNotes = "Server=sql.northshire.gov.uk;[|Encrypt=False|];[|TrustServerCertificate=True|]";
            public const string Referrals = "Host=pg.northshire.gov.uk;[|SslMode=Disable|]";
            public const string Libpq = "host=pg.northshire.gov.uk [|sslmode=disable|]";
        }
        """;

    private const string After = """
        public class CaseDatabase
        {
            public const string CaseNotes = "Server=sql.northshire.gov.uk;Encrypt=True;TrustServerCertificate=False";
            public const string Referrals = "Host=pg.northshire.gov.uk;SslMode=VerifyFull";
            public const string Libpq = "host=pg.northshire.gov.uk sslmode=verify-full";
        }
        """;

    [Fact]
    public Task Flips_the_setting_in_the_literal() =>
        CodeFixVerifier<ConnectionStringEncryptionAnalyzer, TurnEncryptionOnCodeFixProvider>.VerifyCodeFixAsync(Before, After, TurnEncryptionOnCodeFixProvider.Key);

    [Fact]
    public Task Fix_all_in_document() =>
        CodeFixVerifier<ConnectionStringEncryptionAnalyzer, TurnEncryptionOnCodeFixProvider>.VerifyFixAllAsync(new[] { Before }, new[] { After }, FixAllScope.Document, TurnEncryptionOnCodeFixProvider.Key);
}
