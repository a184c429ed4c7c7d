namespace SafeShare;

/// <summary>Where consent stood when the decision was made (Buckinghamshire Code of Practice Appendix 1 step 4; golden rule 7 of the Sheffield schools guide).</summary>
public enum ConsentStatus
{
    /// <summary>Consent was obtained: by whom and when are recorded.</summary>
    Obtained = 0,
    /// <summary>Consent was not sought, e.g. because seeking it would place the child at increased risk; why is recorded.</summary>
    NotSought = 1,
    /// <summary>Consent was refused and the refusal overridden in the public interest; why is recorded.</summary>
    RefusedAndOverridden = 2,
    /// <summary>Consent is not the basis and was not required (e.g. a statutory duty to share).</summary>
    NotRequired = 3,
    /// <summary>Consent was refused and the refusal respected: whose consent it was is recorded, and nothing is shared.</summary>
    RefusedAndRespected = 4,
    /// <summary>Consent was given and later withdrawn: whose consent it was and when it was withdrawn are recorded.</summary>
    Withdrawn = 5,
}
