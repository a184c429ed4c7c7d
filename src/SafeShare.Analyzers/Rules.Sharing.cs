using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers;

/// <summary>Sharing rules SAFE101-SAFE110 and SAFE206: declared shares, and personal data that leaves without one or is written to a log.</summary>
internal static partial class Rules
{
    private const string Sharing = "Sharing";

    public static readonly DiagnosticDescriptor ShareWithoutPurpose = Create(
        DiagnosticIds.ShareWithoutPurpose,
        "Share has no recorded purpose or recipient",
        "The share '{0}' has no {1}; {2}",
        Sharing, DiagnosticSeverity.Warning,
        "Every share names who receives the data and why: the purpose and the recipient are copied into each decision record (golden rule 7 of the Sheffield schools guide; Buckinghamshire Code of Practice Appendix 1 step 1; Solihull protocol §5.3.10).");

    public static readonly DiagnosticDescriptor ShareWithoutLawfulBasis = Create(
        DiagnosticIds.ShareWithoutLawfulBasis,
        "Share has no lawful basis",
        "The share '{0}' has no lawful basis (Article 6); add [LawfulBasis(...)] to the share method, its type or the assembly",
        Sharing, DiagnosticSeverity.Warning,
        "A share of personal data needs an Art. 6(1) lawful basis, recorded with the decision; for safeguarding this is normally public task or legal obligation with its statutory gateway (North East Lincolnshire guidance §5; Buckinghamshire Code of Practice Appendix 1, \"When not to seek consent\").");

    public static readonly DiagnosticDescriptor ShareOfSpecialCategoryWithoutArticle9Condition = Create(
        DiagnosticIds.ShareOfSpecialCategoryWithoutArticle9Condition,
        "Share sends special category data without an Article 9 condition",
        "The share '{0}' sends special category data ({1}) with no Article 9 condition; add [Article9Condition(...)] to the share method, its type or the assembly",
        Sharing, DiagnosticSeverity.Warning,
        "Special category data is shared only where an additional Art. 9(2) condition applies (Berkshire protocol Appendix B 1.4; Solihull protocol §5.4; North East Lincolnshire guidance §2).");

    public static readonly DiagnosticDescriptor UndeclaredShare = Create(
        DiagnosticIds.UndeclaredShare,
        "Personal data leaves the process outside a declared share",
        "Personal data ({0}) is sent through {1} outside a declared share; call a [Share] method or its ...Disclosed companion in this method so that the decision and what was sent are recorded",
        Sharing, DiagnosticSeverity.Warning,
        "Every decision to share is recorded: what was shared, with whom, why and under which basis (golden rule 7 of the Sheffield schools guide; Berkshire protocol Appendix B 1.3; Buckinghamshire Code of Practice Appendix 1 step 7; Solihull protocol §3.3 and §5.3.10).");

    public static readonly DiagnosticDescriptor NotSharedWithoutReason = Create(
        DiagnosticIds.NotSharedWithoutReason,
        "Decision not to share is recorded with no reason",
        "The decision not to share through '{0}' is recorded with {1} as its reason; record why the information was not shared",
        Sharing, DiagnosticSeverity.Warning,
        "A decision not to share is recorded with the reasons why (golden rule 7 of the Sheffield schools guide; Solihull protocol §5.3.10; North East Lincolnshire guidance §4 rule 7).");

    public static readonly DiagnosticDescriptor ShareCarriesUndeclaredFields = Create(
        DiagnosticIds.ShareCarriesUndeclaredFields,
        "Share payload carries more personal data than the share declares",
        "{0}",
        Sharing, DiagnosticSeverity.Info,
        "Share only what is necessary for the purpose: sharing rarely requires an entire record or case file (golden rule 6 of the Sheffield schools guide; North East Lincolnshire guidance §4 rule 6). A share lists the payload members it carries in Share.Fields.");

    public static readonly DiagnosticDescriptor ConsentBasisForSafeguardingShare = Create(
        DiagnosticIds.ConsentBasisForSafeguardingShare,
        "Consent is the lawful basis of a safeguarding share",
        "The share '{0}' is a safeguarding share ({1}) whose lawful basis is Consent; consent is rarely the right basis when a child may be at risk: consider PublicTask or LegalObligation with the statutory gateway, and record the consent position in DecisionDetails",
        Sharing, DiagnosticSeverity.Info,
        "When information is shared to safeguard a child at possible risk of harm, consent may not be an appropriate basis; public task or legal obligation usually is (North East Lincolnshire guidance §4 rule 3 and §5; Berkshire protocol Appendix B 1.4.1).");

    public static readonly DiagnosticDescriptor ShareOfCriminalOffenceDataWithoutAuthority = Create(
        DiagnosticIds.ShareOfCriminalOffenceDataWithoutAuthority,
        "Share sends criminal offence data with no Article 10 authority",
        "The share '{0}' sends criminal offence data ({1}) with no official authority or Schedule 1 condition; set OfficialAuthority or Schedule1 on [CriminalOffenceData], or a Schedule1 condition on an [Article9Condition] that applies to it",
        Sharing, DiagnosticSeverity.Warning,
        "Criminal offence data is processed only under the control of official authority or when authorised by law (UK GDPR Art. 10), which in the UK is a condition in DPA 2018 Schedule 1 Part 1, 2 or 3 (s10(5)); each decision record of the share names it (North East Lincolnshire guidance §8).");

    public static readonly DiagnosticDescriptor SharingAgreementReviewDue = Create(
        DiagnosticIds.SharingAgreementReviewDue,
        "Information sharing agreement is due for review",
        "The information sharing agreement of the share '{0}' {1}",
        Sharing, DiagnosticSeverity.Info,
        "An information sharing protocol is reviewed initially after six months and thereafter annually by the partner agencies (Berkshire protocol §6.2; Solihull protocol §6.2); [SharingAgreement] records when it was agreed and last reviewed.");

    public static readonly DiagnosticDescriptor PersonalDataLogged = Create(
        DiagnosticIds.PersonalDataLogged,
        "Personal data written to a log or telemetry",
        "Personal data ({0}) is written to {1}: logs are kept outside the case record's access controls and retention; log the case reference or an identifier instead",
        Sharing, DiagnosticSeverity.Warning,
        "Information is held securely and kept no longer than its purpose needs (golden rule 6 of the Sheffield schools guide, \"secure\"; Berkshire protocol Appendix B 1.3; UK GDPR Art. 5(1)(e) and (f)): a log line, trace, telemetry tag or exception message copies the data into stores with their own readers and retention.");

    public static readonly DiagnosticDescriptor PersonalDataOverClearText = Create(
        DiagnosticIds.PersonalDataOverClearText,
        "Personal data sent over a clear-text channel",
        "Personal data ({0}) is sent through {1} over a clear-text channel ({2}); use an encrypted channel (https, ftps, or SMTP with EnableSsl = true)",
        Sharing, DiagnosticSeverity.Error,
        "Information is shared securely; email only in an encrypted attachment, between secure domains or through an encrypted service (golden rule 6 of the Sheffield schools guide; Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.4).");
}
