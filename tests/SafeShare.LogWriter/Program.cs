using System;
using System.Globalization;
using System.Threading;
using SafeShare;
using SafeShare.PostgreSql;

// Usage: SafeShare.LogWriter <log file> <threads> <records per thread, 0 = until killed> <tag>
//    or: SafeShare.LogWriter --postgres <connection string> <schema> <threads> <records per thread> <tag>
// Prints "ready", then "ack <subject>" after each Append returns (the record is durable by then, so a test that
// kills this process, or the database server, may demand every acknowledged subject is in the log), and
// "fail <subject>: <message>" on standard error for each append that failed.
var postgres = args.Length > 0 && args[0] == "--postgres";
if (args.Length != (postgres ? 6 : 4))
{
    Console.Error.WriteLine("usage: SafeShare.LogWriter <log file> | --postgres <connection string> <schema>, then <threads> <records per thread, 0 = until killed> <tag>");
    return 2;
}

var rest = postgres ? 3 : 1;
IDecisionLog log = postgres ? new PostgresDecisionLog(args[1], args[2]) : new JsonLinesDecisionLog(args[0]);
var threads = int.Parse(args[rest], CultureInfo.InvariantCulture);
var perThread = int.Parse(args[rest + 1], CultureInfo.InvariantCulture);
var tag = args[rest + 2];
var output = Console.Out;
output.WriteLine("ready");
var failures = 0;
var workers = new Thread[threads];
for (var t = 0; t < threads; t++)
{
    var thread = t;
    workers[t] = new Thread(() =>
    {
        for (var i = 0; perThread == 0 || i < perThread; i++)
        {
            var subject = $"{tag}-T{thread}-{i:D6}";
            try
            {
                // Random ids: several threads and processes write the same n.
                if (i % 4 == 3)
                {
                    log.Append(SampleRecords.Disclosure(subject, i, DateTimeOffset.UtcNow, Guid.NewGuid()));
                }
                else
                {
                    log.Append(SampleRecords.Decision(subject, i, DateTimeOffset.UtcNow, Guid.NewGuid()));
                }
            }
            catch (DecisionLogException e)
            {
                Interlocked.Increment(ref failures);
                Console.Error.WriteLine($"fail {subject}: {e.Message}");
                // While a database server is away every append fails at once: do not spin.
                Thread.Sleep(50);
                continue;
            }

            lock (output)
            {
                output.WriteLine("ack " + subject);
                output.Flush();
            }
        }
    });
    workers[t].Start();
}

foreach (var worker in workers)
{
    worker.Join();
}

(log as IDisposable)?.Dispose();
return failures == 0 ? 0 : 1;
