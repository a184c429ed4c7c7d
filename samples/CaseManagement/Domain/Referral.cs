using SafeShare;

namespace CaseManagement.Domain;

/// <summary>A concern about a child received by the front door (MASH) of children's social care.</summary>
/// <remarks>
/// Lawful basis: public task under Children Act 1989 s17; a referral that shows reasonable cause to
/// suspect significant harm moves to an <see cref="Assessment"/> under s47 (North East Lincolnshire guidance §6: requests
/// "should clarify whether they are acting under Section 17 or Section 47 of the Children Act 1989").
///
/// Retention: the referral lives on the child's file, so it runs from the child's date of birth like
/// <see cref="Child"/> (North East Lincolnshire guidance §7), reviewed every 2 years because many referrals end in no further
/// action (North East Lincolnshire guidance §4: "a review process scheduled at regular intervals").
/// </remarks>
[PersonalData(Subject = DataSubject.Child)]
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
[RetainUntil(nameof(ChildDateOfBirth), Years = 25, ReviewEveryYears = 2)]
public sealed record Referral
{
    public required string ReferralId { get; init; }

    [PersonalData(Subject = DataSubject.Child)]
    public required string ChildCaseNumber { get; init; }

    [PersonalData(Subject = DataSubject.Child)]
    public required DateOnly ChildDateOfBirth { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    /// <summary>What the referrer saw or was told. Free text about the child and family.</summary>
    [PersonalData(Subject = DataSubject.Child)]
    public required string Concern { get; init; }

    public required Referrer From { get; init; }

    public ReferralOutcome Outcome { get; init; } = ReferralOutcome.Pending;

    /// <summary>
    /// Who made the referral. A nested positional record: its lawful basis resolves through the
    /// containing <see cref="Referral"/> (s17), and its [PersonalData] is written on the constructor
    /// parameter, which SafeShare carries over to the generated property.
    /// </summary>
    /// <remarks>
    /// A member of the public who refers is a third party whose identity is kept from the family
    /// where that would put them at risk; a professional referrer is recorded as such
    /// (North East Lincolnshire guidance §2.1). Kept 6 years from the referral, then reviewed with the child's file.
    /// </remarks>
    [RetainUntil(nameof(ReferredOn), Years = 6)]
    public sealed record Referrer(
        [PersonalData(Subject = DataSubject.ThirdParty)] string Name,
        string Agency,
        [PersonalData(Subject = DataSubject.ThirdParty)] string? PhoneNumber,
        DateOnly ReferredOn);
}

public enum ReferralOutcome
{
    Pending,
    NoFurtherAction,
    EarlyHelp,
    ChildAndFamilyAssessment,
    StrategyDiscussion,
}
