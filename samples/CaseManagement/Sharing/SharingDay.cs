using SafeShare;

namespace CaseManagement.Sharing;

/// <summary>
/// One afternoon of information sharing, recorded: three decisions to share, one decision not to,
/// and what was actually sent. Prints the decision log the way a reviewer would read it.
/// </summary>
public static class SharingDay
{
    public static void Run(IDecisionLog log, TextWriter output)
    {
        var police = new PoliceReferrals(log);
        var school = new SchoolReferrals(log);
        var health = new HealthToMash(log);

        // 1. A strategy discussion: shared without consent, because asking would put the child at risk.
        var strategy = police.ReferForStrategyDiscussion(
            new StrategyReferral
            {
                CaseReference = "CS-2024-00417",
                ChildName = "Amara Okafor",
                ChildDateOfBirth = new DateOnly(2016, 3, 14),
                Concern = "Bruise to the left forearm; child said her mother's partner grabbed her.",
                RelevantHealthInformation = "Asthma; inhaler not collected since November.",
            },
            new DecisionDetails("A. Patel, Team Manager, Children's Social Care", "CS-2024-00417",
                Consent.NotSought("Seeking consent from the mother would alert her partner and place the child at increased risk of significant harm"))
            {
                Risk = SafeShare.RiskLevel.High,
                Reasons = "Reasonable cause to suspect significant harm; strategy discussion convened under s47.",
                // Schedule 1 para 18(2)(c): asking the mother would alert her partner and put the child at risk.
                Paragraph18Reason = Paragraph18Reason.ConsentWouldPrejudiceProtection,
                ConsultedWith = "Designated Safeguarding Lead, Fairfield Primary",
                RequestedBy = "DC R. Green, Child Abuse Investigation Team",
            });
        police.ReferForStrategyDiscussionDisclosed(strategy, "Secure email (government secure network)", encrypted: true, DisclosureOutcome.Delivered);

        // 2. A school's referral to the front door, with the parent's consent.
        var referral = school.ReferToFrontDoor(
            new SchoolConcern
            {
                PupilName = "Leo Marsh",
                UniquePupilNumber = "A123456789012",
                WhatWasSeenOrSaid = "Arrived hungry four days out of five; wearing the same clothes all week.",
                ParentName = "Kelly Marsh",
            },
            new DecisionDetails("J. Patel, Designated Safeguarding Lead, Fairfield Primary", "CS-2021-00230",
                Consent.Obtained("Kelly Marsh (mother)", new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero)))
            {
                Risk = SafeShare.RiskLevel.Medium,
                Reasons = "Signs of neglect; family would benefit from a s17 assessment.",
            });
        school.ReferToFrontDoorDisclosed(referral, "Children's services referral portal (HTTPS)", encrypted: true, DisclosureOutcome.Delivered);

        // 3. Health visiting to the MASH: consent refused, overridden in the child's interest.
        var mash = health.ShareHealthSummary(
            new HealthSummaryForMash
            {
                NhsNumber = "943 476 5919",
                DevelopmentalConcerns = "Speech delay; missed 12-month review twice.",
                ParentalMentalHealth = "Mother under the perinatal mental health team.",
            },
            new DecisionDetails("S. Whitfield, Health Visitor", "CS-2024-00417",
                Consent.RefusedAndOverridden("Mother refused; the MASH needs the health picture to decide whether the child is at risk of significant harm"))
            {
                Risk = SafeShare.RiskLevel.Medium,
                Reasons = "Developmental concerns and the mother's mental health together may mean the child is at risk; the MASH needs both to decide.",
                // Schedule 1 para 18(2)(b): the mother refused, so consent cannot reasonably be obtained.
                Paragraph18Reason = Paragraph18Reason.ConsentCannotReasonablyBeObtained,
            });
        health.ShareHealthSummaryDisclosed(mash, "MASH secure portal", encrypted: true, DisclosureOutcome.Sent,
            nameof(HealthSummaryForMash.NhsNumber), nameof(HealthSummaryForMash.DevelopmentalConcerns));

        // 4. A decision NOT to share, recorded with its reason like any other.
        police.ReferForStrategyDiscussionNotShared(
            "CS-2023-00981", "A. Patel, Team Manager, Children's Social Care",
            "Threshold for a s47 enquiry not met after the home visit; family engaging with early help.",
            SafeShare.RiskLevel.Low,
            decidedAt: new DateTimeOffset(2026, 11, 20, 16, 5, 0, TimeSpan.Zero));

        Print(log, output);
    }

    private static void Print(IDecisionLog log, TextWriter output)
    {
        var memory = log switch
        {
            InMemoryDecisionLog m => m,
            RecordedDecisionLog recorded => recorded.ThisRun,
            _ => null,
        };
        if (memory is null)
        {
            return;
        }

        output.WriteLine($"Decision log: {memory.Decisions.Count} decisions, {memory.Disclosures.Count} disclosures");
        foreach (var d in memory.Decisions)
        {
            output.WriteLine();
            output.WriteLine($"{d.DecidedAt:yyyy-MM-dd HH:mm}Z  {d.Outcome.ToString().ToUpperInvariant()}  case {d.SubjectReference}  ({d.Share})");
            output.WriteLine($"  decided by : {d.DecidedBy}");
            output.WriteLine($"  recipient  : {d.Recipient}");
            output.WriteLine($"  purpose    : {d.Purpose}");
            output.WriteLine($"  basis      : {d.LawfulBasis} ({d.Gateway})" + (d.Article9Condition is { } c ? $"; Art. 9: {c}, Sch. 1 para {(int)d.Schedule1}" : string.Empty));
            output.WriteLine($"  consent    : {d.Consent}");
            if (d.Paragraph18Reason != Paragraph18Reason.None)
            {
                output.WriteLine($"  para 18(2) : {d.Paragraph18Reason}");
            }

            output.WriteLine($"  risk       : {d.Risk}");
            output.WriteLine($"  fields     : {string.Join(", ", d.Fields)}");
            output.WriteLine($"  reasons    : {d.Reasons ?? "-"}");
            if (d.ConsultedWith is not null)
            {
                output.WriteLine($"  consulted  : {d.ConsultedWith}");
            }

            if (d.RequestedBy is not null)
            {
                output.WriteLine($"  asked by   : {d.RequestedBy}");
            }

            foreach (var sent in memory.Disclosures.Where(x => x.DecisionId == d.Id))
            {
                output.WriteLine($"  sent       : {string.Join(", ", sent.FieldsSent)} via {sent.Channel}{(sent.Encrypted ? " (encrypted)" : " (NOT encrypted)")}: {sent.Outcome}");
            }
        }
    }
}
