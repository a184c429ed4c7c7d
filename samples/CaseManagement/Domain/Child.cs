using SafeShare;

namespace CaseManagement.Domain;

/// <summary>The child or young person a case is about.</summary>
/// <remarks>
/// Retention: North East Lincolnshire guidance §7 ("Retention and disposal of NEL SCP case records") keeps school-held
/// safeguarding records "no longer than the school year following the 25th birthday of the pupil",
/// so the child's record runs 25 years from the date of birth inherited from
/// <see cref="CaseParticipant"/>. The review every 5 years follows North East Lincolnshire guidance §4 (golden rules):
/// information "should not be kept any longer than is necessary ... there should be a review
/// process scheduled at regular intervals".
/// </remarks>
[PersonalData(Subject = DataSubject.Child)]
[RetainUntil(nameof(DateOfBirth), Years = 25, ReviewEveryYears = 5)]
public sealed class Child : CaseParticipant
{
    public Child(string caseNumber, string fullName, DateOnly dateOfBirth)
        : base(caseNumber, fullName, dateOfBirth)
    {
    }

    /// <summary>NHS number, used to match health information about the same child.</summary>
    [PersonalData(Subject = DataSubject.Child)]
    public string? NhsNumber { get; init; }

    /// <summary>The child's home address; identifies the child and the household.</summary>
    [PersonalData(Subject = DataSubject.Child)]
    public string? Address { get; init; }

    /// <summary>Overrides the base property; SafeShare carries the base property's [PersonalData] over.</summary>
    public override string? PreferredName { get; init; }

    /// <summary>Whether the child is looked after by the local authority (Children Act 1989 s20 or s31).</summary>
    public bool IsLookedAfter { get; init; }
}
