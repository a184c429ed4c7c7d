using System;
using System.Threading;
using System.Threading.Tasks;

namespace SafeShare.PostgreSql.Tests;

/// <summary>Arguments refused before any server is contacted.</summary>
public sealed class ArgumentTests
{
    [Fact]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new PostgresDecisionLog("Host=localhost", "cases; DROP TABLE x"));
        Assert.Contains("is not a usable schema name", e.Message);
    }

    [Fact]
    public void A_connection_string_that_is_not_one_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new PostgresDecisionLog("this is not a connection string"));
        Assert.Contains("Not a PostgreSQL connection string", e.Message);
    }

    [Fact]
    public async Task An_append_cancelled_before_its_turn_is_not_written_and_says_so()
    {
        // Nothing listens on port 1: had the append been attempted, it would fail with a DecisionLogException instead.
        using var log = new PostgresDecisionLog("Host=127.0.0.1;Port=1;Database=x;Username=y;Timeout=3");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => log.AppendAsync(SampleRecords.Decision("CS-1", 1), cancelled.Token));
    }
}
