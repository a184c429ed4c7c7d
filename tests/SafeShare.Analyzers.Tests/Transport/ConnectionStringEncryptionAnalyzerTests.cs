using System.Threading.Tasks;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Transport.ConnectionStringEncryptionAnalyzer>;
using VerifyFiles = SafeShare.Testing.AdditionalFileVerifier<SafeShare.Analyzers.Transport.ConnectionStringEncryptionAnalyzer>;

namespace SafeShare.Analyzers.Tests.Transport;

public class ConnectionStringEncryptionAnalyzerTests
{
    [Fact]
    public Task Flags_settings_that_turn_encryption_or_checks_off() => Verify.VerifyAsync("""
        using System.Data.Common;

        public class CaseDatabase
        {
            private const string CaseNotes = "Server=sql.northshire.gov.uk;Database=CaseNotes;[|Encrypt=False|];[|TrustServerCertificate=True|]";
            private const string Referrals = "Host=pg.northshire.gov.uk;Database=referrals;[|SslMode=Disable|]";
            private const string Libpq = "host=pg.northshire.gov.uk dbname=referrals [|sslmode=disable|]";
            private const string Optional = "Server=sql.northshire.gov.uk; [|Encrypt = Optional|]";
            private const string MySql = "Server=mysql.partner.uk;[|SslMode=Preferred|]";
            private const string Mongo = "mongodb://db.partner.uk/cases?[|ssl=false|]&[|tlsAllowInvalidCertificates=true|]";
            private const string Verbatim = @"Data Source=sql.northshire.gov.uk;[|Trust Server Certificate=yes|]";

            public string Build(string server) => $"Server={server};[|Encrypt=false|]";

            public void Configure(DbConnectionStringBuilder builder) => builder.ConnectionString = "Server=x;[|Encrypt=no|]";
        }
        """);

    [Fact]
    public Task Ignores_settings_that_keep_encryption_on() => Verify.VerifyAsync("""
        public class SafeDatabase
        {
            private const string A = "Server=sql.northshire.gov.uk;Database=CaseNotes;Encrypt=True;TrustServerCertificate=False";
            private const string B = "Host=pg.northshire.gov.uk;SslMode=VerifyFull";
            private const string C = "Server=sql.northshire.gov.uk;Encrypt=Strict";
            private const string D = "mongodb://db.partner.uk/cases?tls=true";
            private const string E = "The setting Encrypt is documented elsewhere";
            private const string F = "NoSsl=false";
        }
        """);

    [Fact]
    public Task Flags_connection_string_builder_properties() => Verify.VerifyAsync("""
        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnectionEncryptOption
            {
                public static SqlConnectionEncryptOption Optional { get; } = new();
                public static SqlConnectionEncryptOption Mandatory { get; } = new();
                public static implicit operator SqlConnectionEncryptOption(bool value) => value ? Mandatory : Optional;
            }

            public sealed class SqlConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
            {
                public SqlConnectionEncryptOption Encrypt { get; set; } = SqlConnectionEncryptOption.Mandatory;
                public bool TrustServerCertificate { get; set; }
            }
        }

        namespace Npgsql
        {
            public enum SslMode { Disable, Allow, Prefer, Require, VerifyCA, VerifyFull }
            public sealed class NpgsqlConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
            {
                public SslMode SslMode { get; set; }
            }
        }

        public class Setup
        {
            public void M()
            {
                var sql = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder { [|Encrypt = false|], [|TrustServerCertificate = true|] };
                [|sql.Encrypt = Microsoft.Data.SqlClient.SqlConnectionEncryptOption.Optional|];
                sql.Encrypt = true;
                sql.TrustServerCertificate = false;
                var pg = new Npgsql.NpgsqlConnectionStringBuilder { [|SslMode = Npgsql.SslMode.Disable|] };
                pg.SslMode = Npgsql.SslMode.VerifyFull;
            }
        }
        """);

    [Fact]
    public Task Flags_connection_strings_in_appsettings_at_the_file_position() => VerifyFiles.VerifyAsync(
        "public class Empty { }",
        ("/app/appsettings.Production.json", """
            {
              "ConnectionStrings": {
                "CaseNotes": "Server=sql.northshire.gov.uk;Database=CaseNotes;[|Encrypt=False|]",
                "Referrals": "Host=pg.northshire.gov.uk;[|SslMode=Disable|];Username=app",
                "Audit": "Server=sql.northshire.gov.uk;Encrypt=True"
              }
            }
            """),
        ("/app/settings.json", """{ "Db": "Server=x;Encrypt=False" }"""));
}
