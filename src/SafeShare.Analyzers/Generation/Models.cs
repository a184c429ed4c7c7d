using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SafeShare.Analyzers.Generation;

// The generator's models: plain values with value equality. No ISymbol, SyntaxNode, Location or
// Compilation may appear here (a test walks them by reflection), so the incremental pipeline can
// compare them and skip work when nothing relevant changed.

/// <summary>One field of a share or of an inventory entry: name and kind of personal data.</summary>
internal sealed record DataField(string Name, string Kind, string? Category)
{
    /// <summary>For criminal offence data, what authorises it (Art. 10); null for other kinds.</summary>
    public Classification.Article10Authority? Article10 { get; init; }
}

/// <summary>The lawful basis and Article 9 condition that apply to something, as enum member names.</summary>
internal sealed record LegalBasis(string? LawfulBasis, string? Gateway, string? Article9Condition, string? Schedule1, int Schedule1Paragraph, string? BasisInLaw)
{
    /// <summary>For a recognised legitimate interest (Art. 6(1)(ea)), the UK GDPR Annex 1 condition's member name; null when none.</summary>
    public string? Annex1 { get; init; }

    /// <summary>The Annex 1 paragraph of <see cref="Annex1"/>; 0 when none.</summary>
    public int Annex1Paragraph { get; init; }
}

/// <summary>A type that encloses a generated member: "partial class Outer".</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>A location that can be compared by value: file, span and line span.</summary>
internal sealed record EquatableLocation(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static EquatableLocation? From(Location? location) =>
        location is { IsInSource: true } ? new EquatableLocation(location.SourceTree!.FilePath, location.SourceSpan, location.GetLineSpan().Span) : null;

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A generator diagnostic, ready to report: descriptor id, where, and message arguments.</summary>
internal sealed record GeneratorDiagnostic(string Id, EquatableLocation? Location, EquatableArray<string> Arguments);

/// <summary>A parameter of a share method as declared.</summary>
internal sealed record ShareParameter(string Type, string Name, string Role);

/// <summary>Everything needed to emit one declared share.</summary>
internal sealed record ShareModel(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string TypeDisplayName,
    string Accessibility,
    bool IsStatic,
    string MethodName,
    EquatableArray<ShareParameter> Parameters,
    string PayloadType,
    string PayloadDisplayName,
    string Recipient,
    string Purpose,
    LegalBasis Basis,
    EquatableArray<DataField> Fields,
    string? LogMember,
    string? LogParameter)
{
    public string ShareName => TypeDisplayName + "." + MethodName;

    /// <summary>The information sharing agreement behind the share, when one is declared.</summary>
    public SharingAgreement? Agreement { get; init; }
}

/// <summary>
/// A share method after parsing: the model to emit, or the diagnostics that stop it and, where one can be written, a
/// throwing implementation so that the SAFE90x error is the only one.
/// </summary>
internal sealed record ShareResult(ShareModel? Share, EquatableArray<GeneratorDiagnostic> Diagnostics)
{
    public ShareStub? Stub { get; init; }
}

/// <summary>A partial share the generator refuses, implemented by a throw: where it is, and its declaration as written.</summary>
internal sealed record ShareStub(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string TypeDisplayName,
    string MethodName,
    string Declaration,
    string ParameterTypes);

/// <summary>A retention rule on a partial type, for the retention helpers.</summary>
internal sealed record RetentionModel(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string TypeDisplayName,
    string AnchorMember,
    string AnchorType,
    bool AnchorIsNullable,
    int Years,
    int Months,
    int ReviewEveryYears);

/// <summary>A personal member in the data inventory.</summary>
internal sealed record InventoryMember(string Name, string Kind, EquatableArray<string> Categories, string? Subject, LegalBasis Basis)
{
    /// <summary>For criminal offence data, what authorises it (Art. 10); null for other kinds.</summary>
    public Classification.Article10Authority? Article10 { get; init; }
}

/// <summary>A type holding personal data, as the data inventory lists it.</summary>
internal sealed record InventoryType(
    string FullName,
    string? Subject,
    LegalBasis Basis,
    string? Retention,
    EquatableArray<InventoryMember> Members)
{
    /// <summary>For a type marked criminal offence data as a whole, what authorises it (Art. 10); null otherwise.</summary>
    public Classification.Article10Authority? Article10 { get; init; }
}

/// <summary>A declared share, as the data inventory lists it.</summary>
internal sealed record InventoryShare(string Name, string Recipient, string Purpose, string PayloadType, LegalBasis Basis, EquatableArray<DataField> Fields)
{
    /// <summary>The information sharing agreement behind the share, when one is declared.</summary>
    public SharingAgreement? Agreement { get; init; }
}

/// <summary>An information sharing agreement's dates as written ("yyyy-MM-dd") and where it is kept.</summary>
internal sealed record SharingAgreement(string AgreedOn, string? LastReviewedOn, string? Reference);
