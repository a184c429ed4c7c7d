using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Npgsql;

namespace SafeShare.PostgreSql.Tests;

/// <summary>Each bad input is one clear line, and nothing is written.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TestDatabase _database = PostgresServer.Instance.NewDatabase();

    public void Dispose() => _database.Dispose();

    private static void OneLine(DecisionLogException e, string expected)
    {
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("Password=", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [PostgresFact]
    public void An_unreachable_server_is_one_line_naming_it()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        using var log = new PostgresDecisionLog($"Host=127.0.0.1;Port={port};Database=cases;Username=cases_app;Password=x;Timeout=5");

        var append = Assert.Throws<DecisionLogException>(() => log.Append(SampleRecords.Decision("CS-1", 1)));
        OneLine(append, $"cannot reach the PostgreSQL server at 127.0.0.1:{port}");
        var read = Assert.Throws<DecisionLogException>(() => log.ReadAll().ToList());
        OneLine(read, $"127.0.0.1:{port}");
        var setUp = Assert.Throws<DecisionLogException>(() => log.EnsureSchemaAsync().GetAwaiter().GetResult());
        OneLine(setUp, $"127.0.0.1:{port}");
    }

    [PostgresFact]
    public async Task A_wrong_password_is_one_line_naming_the_role()
    {
        using (var owner = new PostgresDecisionLog(_database.ConnectionString))
        {
            await owner.EnsureSchemaAsync();
        }

        _database.CreateRole("safeshare_test_clerk", "right-secret");
        var wrong = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = "safeshare_test_clerk", Password = "wrong-secret" };
        using var log = new PostgresDecisionLog(wrong.ConnectionString);

        var e = Assert.Throws<DecisionLogException>(() => log.Append(SampleRecords.Decision("CS-1", 1)));
        OneLine(e, "refused the password of role 'safeshare_test_clerk'");
        Assert.DoesNotContain("secret", e.Message);
        Assert.Equal(0L, _database.Scalar("SELECT count(*) FROM safeshare.decision_log"));
    }

    [PostgresFact]
    public async Task A_schema_whose_table_is_not_a_decision_log_is_refused_and_left_as_it_is()
    {
        _database.Sql("CREATE SCHEMA billing; CREATE TABLE billing.decision_log (id int, note text); INSERT INTO billing.decision_log VALUES (1, 'kept')");
        using var log = new PostgresDecisionLog(_database.ConnectionString, "billing");

        var setUp = await Assert.ThrowsAsync<DecisionLogException>(() => log.EnsureSchemaAsync());
        OneLine(setUp, "is not a SafeShare decision log");
        var append = Assert.Throws<DecisionLogException>(() => log.Append(SampleRecords.Decision("CS-1", 1)));
        OneLine(append, "is not a SafeShare decision log");
        var verify = Assert.Throws<DecisionLogException>(() => log.Verify());
        OneLine(verify, "is not a SafeShare decision log");
        Assert.Equal(1L, _database.Scalar("SELECT count(*) FROM billing.decision_log"));
        Assert.Equal(0L, _database.Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'billing' AND tablename <> 'decision_log'"));
    }

    [PostgresFact]
    public async Task A_newer_schema_version_is_refused_and_nothing_is_written()
    {
        using (var owner = new PostgresDecisionLog(_database.ConnectionString))
        {
            await owner.EnsureSchemaAsync();
            owner.Append(SampleRecords.Decision("CS-1", 1));
        }

        _database.Sql("UPDATE safeshare.decision_log_schema SET version = 2");
        using var log = new PostgresDecisionLog(_database.ConnectionString);

        var append = Assert.Throws<DecisionLogException>(() => log.Append(SampleRecords.Decision("CS-2", 2)));
        OneLine(append, "schema version 2, made by a newer SafeShare");
        var setUp = await Assert.ThrowsAsync<DecisionLogException>(() => log.EnsureSchemaAsync());
        OneLine(setUp, "schema version 2");
        Assert.Equal(1L, _database.Scalar("SELECT count(*) FROM safeshare.decision_log"));
    }

    [PostgresFact]
    public void A_database_without_the_log_says_how_to_create_it()
    {
        using var log = new PostgresDecisionLog(_database.ConnectionString);
        var e = Assert.Throws<DecisionLogException>(() => log.Append(SampleRecords.Decision("CS-1", 1)));
        OneLine(e, "safeshare db init");
        Assert.Equal(0L, _database.Scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'safeshare'"));
    }
}
