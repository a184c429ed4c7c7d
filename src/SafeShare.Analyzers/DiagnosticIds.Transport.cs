namespace SafeShare.Analyzers;

/// <summary>Transport rules SAFE201-SAFE205.</summary>
internal static partial class DiagnosticIds
{
    public const string ClearTextProtocol = "SAFE201";
    public const string MailOrFileTransferWithoutTls = "SAFE202";
    public const string CertificateValidationDisabled = "SAFE203";
    public const string ObsoleteTlsProtocol = "SAFE204";
    public const string ConnectionStringWithoutEncryption = "SAFE205";
}
