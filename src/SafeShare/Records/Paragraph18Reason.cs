namespace SafeShare;

/// <summary>
/// Why processing under DPA 2018 Schedule 1 para 18 (safeguarding of children and of individuals at risk) is carried out
/// without the data subject's consent: para 18(1)(c) requires one of the reasons in para 18(2), and a decision relying
/// on para 18 records which.
/// </summary>
public enum Paragraph18Reason
{
    /// <summary>No para 18(2) reason recorded: the decision does not rely on para 18.</summary>
    None = 0,

    /// <summary>Para 18(2)(a): in the circumstances, consent to the processing cannot be given by the data subject.</summary>
    ConsentCannotBeGiven = 1,

    /// <summary>Para 18(2)(b): in the circumstances, the controller cannot reasonably be expected to obtain the data subject's consent.</summary>
    ConsentCannotReasonablyBeObtained = 2,

    /// <summary>Para 18(2)(c): obtaining the data subject's consent would prejudice the protection para 18(1)(a) describes.</summary>
    ConsentWouldPrejudiceProtection = 3,
}
