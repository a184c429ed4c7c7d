using SafeShare;

namespace CaseManagement.Domain;

/// <summary>A parent or carer recorded on a child's case file.</summary>
/// <remarks>
/// Lawful basis: inherited from <see cref="CaseParticipant"/> (public task, Children Act 1989 s17).
///
/// Retention: the adult's details are held on the child's file and are disposed of with it, so the
/// rule runs from the child's date of birth, as for <see cref="Child"/> (North East Lincolnshire guidance §7, "the school
/// year following the 25th birthday of the pupil").
/// </remarks>
[PersonalData(Subject = DataSubject.ParentOrCarer)]
[RetainUntil(nameof(ChildDateOfBirth), Years = 25)]
public sealed class ParentOrCarer : CaseParticipant
{
    public ParentOrCarer(string caseNumber, string fullName, DateOnly dateOfBirth, DateOnly childDateOfBirth)
        : base(caseNumber, fullName, dateOfBirth)
    {
        ChildDateOfBirth = childDateOfBirth;
    }

    /// <summary>The date of birth of the child whose file this record sits on: the retention anchor.</summary>
    [PersonalData(Subject = DataSubject.Child)]
    public DateOnly ChildDateOfBirth { get; }

    /// <summary>How the adult is related to the child, e.g. "Mother", "Stepfather", "Foster carer".</summary>
    [PersonalData(Subject = DataSubject.ParentOrCarer)]
    public required string RelationshipToChild { get; init; }

    /// <summary>Whether the adult has parental responsibility (Children Act 1989 s3).</summary>
    public bool HasParentalResponsibility { get; init; }

    [PersonalData(Subject = DataSubject.ParentOrCarer)]
    public string? PhoneNumber { get; init; }
}
