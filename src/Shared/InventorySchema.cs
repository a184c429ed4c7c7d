namespace SafeShare.Text;

/// <summary>
/// The data inventory's JSON, as the generator writes it into every assembly and the tool reads it back: the
/// metadata key, the schema version and every property name and field kind, written once. A linked source file,
/// like <see cref="LegalWords"/>, so the analyzer assembly and the tool share it without depending on each other.
/// </summary>
internal static class InventorySchema
{
    /// <summary>The <c>AssemblyMetadata</c> key the inventory is stored under.</summary>
    public const string MetadataKey = "SafeShare.DataInventory";

    /// <summary>The schema version; a reader refuses any other.</summary>
    public const string Version = "safeshare-inventory/1";

    // The document: { schema, assembly, types: [...], shares: [...] }.
    public const string Schema = "schema";
    public const string Assembly = "assembly";
    public const string Types = "types";
    public const string Shares = "shares";

    // A type: { type, subject, retention, <basis>, members: [{ name, kind, categories, subject, <basis> }] }.
    public const string Type = "type";
    public const string Subject = "subject";
    public const string Retention = "retention";
    public const string Members = "members";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string Categories = "categories";

    // A share: { name, recipient, purpose, payload, <basis>, fields: [{ name, kind, category }] }.
    public const string Recipient = "recipient";
    public const string Purpose = "purpose";
    public const string Payload = "payload";
    public const string Fields = "fields";
    public const string Category = "category";

    // <basis>: the lawful basis and Article 9 condition resolved for a type, member or share.
    public const string LawfulBasis = "lawfulBasis";
    public const string Gateway = "gateway";
    public const string Article9Condition = "article9Condition";
    public const string Schedule1 = "schedule1";
    public const string Schedule1Paragraph = "schedule1Paragraph";
    public const string BasisInLaw = "basisInLaw";

    // With an Art. 6(1)(ea) basis only: the Annex 1 condition it meets.
    public const string Annex1 = "annex1";
    public const string Annex1Paragraph = "annex1Paragraph";

    // On criminal offence data only (a type, member or shared field): { officialAuthority, schedule1, schedule1Paragraph }.
    public const string Article10 = "article10";
    public const string OfficialAuthority = "officialAuthority";

    // On a share with a recorded agreement: { agreedOn, lastReviewedOn, reference }.
    public const string Agreement = "agreement";
    public const string AgreedOn = "agreedOn";
    public const string LastReviewedOn = "lastReviewedOn";
    public const string Reference = "reference";

    // The kind of a member or a shared field.
    public const string Personal = "Personal";
    public const string SpecialCategory = "SpecialCategory";
    public const string CriminalOffence = "CriminalOffence";
}
