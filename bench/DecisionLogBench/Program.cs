using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using SafeShare;

// dotnet run -c Release --project bench/DecisionLogBench -- [--dir DIR] [--seconds N] [--rounds N]
//
// Measures, on the disk holding DIR (default: the system temp folder):
//   raw fsync   one writer appending a line of the same size as a decision record, then
//               FileStream.Flush(flushToDisk: true) — the most a durable log can do, one record per flush;
//   log, 1      JsonLinesDecisionLog.Append from one thread (each append is durable when it returns);
//   log, 8      the same from 8 threads at once (group commit shares flushes between them).
// Each runs for the same time; latency is per append (or per raw write+flush). The three runs are
// repeated, interleaved, for several rounds and each row reports its median round: the disk is shared
// with whatever else the machine is doing, and interleaving exposes all three to the same noise.

// With --postgres <connection> it measures the PostgreSQL log instead, against the same server:
//   raw INSERT  one connection inserting one row of the same size per transaction (INSERT + COMMIT,
//               synchronous commit) — the most a durable log can do, one record per commit;
//   log, 1 / 8  PostgresDecisionLog.Append from 1 and 8 threads of one process (group commit);
//   3 processes three processes of 8 writer threads each, appending to the same log (one chain).
// The password comes from PGPASSWORD or a passfile; the bench works in a schema of its own, dropped after.

if (args.Length == 5 && args[0] == "--postgres-writer")
{
    // A child of the 3-process run: appends from N threads for the given time, then prints its count.
    return PostgresBench.Child(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), double.Parse(args[4], CultureInfo.InvariantCulture));
}

var dir = Path.GetTempPath();
var seconds = 5.0;
var rounds = 3;
string? postgres = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--postgres" when i + 1 < args.Length:
            postgres = args[++i];
            break;
        case "--dir" when i + 1 < args.Length:
            dir = args[++i];
            break;
        case "--seconds" when i + 1 < args.Length:
            seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--rounds" when i + 1 < args.Length:
            rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine("usage: DecisionLogBench [--dir DIR | --postgres CONNECTION] [--seconds N] [--rounds N]");
            return 2;
    }
}

if (postgres is not null)
{
    return PostgresBench.Run(postgres, TimeSpan.FromSeconds(seconds), rounds);
}

var work = Path.Combine(dir, "safeshare-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
try
{
    var duration = TimeSpan.FromSeconds(seconds);
    var sample = Bench.Sample("CS-0", 0);
    var lineLength = Bench.MeasureLineLength(work, sample);
    Console.WriteLine($"Disk of {dir}; {duration.TotalSeconds:0.#} s per run, {rounds} rounds (median shown); {Environment.ProcessorCount} cores; record line {lineLength} bytes");
    Console.WriteLine();

    // Warm up the JIT and the file system once, unmeasured.
    Bench.Run(work, "warm", 1, TimeSpan.FromSeconds(0.5), Raw(work, lineLength));
    Bench.Run(work, "warm", 2, TimeSpan.FromSeconds(0.5), Log(work, "warm"));

    var raws = new List<Result>();
    var ones = new List<Result>();
    var eights = new List<Result>();
    for (var round = 0; round < rounds; round++)
    {
        raws.Add(Bench.Run(work, "raw fsync (1 writer)", 1, duration, Raw(work, lineLength)));
        ones.Add(Bench.Run(work, "log, 1 writer", 1, duration, Log(work, "one")));
        eights.Add(Bench.Run(work, "log, 8 writers", 8, duration, Log(work, "eight")));
        Console.Error.WriteLine($"round {round + 1}: raw {raws[^1].PerSecond:0}/s, 1 writer {ones[^1].PerSecond:0}/s, 8 writers {eights[^1].PerSecond:0}/s");
    }

    var raw = Bench.Median(raws);
    var one = Bench.Median(ones);
    var eight = Bench.Median(eights);

    Console.WriteLine($"| {"run",-22} | {"durable appends/s",17} | {"p50 ms",7} | {"p99 ms",7} |");
    Console.WriteLine($"|{new string('-', 24)}|{new string('-', 19)}|{new string('-', 9)}|{new string('-', 9)}|");
    foreach (var r in new[] { raw, one, eight })
    {
        Console.WriteLine($"| {r.Name,-22} | {r.PerSecond,17:0} | {r.P50,7:0.00} | {r.P99,7:0.00} |");
    }

    Console.WriteLine();
    Console.WriteLine($"1 writer  / raw fsync : {one.PerSecond / raw.PerSecond:P0} (target >= 50 %)");
    Console.WriteLine($"8 writers / 1 writer  : {eight.PerSecond / one.PerSecond:0.0}x (target >= 5x)");

    var verification = JsonLinesDecisionLog.Verify(Path.Combine(work, "eight.jsonl"));
    Console.WriteLine($"8-writer log verifies : {(verification.IsIntact ? "intact" : verification.ToString())}, {verification.Records} records");
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static Func<int, Action<int>> Raw(string work, int lineLength) => _ =>
{
    var stream = new FileStream(Path.Combine(work, "raw-" + Guid.NewGuid().ToString("N") + ".jsonl"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1);
    var line = new byte[lineLength];
    Array.Fill(line, (byte)'x');
    line[^1] = (byte)'\n';
    return _ =>
    {
        stream.Write(line, 0, line.Length);
        stream.Flush(flushToDisk: true);
    };
};

static Func<int, Action<int>> Log(string work, string name)
{
    var log = new JsonLinesDecisionLog(Path.Combine(work, name + ".jsonl"));
    return writer => i => log.Append(Bench.Sample($"CS-{writer}-{i}", i));
}

internal sealed record Result(string Name, double PerSecond, double P50, double P99);

/// <summary>The measuring loop and the sample record, shared by the file and PostgreSQL runs.</summary>
internal static class Bench
{
    public static Result Run(string work, string name, int writers, TimeSpan duration, Func<int, Action<int>> make)
    {
        var latencies = new List<double>[writers];
        var start = new Barrier(writers + 1);
        var stopAt = 0L;
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            var append = make(w);
            var mine = latencies[w] = new List<double>(100_000);
            start.SignalAndWait();
            var ticks = Stopwatch.Frequency / 1000.0;
            for (var i = 0; Stopwatch.GetTimestamp() < Volatile.Read(ref stopAt); i++)
            {
                var before = Stopwatch.GetTimestamp();
                append(i);
                mine.Add((Stopwatch.GetTimestamp() - before) / ticks);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        var began = Stopwatch.GetTimestamp();
        Volatile.Write(ref stopAt, began + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        start.SignalAndWait();
        threads.ForEach(t => t.Join());
        var elapsed = (Stopwatch.GetTimestamp() - began) / (double)Stopwatch.Frequency;
        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
        return new Result(name, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    public static Result Median(List<Result> results) => results.OrderBy(r => r.PerSecond).ElementAt(results.Count / 2);

    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    public static int MeasureLineLength(string work, DecisionRecord record)
    {
        var path = Path.Combine(work, "size.jsonl");
        new JsonLinesDecisionLog(path).Append(record);
        var length = (int)new FileInfo(path).Length;
        File.Delete(path);
        File.Delete(path + ".lock");
        return length;
    }

    public static DecisionRecord Sample(string subject, int i) => new()
    {
        DecidedAt = DateTimeOffset.UtcNow,
        DecidedBy = "A. Patel, Team Manager, Children's Social Care",
        SubjectReference = subject,
        Outcome = DecisionOutcome.Shared,
        Share = "PoliceReferrals.ReferForStrategyDiscussion",
        Recipient = "Police – Child Abuse Investigation Team",
        Purpose = "Strategy discussion: reasonable cause to suspect significant harm (Children Act 1989 s47)",
        LawfulBasis = LawfulBasis.PublicTask,
        Gateway = "Children Act 1989 s47",
        Article9Condition = Article9Condition.SubstantialPublicInterest,
        Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk,
        Consent = Consent.NotSought("Seeking consent would place the child at increased risk of significant harm"),
        Risk = RiskLevel.High,
        Fields = new[] { new SharedField("ChildName", DataKind.Personal), new SharedField("RelevantHealthInformation", DataKind.SpecialCategory, SpecialCategory.Health) },
        Reasons = "Reasonable cause to suspect significant harm; strategy discussion convened under s47.",
    };
}
