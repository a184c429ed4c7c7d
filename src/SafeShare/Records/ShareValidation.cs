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
            throw new ArgumentException("Record the consent position (obtained, not sought, refused and overridden, or not required).", parameterName);
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
