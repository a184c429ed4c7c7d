using System;
using System.Globalization;
using System.Threading;
using SafeShare;
using SafeShare.PostgreSql;

// Usage: SafeShare.PostgreSql.Writer <connection string> <schema> <threads> <records per thread, 0 = until killed> <tag>
// Prints "ready", then "ack <subject>" after each Append returns (the record is committed by then, so a
// test that kills this process or the server may demand every acknowledged subject is in the log), and
// "fail <subject>: <message>" on standard error for each append that failed.
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: SafeShare.PostgreSql.Writer <connection string> <schema> <threads> <records per thread, 0 = until killed> <tag>");
    return 2;
}

using var log = new PostgresDecisionLog(args[0], args[1]);
var threads = int.Parse(args[2], CultureInfo.InvariantCulture);
var perThread = int.Parse(args[3], CultureInfo.InvariantCulture);
var tag = args[4];
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
                if (i % 4 == 3)
                {
                    log.Append(new DisclosureRecord
                    {
                        DecisionId = Guid.NewGuid(),
                        SubjectReference = subject,
                        SentAt = DateTimeOffset.UtcNow,
                        Recipient = "Multi-Agency Safeguarding Hub",
                        FieldsSent = new[] { "NhsNumber", "DevelopmentalConcerns" },
                        Channel = "MASH secure portal",
                        Encrypted = true,
                        Outcome = DisclosureOutcome.Delivered,
                    });
                }
                else
                {
                    log.Append(new DecisionRecord
                    {
                        DecidedAt = DateTimeOffset.UtcNow,
                        DecidedBy = "A. Patel, Team Manager",
                        SubjectReference = subject,
                        Outcome = DecisionOutcome.Shared,
                        Share = "PoliceReferrals.ReferForStrategyDiscussion",
                        Recipient = "Police – Child Abuse Investigation Team",
                        Purpose = "Strategy discussion (Children Act 1989 s47)",
                        LawfulBasis = LawfulBasis.PublicTask,
                        Gateway = "Children Act 1989 s47",
                        Consent = Consent.NotSought("Seeking consent would place the child at increased risk"),
                        Risk = RiskLevel.High,
                        Fields = new[] { new SharedField("ChildName", DataKind.Personal), new SharedField("Health", DataKind.SpecialCategory, SpecialCategory.Health) },
                        Reasons = "Reasonable cause to suspect significant harm.",
                    });
                }
            }
            catch (DecisionLogException e)
            {
                Interlocked.Increment(ref failures);
                Console.Error.WriteLine($"fail {subject}: {e.Message}");
                // While the server is away every append fails at once: do not spin.
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

return failures == 0 ? 0 : 1;
