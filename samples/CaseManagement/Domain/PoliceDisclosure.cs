using SafeShare;

namespace CaseManagement.Domain;

/// <summary>
/// Information the police disclose to children's social care about an adult in the child's household,
/// e.g. under the Domestic Violence Disclosure Scheme or the Child Sex Offender Disclosure Scheme.
/// </summary>
/// <remarks>
/// Criminal offence data (UK GDPR Art. 10) needs official authority or a DPA 2018 Schedule 1
/// condition (DPA 2018 s10(5)).
///
/// - Lawful basis: public task; Crime and Disorder Act 1998 s115 puts "beyond doubt the power of any
///   organisation to disclose information to Police authorities, local authorities ..." for crime
///   prevention (North East Lincolnshire guidance §8.2).
/// - <see cref="OffenceSummary"/> is the police's own disclosure, made under their official
///   authority: the DVDS and CSOD schemes (North East Lincolnshire guidance §8.3, §8.6), which build on MAPPA.
/// - <see cref="SocialWorkerRiskNote"/> is the council's own record of what the disclosure means for
///   the child; the council relies on Schedule 1 para 18, safeguarding of children (North East Lincolnshire guidance §2.1),
///   which Part 3 para 36 extends to criminal offence data, and which needs the appropriate policy document declared in Properties/GlobalAnnotations.cs.
///
/// Retention: 6 years from the disclosure, reviewed yearly; the disclosure is also summarised on
/// the child's file, which follows the child's own rule.
/// </remarks>
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
[RetainUntil(nameof(DisclosedOn), Years = 6, ReviewEveryYears = 1)]
public sealed record PoliceDisclosure(
    string DisclosureReference,
    [PersonalData(Subject = DataSubject.Child)] string ChildCaseNumber,
    [PersonalData(Subject = DataSubject.ThirdParty)] string SubjectName,
    [CriminalOffenceData(Subject = DataSubject.ThirdParty,
        OfficialAuthority = "Domestic Violence Disclosure Scheme / Child Sex Offender Disclosure Scheme (police common-law power)")]
    string OffenceSummary,
    DateOnly DisclosedOn)
{
    /// <summary>The social worker's note of what the disclosure means for the child's safety.</summary>
    [CriminalOffenceData(Subject = DataSubject.ThirdParty,
        Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
    public string? SocialWorkerRiskNote { get; init; }
}
