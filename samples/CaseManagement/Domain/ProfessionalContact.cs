using SafeShare;

namespace CaseManagement.Domain;

/// <summary>A practitioner working with the child: GP, health visitor, teacher, police officer.</summary>
/// <remarks>
/// A practitioner's name and work contact details are personal data too (North East Lincolnshire guidance §2.1), held here in
/// their professional capacity. Lawful basis: public task under Children Act 2004 s11, the duty on
/// partner agencies to safeguard and promote the welfare of children; the council keeps the team
/// around the child so it knows whom to share with (North East Lincolnshire guidance §4, golden rules).
///
/// Retention: 6 years from the last contact, for a value type with a nullable
/// <see cref="DateTimeOffset"/> anchor; a contact never made is not kept past its first review.
/// </remarks>
[PersonalData(Subject = DataSubject.Professional)]
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 2004 s11")]
[RetainUntil(nameof(LastContactAt), Years = 6, ReviewEveryYears = 1)]
public readonly record struct ProfessionalContact(
    [PersonalData(Subject = DataSubject.Professional)] string Name,
    string Role,
    string Agency,
    [PersonalData(Subject = DataSubject.Professional)] string WorkEmail,
    DateTimeOffset? LastContactAt);
