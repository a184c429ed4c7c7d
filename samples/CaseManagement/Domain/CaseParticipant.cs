using SafeShare;

namespace CaseManagement.Domain;

/// <summary>
/// A person named in a case file: the child, or a parent or carer. The base class carries the
/// identifying details every participant has and the lawful basis they are all held under.
/// </summary>
/// <remarks>
/// Name, date of birth and case number each identify a person, so they are personal data
/// (North East Lincolnshire guidance §2.1: "a person's name, address, or an identification/file number").
///
/// Lawful basis: public task, not consent. A local authority assessing a child in need acts under
/// Children Act 1989 s17 (North East Lincolnshire guidance §2.1: "It is not necessary to seek consent to share information
/// for the purposes of safeguarding and promoting the welfare of a child, providing there is a lawful
/// basis for the sharing"; Buckinghamshire Code of Practice §1 and North East Lincolnshire guidance §5 on why consent is not the default basis).
/// Derived types inherit this basis; a type can declare its own to override it.
///
/// The class is abstract, so it needs no retention rule of its own: each concrete participant
/// declares the rule that fits it.
/// </remarks>
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
public abstract class CaseParticipant
{
    protected CaseParticipant(string caseNumber, string fullName, DateOnly dateOfBirth)
    {
        CaseNumber = caseNumber;
        FullName = fullName;
        DateOfBirth = dateOfBirth;
    }

    /// <summary>The case file the person is recorded on, e.g. "CS-2024-00417".</summary>
    [PersonalData]
    public string CaseNumber { get; }

    [PersonalData]
    public string FullName { get; }

    [PersonalData]
    public DateOnly DateOfBirth { get; }

    /// <summary>The name the person asks to be called, where it differs from <see cref="FullName"/>.</summary>
    [PersonalData]
    public virtual string? PreferredName { get; init; }
}
