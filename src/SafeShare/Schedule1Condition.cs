namespace SafeShare;

/// <summary>
/// The conditions in the Data Protection Act 2018, Schedule 1, Parts 1–3, one member per paragraph.
/// Each member's numeric value is its paragraph number, so <c>(int)condition</c> is the paragraph to cite.
/// Part 1 (paras 1–4) supplies the basis in law for UK GDPR Art. 9(2)(b), (h), (i) and (j); Part 2
/// (paras 6–28) for Art. 9(2)(g) substantial public interest; Part 3 (paras 29–37) applies to criminal
/// convictions and offences data (Art. 10; DPA 2018 s10(5)).
/// </summary>
public enum Schedule1Condition
{
    /// <summary>No Schedule 1 condition is relied on.</summary>
    None = 0,

    // Schedule 1, Part 1 (conditions relating to employment, health and research etc).
    /// <summary>DPA 2018 Sch. 1 Part 1 para 1: Employment, social security and social protection.</summary>
    EmploymentSocialSecurityAndSocialProtection = 1,
    /// <summary>DPA 2018 Sch. 1 Part 1 para 2: Health or social care purposes.</summary>
    HealthOrSocialCarePurposes = 2,
    /// <summary>DPA 2018 Sch. 1 Part 1 para 3: Public health.</summary>
    PublicHealth = 3,
    /// <summary>DPA 2018 Sch. 1 Part 1 para 4: Research etc (archiving in the public interest, scientific or historical research, statistics).</summary>
    ResearchEtc = 4,

    // Schedule 1, Part 2 (substantial public interest conditions).
    /// <summary>DPA 2018 Sch. 1 Part 2 para 6: Statutory etc and government purposes.</summary>
    StatutoryAndGovernmentPurposes = 6,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 7: Administration of justice and parliamentary purposes.</summary>
    AdministrationOfJusticeAndParliamentaryPurposes = 7,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 8: Equality of opportunity or treatment.</summary>
    EqualityOfOpportunityOrTreatment = 8,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 9: Racial and ethnic diversity at senior levels of organisations.</summary>
    RacialAndEthnicDiversityAtSeniorLevels = 9,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 10: Preventing or detecting unlawful acts.</summary>
    PreventingOrDetectingUnlawfulActs = 10,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 11: Protecting the public (against dishonesty, malpractice, seriously improper conduct, unfitness or incompetence).</summary>
    ProtectingThePublic = 11,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 12: Regulatory requirements relating to unlawful acts and dishonesty etc.</summary>
    RegulatoryRequirements = 12,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 13: Journalism etc in connection with unlawful acts and dishonesty etc.</summary>
    JournalismInConnectionWithUnlawfulActs = 13,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 14: Preventing fraud.</summary>
    PreventingFraud = 14,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 15: Suspicion of terrorist financing or money laundering.</summary>
    SuspicionOfTerroristFinancingOrMoneyLaundering = 15,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 16: Support for individuals with a particular disability or medical condition.</summary>
    SupportForIndividualsWithDisabilityOrMedicalCondition = 16,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 17: Counselling etc.</summary>
    Counselling = 17,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 18: Safeguarding of children and of individuals at risk.</summary>
    SafeguardingOfChildrenAndIndividualsAtRisk = 18,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 19: Safeguarding of economic well-being of certain individuals.</summary>
    SafeguardingOfEconomicWellBeing = 19,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 20: Insurance.</summary>
    Insurance = 20,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 21: Occupational pensions.</summary>
    OccupationalPensions = 21,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 22: Political parties.</summary>
    PoliticalParties = 22,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 23: Elected representatives responding to requests.</summary>
    ElectedRepresentativesRespondingToRequests = 23,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 24: Disclosure to elected representatives.</summary>
    DisclosureToElectedRepresentatives = 24,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 25: Informing elected representatives about prisoners.</summary>
    InformingElectedRepresentativesAboutPrisoners = 25,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 26: Publication of legal judgments.</summary>
    PublicationOfLegalJudgments = 26,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 27: Anti-doping in sport.</summary>
    AntiDopingInSport = 27,
    /// <summary>DPA 2018 Sch. 1 Part 2 para 28: Standards of behaviour in sport.</summary>
    StandardsOfBehaviourInSport = 28,

    // Schedule 1, Part 3 (additional conditions relating to criminal convictions etc).
    /// <summary>DPA 2018 Sch. 1 Part 3 para 29: Consent (criminal convictions etc data).</summary>
    Consent = 29,
    /// <summary>DPA 2018 Sch. 1 Part 3 para 30: Protecting individual's vital interests (criminal convictions etc data).</summary>
    ProtectingVitalInterests = 30,
    /// <summary>DPA 2018 Sch. 1 Part 3 para 31: Processing by not-for-profit bodies (criminal convictions etc data).</summary>
    NotForProfitBodies = 31,
    /// <summary>DPA 2018 Sch. 1 Part 3 para 32: Personal data in the public domain (criminal convictions etc data).</summary>
    PersonalDataInThePublicDomain = 32,
    /// <summary>DPA 2018 Sch. 1 Part 3 para 33: Legal claims (criminal convictions etc data).</summary>
    LegalClaims = 33,
    /// <summary>DPA 2018 Sch. 1 Part 3 para 34: Judicial acts (criminal convictions etc data).</summary>
    JudicialActs = 34,
    /// <summary>DPA 2018 Sch. 1 Part 3 para 35: Administration of accounts used in commission of indecency offences involving children.</summary>
    IndecencyOffencesInvolvingChildren = 35,
    /// <summary>DPA 2018 Sch. 1 Part 3 para 36: Extension of conditions in Part 2 referring to substantial public interest (criminal convictions etc data).</summary>
    ExtensionOfSubstantialPublicInterestConditions = 36,
    /// <summary>DPA 2018 Sch. 1 Part 3 para 37: Extension of insurance conditions (criminal convictions etc data).</summary>
    ExtensionOfInsuranceConditions = 37,
}
