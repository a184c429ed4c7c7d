using System;
using SafeShare;

namespace Cases.Logging;

// A child's record: the name is personal data, the identifier and the case reference are not.
[LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
[RetainUntil(nameof(ReferredOn), Years = 25)]
public sealed class Child
{
    public int Id { get; init; }

    public string CaseReference { get; init; } = "";

    [PersonalData(Subject = DataSubject.Child)]
    public string Name { get; init; } = "";

    public DateOnly ReferredOn { get; init; }
}

public static class Redaction
{
    // Safe to log: the first letter only.
    [Redactor]
    public static string Initial(string name) => name.Length == 0 ? "" : name.Substring(0, 1) + ".";
}
