using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace SafeShare;

/// <summary>
/// The checks the generated share code makes before it records anything: a decision record is
/// evidence, so one with no decision maker, no case reference or no reason is refused, not written.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public static class ShareValidation
{
    /// <summary>The payload must be given.</summary>
    public static void RequirePayload(object? payload, string parameterName)
    {
        if (payload is null)
        {
            throw new ArgumentNullException(parameterName, "The information being shared must be given.");
        }
    }

    /// <summary>The decision log must be given.</summary>
    public static void RequireLog(IDecisionLog? log, string parameterName)
    {
        if (log is null)
        {
            throw new ArgumentNullException(parameterName, "Every decision is recorded: a decision log must be given.");
        }
    }

    /// <summary>Who decided, the case reference and the consent position must be recorded.</summary>
    public static void RequireDetails(DecisionDetails? details, string parameterName)
    {
        if (details is null)
        {
            throw new ArgumentNullException(parameterName, "The details of the decision must be given.");
        }

        if (string.IsNullOrWhiteSpace(details.DecidedBy))
        {
            throw new ArgumentException("Record who decided (name and role).", parameterName);
        }

        if (string.IsNullOrWhiteSpace(details.SubjectReference))
        {
            throw new ArgumentException("Record the case or person reference the decision is about.", parameterName);
        }

        if (details.Consent is null)
        {
            throw new ArgumentException("Record the consent position (obtained, not sought, refused and overridden, refused and respected, withdrawn, or not required).", parameterName);
        }

        if (string.IsNullOrWhiteSpace(details.Reasons))
        {
            throw new ArgumentException("Record the reasons for the decision: every decision, to share or not, is recorded with its reasons.", parameterName);
        }
    }

    /// <summary>
    /// The consent position must fit the basis and conditions the share relies on. A decision to share that does not is
    /// refused with one message saying what does not fit, and nothing is written: DPA 2018 Schedule 1 para 18 covers
    /// processing carried out without consent for a reason in para 18(2); consent (UK GDPR Art. 6(1)(a)) and explicit
    /// consent (Art. 9(2)(a)) need consent obtained, from whom and when; a refusal that is respected means nothing is shared.
    /// </summary>
    public static void RequireConsistentConsent(DecisionDetails details, LawfulBasis? basis, Article9Condition? condition, Schedule1Condition schedule1, string parameterName)
    {
        if (details is null)
        {
            throw new ArgumentNullException(parameterName, "The details of the decision must be given.");
        }

        var consent = details.Consent;
        var paragraph18 = schedule1 == Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk;
        string? problem = null;
        if (consent.Status == ConsentStatus.RefusedAndRespected)
        {
            problem = $"Consent was refused by {consent.ObtainedFrom} and the refusal respected, so nothing is shared: record a decision not to share instead.";
        }
        else if (paragraph18 && consent.Status == ConsentStatus.Obtained)
        {
            problem = $"This share relies on DPA 2018 Schedule 1 para 18, which covers processing carried out without the data subject's consent (para 18(1)(c)), but the decision records consent obtained from {consent.ObtainedFrom}. A consented share relies on UK GDPR Art. 9(2)(a) explicit consent; otherwise record the consent position and the para 18(2) reason that apply.";
        }
        else if (paragraph18 && details.Paragraph18Reason == Paragraph18Reason.None)
        {
            problem = "This share relies on DPA 2018 Schedule 1 para 18: record which reason in para 18(2) means consent is not relied on (DecisionDetails.Paragraph18Reason: consent cannot be given, cannot reasonably be obtained, or seeking it would prejudice the protection).";
        }
        else if (!paragraph18 && details.Paragraph18Reason != Paragraph18Reason.None)
        {
            problem = "The decision records a para 18(2) reason, but this share does not rely on DPA 2018 Schedule 1 para 18.";
        }
        else if ((basis == LawfulBasis.Consent || condition == Article9Condition.ExplicitConsent) && consent.Status != ConsentStatus.Obtained)
        {
            var relied = basis == LawfulBasis.Consent ? "consent (UK GDPR Art. 6(1)(a))" : "explicit consent (UK GDPR Art. 9(2)(a))";
            problem = $"This share relies on {relied}, but the decision records the consent position as {consent.Status}: record from whom and when consent was obtained (Consent.Obtained), or share on another basis.";
        }

        if (problem is not null)
        {
            throw new ArgumentException(problem, parameterName);
        }
    }

    /// <summary>Text that must be recorded: not null, empty or whitespace.</summary>
    public static void RequireText(string? value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"'{parameterName}' must be recorded.", parameterName);
        }
    }

    /// <summary>A disclosure must carry out a decision to share made under the same declared share.</summary>
    public static void RequireSharedDecision(DecisionRecord? decision, string share, string parameterName)
    {
        if (decision is null)
        {
            throw new ArgumentNullException(parameterName, "A disclosure carries out a recorded decision; give the decision.");
        }

        if (decision.Outcome != DecisionOutcome.Shared)
        {
            throw new ArgumentException("The decision was not to share; nothing may be disclosed under it.", parameterName);
        }

        if (!string.Equals(decision.Share, share, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The decision was made under '{decision.Share}', not '{share}'.", parameterName);
        }
    }

    /// <summary>The fields actually sent: all declared fields when none are named, otherwise only declared ones.</summary>
    public static IReadOnlyList<string> RequireDeclaredFields(string[]? fieldsSent, IReadOnlyList<SharedField> declared, string parameterName)
    {
        if (declared is null)
        {
            throw new ArgumentNullException(nameof(declared));
        }

        var names = new List<string>(declared.Count);
        foreach (var field in declared)
        {
            names.Add(field.Name);
        }

        if (fieldsSent is null || fieldsSent.Length == 0)
        {
            return names.ToArray();
        }

        foreach (var field in fieldsSent)
        {
            if (!names.Contains(field))
            {
                throw new ArgumentException($"'{field}' is not a field this share declares ({string.Join(", ", names)}).", parameterName);
            }
        }

        return (string[])fieldsSent.Clone();
    }
}
