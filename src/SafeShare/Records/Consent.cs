using System;

namespace SafeShare;

/// <summary>
/// The consent position recorded with a decision: obtained (from whom, when), not sought (why), refused
/// and overridden (why), refused and respected (whose), withdrawn (whose, when), or not required. Create it with the
/// factory methods, which insist on the facts each status needs.
/// </summary>
public sealed class Consent : IEquatable<Consent>
{
    private Consent(ConsentStatus status, string? obtainedFrom, DateTimeOffset? obtainedAt, string? reason, DateTimeOffset? withdrawnAt = null)
    {
        Status = status;
        ObtainedFrom = obtainedFrom;
        ObtainedAt = obtainedAt;
        Reason = reason;
        WithdrawnAt = withdrawnAt;
    }

    /// <summary>Where consent stood.</summary>
    public ConsentStatus Status { get; }

    /// <summary>
    /// Whose consent it is, e.g. "Mother (Jane Doe)" — a role or name, not the shared data: who gave it
    /// (<see cref="ConsentStatus.Obtained"/>), who refused it (<see cref="ConsentStatus.RefusedAndRespected"/>) or who
    /// withdrew it (<see cref="ConsentStatus.Withdrawn"/>).
    /// </summary>
    public string? ObtainedFrom { get; }

    /// <summary>For <see cref="ConsentStatus.Obtained"/>: when consent was given.</summary>
    public DateTimeOffset? ObtainedAt { get; }

    /// <summary>Why consent was not sought, why a refusal was overridden, or why none was required.</summary>
    public string? Reason { get; }

    /// <summary>For <see cref="ConsentStatus.Withdrawn"/>: when consent was withdrawn.</summary>
    public DateTimeOffset? WithdrawnAt { get; }

    /// <summary>Consent was given by <paramref name="obtainedFrom"/> at <paramref name="obtainedAt"/>.</summary>
    public static Consent Obtained(string obtainedFrom, DateTimeOffset obtainedAt) =>
        new(ConsentStatus.Obtained, Require(obtainedFrom, nameof(obtainedFrom)), obtainedAt, null);

    /// <summary>Consent was not sought, for the recorded reason (e.g. it would increase the risk to the child).</summary>
    public static Consent NotSought(string reason) => new(ConsentStatus.NotSought, null, null, Require(reason, nameof(reason)));

    /// <summary>Consent was refused and overridden, for the recorded reason.</summary>
    public static Consent RefusedAndOverridden(string reason) => new(ConsentStatus.RefusedAndOverridden, null, null, Require(reason, nameof(reason)));

    /// <summary>
    /// <paramref name="refusedBy"/> refused consent and the refusal is respected: the information is not shared, so this
    /// goes with a decision not to share. A reason may be recorded.
    /// </summary>
    public static Consent RefusedAndRespected(string refusedBy, string? reason = null) =>
        new(ConsentStatus.RefusedAndRespected, Require(refusedBy, nameof(refusedBy)), null, string.IsNullOrWhiteSpace(reason) ? null : reason);

    /// <summary><paramref name="withdrawnBy"/> gave consent and withdrew it at <paramref name="withdrawnAt"/>; a reason may be recorded.</summary>
    public static Consent Withdrawn(string withdrawnBy, DateTimeOffset withdrawnAt, string? reason = null) =>
        new(ConsentStatus.Withdrawn, Require(withdrawnBy, nameof(withdrawnBy)), null, string.IsNullOrWhiteSpace(reason) ? null : reason, withdrawnAt);

    /// <summary>Consent is not required (the basis is a statutory duty or public task); a reason may be recorded.</summary>
    public static Consent NotRequired(string? reason = null) => new(ConsentStatus.NotRequired, null, null, string.IsNullOrWhiteSpace(reason) ? null : reason);

    /// <summary>Restores a consent position read back from a log; the same rules apply as to the factory methods.</summary>
    public static Consent Restore(ConsentStatus status, string? obtainedFrom, DateTimeOffset? obtainedAt, string? reason) =>
        Restore(status, obtainedFrom, obtainedAt, reason, null);

    /// <summary>Restores a consent position read back from a log, with the time consent was withdrawn; the same rules apply as to the factory methods.</summary>
    public static Consent Restore(ConsentStatus status, string? obtainedFrom, DateTimeOffset? obtainedAt, string? reason, DateTimeOffset? withdrawnAt) => status switch
    {
        ConsentStatus.Obtained => Obtained(obtainedFrom!, obtainedAt ?? throw new ArgumentException("Obtained consent needs the time it was obtained.", nameof(obtainedAt))),
        ConsentStatus.NotSought => NotSought(reason!),
        ConsentStatus.RefusedAndOverridden => RefusedAndOverridden(reason!),
        ConsentStatus.NotRequired => NotRequired(reason),
        ConsentStatus.RefusedAndRespected => RefusedAndRespected(obtainedFrom!, reason),
        ConsentStatus.Withdrawn => Withdrawn(obtainedFrom!, withdrawnAt ?? throw new ArgumentException("Withdrawn consent needs the time it was withdrawn.", nameof(withdrawnAt)), reason),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown consent status."),
    };

    /// <inheritdoc/>
    public bool Equals(Consent? other) =>
        other is not null && Status == other.Status && ObtainedFrom == other.ObtainedFrom && ObtainedAt == other.ObtainedAt && Reason == other.Reason && WithdrawnAt == other.WithdrawnAt;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Consent);

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Status * 397) ^ (ObtainedFrom?.GetHashCode() ?? 0) ^ (Reason?.GetHashCode() ?? 0) ^ ObtainedAt.GetHashCode() ^ WithdrawnAt.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => Status switch
    {
        ConsentStatus.Obtained => $"Obtained from {ObtainedFrom} at {ObtainedAt:u}",
        ConsentStatus.NotRequired when Reason is null => "Not required",
        ConsentStatus.RefusedAndRespected => $"Refused by {ObtainedFrom}, and respected" + (Reason is null ? string.Empty : $": {Reason}"),
        ConsentStatus.Withdrawn => $"Withdrawn by {ObtainedFrom} at {WithdrawnAt:u}" + (Reason is null ? string.Empty : $": {Reason}"),
        _ => $"{Status}: {Reason}",
    };

    private static string Require(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"'{name}' must be recorded.", name) : value;
}
