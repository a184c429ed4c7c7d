using System;
using System.Collections.Generic;

namespace SafeShare;

/// <summary>
/// Decision-log records of the kinds the sample writes, for the decision logs' tests and their writer process (a
/// source file linked into each, as they share no other project).
/// </summary>
internal static class SampleRecords
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A decision to share of the kind the sample records: the n-th of a run (its id and time follow from n unless given).</summary>
    public static DecisionRecord Decision(string subject, int n, DateTimeOffset? at = null, Guid? id = null) => new()
    {
        Id = id ?? new Guid(n, 0, 0, new byte[8]),
        DecidedAt = at ?? Start.AddMinutes(n),
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
    };

    /// <summary>The disclosure of the n-th decision (its ids and time follow from n unless given).</summary>
    public static DisclosureRecord Disclosure(string subject, int n, DateTimeOffset? at = null, Guid? id = null) => new()
    {
        Id = id ?? new Guid(n, 1, 0, new byte[8]),
        DecisionId = id is null ? new Guid(n, 0, 0, new byte[8]) : Guid.NewGuid(),
        SubjectReference = subject,
        SentAt = at ?? Start.AddMinutes(n).AddSeconds(30),
        Recipient = "Multi-Agency Safeguarding Hub",
        FieldsSent = new[] { "NhsNumber", "DevelopmentalConcerns" },
        Channel = "MASH secure portal",
        Encrypted = true,
        Outcome = DisclosureOutcome.Delivered,
    };

    /// <summary>Appends <paramref name="count"/> records (a disclosure after every second decision) to each log.</summary>
    public static void Write(int count, params IDecisionLog[] logs)
    {
        for (var n = 1; n <= count; n++)
        {
            foreach (var log in logs)
            {
                if (n % 3 == 0)
                {
                    log.Append(Disclosure($"CS-{n - 1}", n));
                }
                else
                {
                    log.Append(Decision($"CS-{n}", n));
                }
            }
        }
    }

    public static List<string> Subjects(IDecisionLogReader log)
    {
        var subjects = new List<string>();
        foreach (var entry in log.ReadAll())
        {
            subjects.Add(entry.SubjectReference);
        }

        return subjects;
    }
}
