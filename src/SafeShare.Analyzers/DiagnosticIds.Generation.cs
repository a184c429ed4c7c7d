namespace SafeShare.Analyzers;

internal static partial class DiagnosticIds
{
    public const string ShareMustBePartial = "SAFE901";
    public const string UnsupportedShareSignature = "SAFE902";
    public const string ShareHasNoDecisionLog = "SAFE903";
    public const string ShareHasNoPayload = "SAFE904";
    public const string PayloadHoldsNoPersonalData = "SAFE905";
}
