// LEGACY CODE, KEPT ON PURPOSE.
// This file is part of the Legacy/ folder of the SafeShare sample. It stands for code a council
// inherits from an older case-management system, written before anyone annotated it properly.
// It is kept to show what SafeShare reports: each type below carries a real finding, named in the
// comment above it. Do not copy it; Domain/ shows the compliant way to write the same thing.

using SafeShare;

namespace CaseManagement.Legacy;

// Expected: SAFE005 on PreviousConvictions. Criminal offence data (UK GDPR Art. 10) with neither
// official authority nor a Schedule 1 condition (DPA 2018 s10(5); North East Lincolnshire guidance §8.2–8.6).
// Fix: OfficialAuthority = "..." for the police's own disclosure, or
// Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk for the council's record.
/// <summary>The old "police check" screen: a free-text box for what the police said on the phone.</summary>
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Crime and Disorder Act 1998 s115")]
[RetainUntil(nameof(CheckedOn), Years = 6)]
public sealed class LegacyPoliceCheck
{
    [PersonalData(Subject = DataSubject.ThirdParty)]
    public string AdultName { get; set; } = "";

    [CriminalOffenceData(Subject = DataSubject.ThirdParty)]
    public string PreviousConvictions { get; set; } = "";

    public DateOnly CheckedOn { get; set; }
}
