using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers;

/// <summary>Generator rules SAFE901-SAFE905: declared shares the generator cannot implement as written.</summary>
internal static partial class Rules
{
    private const string Generation = "Generation";

    public static readonly DiagnosticDescriptor ShareMustBePartial = Create(
        DiagnosticIds.ShareMustBePartial,
        "Declared share must be partial",
        "'{0}' is a declared share but {1} is not partial; declare it 'partial' so SafeShare can generate the code that records the decision",
        Generation, DiagnosticSeverity.Error,
        "SafeShare implements each [Share] method: the implementation records the decision to share (golden rule 7 of the Sheffield schools guide). The method and every type containing it must be partial.");

    public static readonly DiagnosticDescriptor UnsupportedShareSignature = Create(
        DiagnosticIds.UnsupportedShareSignature,
        "Declared share has an unsupported signature",
        "'{0}' has an unsupported signature: {1}; declare it as 'partial DecisionRecord {2}(TPayload payload, DecisionDetails details)', optionally with an IDecisionLog parameter",
        Generation, DiagnosticSeverity.Error,
        "A [Share] method returns the DecisionRecord it appends and takes the payload being shared, the DecisionDetails of the decision and optionally the IDecisionLog to append to.");

    public static readonly DiagnosticDescriptor ShareHasNoDecisionLog = Create(
        DiagnosticIds.ShareHasNoDecisionLog,
        "Declared share has no decision log",
        "'{0}' has no decision log to append to; add a {1}field or property of type IDecisionLog to '{2}', or an IDecisionLog parameter",
        Generation, DiagnosticSeverity.Error,
        "Every decision is recorded (golden rule 7 of the Sheffield schools guide): the generated code appends it to an IDecisionLog held by the type or passed to the method.");

    public static readonly DiagnosticDescriptor ShareHasNoPayload = Create(
        DiagnosticIds.ShareHasNoPayload,
        "Declared share has no payload",
        "'{0}' has no payload parameter; add the data being shared as a parameter, e.g. '{1}(ReferralSummary payload, DecisionDetails details)'",
        Generation, DiagnosticSeverity.Error,
        "The decision record lists the fields shared (golden rule 7 of the Sheffield schools guide: what was shared). They are read from the type of the payload parameter.");

    public static readonly DiagnosticDescriptor PayloadHoldsNoPersonalData = Create(
        DiagnosticIds.PayloadHoldsNoPersonalData,
        "Share payload holds no personal data",
        "'{0}' shares '{1}', which has no [PersonalData], [SpecialCategory] or [CriminalOffenceData] members; mark what it carries so the decision record can say what was shared",
        Generation, DiagnosticSeverity.Warning,
        "The decision record names the fields shared; a payload with no marked members records none.");
}
