using System.Threading.Tasks;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Transport.MailTransferWithoutTlsAnalyzer>;

namespace SafeShare.Analyzers.Tests.Transport;

public class MailTransferWithoutTlsAnalyzerTests
{
    private const string MailKit = """

        namespace MailKit.Security { public enum SecureSocketOptions { None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable } }
        namespace MailKit.Net.Smtp
        {
            public class SmtpClient
            {
                public void Connect(string host, int port, MailKit.Security.SecureSocketOptions options) { }
                public void Connect(string host, int port, bool useSsl) { }
            }
        }
        """;

    [Fact]
    public Task Flags_smtp_clients_without_tls() => Verify.VerifyAsync("""
        using System.Net.Mail;

        public class ReferralMailer
        {
            public void Send(bool fromConfig)
            {
                using var notSet = [|new SmtpClient("smtp.northshire.gov.uk", 25)|];
                using var setFalse = [|new SmtpClient("smtp.northshire.gov.uk", 25) { EnableSsl = false }|];
                using SmtpClient targetTyped = [|new("smtp.northshire.gov.uk", 587)|];
                using var localhosting = [|new SmtpClient("localhosting", 25)|];

                using var laterFalse = [|new SmtpClient("smtp.northshire.gov.uk")|];
                laterFalse.EnableSsl = false;

                using var deconstructed = [|new SmtpClient("smtp.northshire.gov.uk")|];
                (deconstructed.EnableSsl, var port) = (false, 25);

                using var reset = new SmtpClient("smtp.northshire.gov.uk") { EnableSsl = true };
                [|reset.EnableSsl = false|];
            }
        }
        """);

    [Fact]
    public Task Ignores_smtp_clients_with_tls_or_on_this_machine() => Verify.VerifyAsync("""
        using System.Net.Mail;

        public class SecureMailer
        {
            private readonly SmtpClient configured = new SmtpClient("smtp.northshire.gov.uk");

            public SecureMailer() => configured.EnableSsl = true;

            public void Send(bool fromConfig)
            {
                using var a = new SmtpClient("smtp.northshire.gov.uk", 587) { EnableSsl = true };
                using var b = new SmtpClient("smtp.northshire.gov.uk", 587);
                b.EnableSsl = true;
                using var c = new SmtpClient("localhost", 25);
                using var d = new SmtpClient("127.0.0.1", 25);
                using var e = new SmtpClient("smtp.northshire.gov.uk");
                e.EnableSsl = fromConfig;
                using var f = new SmtpClient("smtp.northshire.gov.uk");
                (f.EnableSsl, var port) = (true, 587);
            }
        }
        """);

    [Fact]
    public Task Flags_ftp_requests_without_tls() => Verify.VerifyAsync("""
        using System.Net;

        public class CaseFileTransfer
        {
            public void Upload(string address)
            {
                var notSet = [|(FtpWebRequest)WebRequest.Create(address)|];

                var off = (FtpWebRequest)WebRequest.Create(address);
                [|off.EnableSsl = false|];
                var flag = false;
                [|off.EnableSsl = flag|];
                flag = true;
                off.EnableSsl = flag;

                var on = (FtpWebRequest)WebRequest.Create(address);
                on.EnableSsl = true;
                var local = (FtpWebRequest)WebRequest.Create("ftp://localhost/drop");
            }
        }
        """);

    [Fact]
    public Task Flags_mailkit_without_tls() => Verify.VerifyAsync("""
        using MailKit.Security;

        public class PartnerMail
        {
            public void Send(MailKit.Net.Smtp.SmtpClient client, SecureSocketOptions chosen)
            {
                client.Connect("smtp.partner.nhs.uk", 25, [|SecureSocketOptions.None|]);
                client.Connect("smtp.partner.nhs.uk", 25, [|useSsl: false|]);
                client.Connect("smtp.partner.nhs.uk", 465, SecureSocketOptions.SslOnConnect);
                client.Connect("smtp.partner.nhs.uk", 587, SecureSocketOptions.StartTls);
                client.Connect("smtp.partner.nhs.uk", 465, true);
                if (chosen == SecureSocketOptions.None) { throw new System.InvalidOperationException("TLS required"); }
            }
        }
        """ + MailKit);
}
