namespace SafeShare;

/// <summary>Whose personal data a member holds (North East Lincolnshire guidance §2.1: information that identifies a living person).</summary>
public enum DataSubject
{
    /// <summary>Not recorded.</summary>
    Unspecified = 0,
    /// <summary>The child or young person the case is about.</summary>
    Child = 1,
    /// <summary>A parent or carer of the child.</summary>
    ParentOrCarer = 2,
    /// <summary>Another member of the child's family or household.</summary>
    FamilyMember = 3,
    /// <summary>A practitioner acting in a professional capacity (social worker, teacher, GP, police officer).</summary>
    Professional = 4,
    /// <summary>Someone else named in the record (a neighbour, a referrer, an alleged perpetrator).</summary>
    ThirdParty = 5,
    /// <summary>An adult at risk (Care Act 2014 s42).</summary>
    AdultAtRisk = 6,
}
