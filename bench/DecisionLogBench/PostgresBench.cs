using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Npgsql;
using SafeShare;
using SafeShare.PostgreSql;

/// <summary>
/// The PostgreSQL runs: the server's raw rate of one-row INSERT + COMMIT from one connection, beside the
/// log with 1 and 8 writers in one process and with 3 processes, interleaved over several rounds.
/// </summary>
internal static class PostgresBench
{
    public static int Run(string connectionString, TimeSpan duration, int rounds)
    {
        var schema = "safeshare_bench_" + Guid.NewGuid().ToString("N").Substring(0, 8);
        using var log = new PostgresDecisionLog(connectionString, schema);
        log.EnsureSchemaAsync().GetAwaiter().GetResult();
        try
        {
            var lineLength = LineLength(log);
            Execute(connectionString, $"CREATE TABLE {schema}.raw_insert (seq bigserial PRIMARY KEY, line text NOT NULL)");
            Console.WriteLine($"{log.Description}; {duration.TotalSeconds:0.#} s per run, {rounds} rounds (median shown); {Environment.ProcessorCount} cores; record line {lineLength} bytes");
            Console.WriteLine();

            Bench.Run(string.Empty, "warm", 1, TimeSpan.FromSeconds(0.5), Raw(connectionString, schema, lineLength));
            Bench.Run(string.Empty, "warm", 2, TimeSpan.FromSeconds(0.5), Log(log));

            var raws = new List<Result>();
            var ones = new List<Result>();
            var eights = new List<Result>();
            var processes = new List<Result>();
            for (var round = 0; round < rounds; round++)
            {
                raws.Add(Bench.Run(string.Empty, "raw INSERT+COMMIT (1 connection)", 1, duration, Raw(connectionString, schema, lineLength)));
                ones.Add(Bench.Run(string.Empty, "log, 1 writer", 1, duration, Log(log)));
                eights.Add(Bench.Run(string.Empty, "log, 8 writers", 8, duration, Log(log)));
                processes.Add(Processes(connectionString, schema, 3, 8, duration));
                Console.Error.WriteLine($"round {round + 1}: raw {raws[^1].PerSecond:0}/s, 1 writer {ones[^1].PerSecond:0}/s, 8 writers {eights[^1].PerSecond:0}/s, 3 processes {processes[^1].PerSecond:0}/s");
            }

            var raw = Bench.Median(raws);
            var one = Bench.Median(ones);
            var eight = Bench.Median(eights);
            var three = Bench.Median(processes);
            Console.WriteLine($"| {"run",-34} | {"durable appends/s",17} | {"p50 ms",7} | {"p99 ms",7} |");
            Console.WriteLine($"|{new string('-', 36)}|{new string('-', 19)}|{new string('-', 9)}|{new string('-', 9)}|");
            foreach (var r in new[] { raw, one, eight, three })
            {
                Console.WriteLine($"| {r.Name,-34} | {r.PerSecond,17:0} | {r.P50,7:0.00} | {r.P99,7:0.00} |");
            }

            Console.WriteLine();
            // Ratios within each round (its runs share the machine's noise), then their median.
            double Ratio(List<Result> runs) => Enumerable.Range(0, rounds).Select(r => runs[r].PerSecond / raws[r].PerSecond).OrderBy(x => x).ElementAt(rounds / 2);
            Console.WriteLine($"1 writer  / raw INSERT+COMMIT : {Ratio(ones):P0} (target >= 50 %; median of the rounds' ratios)");
            Console.WriteLine($"8 writers / raw INSERT+COMMIT : {Ratio(eights):0.0}x (target >= 5x)");
            Console.WriteLine($"3 processes / raw             : {Ratio(processes):0.0}x");
            var verification = log.Verify();
            Console.WriteLine($"log verifies                  : {(verification.IsIntact ? "intact" : verification.ToString())}, {verification.Records} records");
            return verification.IsIntact ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Execute(connectionString, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    /// <summary>A child process of the 3-process run: appends from <paramref name="writers"/> threads, prints how many.</summary>
    public static int Child(string connectionString, string schema, int writers, double seconds)
    {
        using var log = new PostgresDecisionLog(connectionString, schema);
        Console.WriteLine("ready");
        if (Console.ReadLine() != "go")
        {
            return 2;
        }

        var result = Bench.Run(string.Empty, "child", writers, TimeSpan.FromSeconds(seconds), Log(log));
        Console.WriteLine(FormattableString.Invariant($"{result.PerSecond} {result.P50} {result.P99}"));
        return 0;
    }

    private static Result Processes(string connectionString, string schema, int count, int writers, TimeSpan duration)
    {
        var children = Enumerable.Range(0, count).Select(_ =>
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                start.ArgumentList.Add(typeof(PostgresBench).Assembly.Location);
            }

            foreach (var argument in new[] { "--postgres-writer", connectionString, schema, writers.ToString(CultureInfo.InvariantCulture), duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            return Process.Start(start)!;
        }).ToList();
        foreach (var child in children)
        {
            if (child.StandardOutput.ReadLine() != "ready")
            {
                throw new InvalidOperationException("A writer process did not start.");
            }
        }

        // All start together, so their runs overlap for the whole duration.
        children.ForEach(c => c.StandardInput.WriteLine("go"));
        var results = children.Select(c =>
        {
            var parts = c.StandardOutput.ReadLine()!.Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            c.WaitForExit();
            c.Dispose();
            return parts;
        }).ToList();
        return new Result($"log, {count} processes x {writers} writers", results.Sum(r => r[0]), results.Max(r => r[1]), results.Max(r => r[2]));
    }

    private static Func<int, Action<int>> Raw(string connectionString, string schema, int lineLength) => _ =>
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var line = new string('x', lineLength - 1);
        var command = new NpgsqlCommand($"INSERT INTO {schema}.raw_insert (line) VALUES ($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = line });
        command.Prepare();
        new NpgsqlCommand("SET synchronous_commit TO on", connection).ExecuteNonQuery();
        return _ => command.ExecuteNonQuery(); // autocommit: one transaction, one durable commit per row
    };

    private static Func<int, Action<int>> Log(PostgresDecisionLog log) =>
        writer => i => log.Append(Bench.Sample($"CS-{writer}-{i}", i));

    private static int LineLength(PostgresDecisionLog log)
    {
        log.Append(Bench.Sample("CS-size", 0));
        using var output = new MemoryStream();
        log.Export(output);
        return (int)output.Length;
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
