using System;
using System.Threading.Tasks;
using Npgsql;

namespace SafeShare.PostgreSql.Tests;

/// <summary>
/// What a superuser can still do with the triggers switched off is found by Verify, which names the first
/// bad record; what the application's role can do is INSERT and SELECT, nothing else, and the triggers
/// refuse UPDATE, DELETE and TRUNCATE even to the table's owner.
/// </summary>
public sealed class TamperTests : IDisposable
{
    private readonly TestDatabase _database = PostgresServer.Instance.NewDatabase();

    public void Dispose() => _database.Dispose();

    private async Task<PostgresDecisionLog> Written(int records)
    {
        var log = new PostgresDecisionLog(_database.ConnectionString);
        await log.EnsureSchemaAsync();
        SampleRecords.Write(records, log);
        Assert.True(log.Verify().IsIntact);
        return log;
    }

    [PostgresFact]
    public async Task A_row_edited_by_a_superuser_is_named()
    {
        using var log = await Written(10);
        _database.Tamper("UPDATE safeshare.decision_log SET line = replace(line, 'Police', 'Probation') WHERE seq = 4");

        var result = log.Verify();
        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBadLine);
        Assert.Contains("was altered", result.Problem);
        Assert.Equal(3, result.Records);
    }

    [PostgresFact]
    public async Task A_row_deleted_by_a_superuser_is_named()
    {
        using var log = await Written(10);
        _database.Tamper("DELETE FROM safeshare.decision_log WHERE seq = 6");

        var result = log.Verify();
        Assert.Equal(6, result.FirstBadLine);
        Assert.Contains("record 6 was deleted", result.Problem);
    }

    [PostgresFact]
    public async Task Rows_reordered_by_a_superuser_are_named()
    {
        using var log = await Written(10);
        // Swap records 3 and 5 in the table's order.
        _database.Tamper("UPDATE safeshare.decision_log SET seq = -3 WHERE seq = 3; UPDATE safeshare.decision_log SET seq = 3 WHERE seq = 5; UPDATE safeshare.decision_log SET seq = 5 WHERE seq = -3");

        var result = log.Verify();
        Assert.Equal(3, result.FirstBadLine);
        Assert.Contains("out of order", result.Problem);
    }

    [PostgresFact]
    public async Task A_tail_cut_by_a_superuser_is_found_from_the_head_row()
    {
        using var log = await Written(10);
        _database.Tamper("DELETE FROM safeshare.decision_log WHERE seq > 7");

        var result = log.Verify();
        Assert.Equal(8, result.FirstBadLine);
        Assert.Contains("acknowledged records up to 10", result.Problem);
        Assert.Contains("decision_log_head", result.Problem);
    }

    [PostgresFact]
    public async Task A_subject_column_edited_to_hide_a_record_from_a_subject_access_search_is_named()
    {
        using var log = await Written(10);
        _database.Tamper("UPDATE safeshare.decision_log SET subject = 'CS-999' WHERE seq = 5");

        var result = log.Verify();
        Assert.Equal(5, result.FirstBadLine);
        Assert.Contains("column differs from its line", result.Problem);
        Assert.Empty(log.ReadSubject("CS-999")); // the sealed line decides what a row holds
    }

    [PostgresFact]
    public async Task The_application_role_can_insert_and_select_only()
    {
        using (var owner = await Written(3))
        {
            var app = _database.CreateRole("safeshare_test_app", "app-secret");
            await owner.EnsureSchemaAsync("safeshare_test_app");
            using var log = new PostgresDecisionLog(app);
            log.Append(SampleRecords.Decision("CS-4", 4));
            Assert.Equal(4, SampleRecords.Subjects(log).Count);

            using var connection = new NpgsqlConnection(app);
            connection.Open();
            foreach (var sql in new[]
            {
                "UPDATE safeshare.decision_log SET subject = 'x' WHERE seq = 1",
                "DELETE FROM safeshare.decision_log WHERE seq = 4",
                "TRUNCATE safeshare.decision_log",
                "UPDATE safeshare.decision_log_head SET seq = 0",
                "DELETE FROM safeshare.decision_log_head",
                "SET session_replication_role = replica",
                "ALTER TABLE safeshare.decision_log DISABLE TRIGGER ALL",
            })
            {
                using var command = new NpgsqlCommand(sql, connection);
                var refused = Assert.ThrowsAny<PostgresException>(() => command.ExecuteNonQuery());
                Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege or "42501", $"{sql}: {refused.SqlState} {refused.MessageText}");
            }

            Assert.True(owner.Verify().IsIntact);
            Assert.Equal(4L, _database.Scalar("SELECT count(*) FROM safeshare.decision_log"));
        }
    }

    [PostgresFact]
    public async Task The_triggers_refuse_changes_even_to_a_superuser_who_leaves_them_on()
    {
        using var log = await Written(3);
        foreach (var sql in new[]
        {
            "UPDATE safeshare.decision_log SET subject = 'x' WHERE seq = 1",
            "DELETE FROM safeshare.decision_log WHERE seq = 3",
            "TRUNCATE safeshare.decision_log",
            "UPDATE safeshare.decision_log_head SET seq = 1",
            "DELETE FROM safeshare.decision_log_head",
        })
        {
            var refused = Assert.ThrowsAny<PostgresException>(() => _database.Sql(sql));
            Assert.Contains("decision log", refused.MessageText);
        }

        // An insert that does not continue the chain is refused by the database itself.
        var forged = Assert.ThrowsAny<PostgresException>(() => _database.Sql(
            "INSERT INTO safeshare.decision_log (seq, subject, hash, line) SELECT 4, subject, hash, line FROM safeshare.decision_log WHERE seq = 3"));
        Assert.Contains("decision log", forged.MessageText);
        Assert.True(log.Verify().IsIntact);
        Assert.Equal(3L, _database.Scalar("SELECT count(*) FROM safeshare.decision_log"));
    }
}
