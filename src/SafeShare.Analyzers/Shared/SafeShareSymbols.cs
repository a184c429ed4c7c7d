using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers;

/// <summary>
/// The SafeShare attribute types and the date types, resolved once per compilation. Analyzers
/// register nothing when the project does not reference SafeShare.
/// </summary>
internal sealed class SafeShareSymbols
{
#pragma warning disable RS0030 // The one place types are looked up by name: once per compilation.
    private SafeShareSymbols(Compilation compilation, INamedTypeSymbol personalData)
    {
        Compilation = compilation;
        PersonalData = personalData;
        SpecialCategory = compilation.GetTypeByMetadataName("SafeShare.SpecialCategoryAttribute");
        CriminalOffenceData = compilation.GetTypeByMetadataName("SafeShare.CriminalOffenceDataAttribute");
        LawfulBasis = compilation.GetTypeByMetadataName("SafeShare.LawfulBasisAttribute");
        Article9Condition = compilation.GetTypeByMetadataName("SafeShare.Article9ConditionAttribute");
        RetainUntil = compilation.GetTypeByMetadataName("SafeShare.RetainUntilAttribute");
        Share = compilation.GetTypeByMetadataName("SafeShare.ShareAttribute");
        AppropriatePolicyDocument = compilation.GetTypeByMetadataName("SafeShare.AppropriatePolicyDocumentAttribute");
        PublicAuthority = compilation.GetTypeByMetadataName("SafeShare.PublicAuthorityAttribute");
        SharingAgreement = compilation.GetTypeByMetadataName("SafeShare.SharingAgreementAttribute");
        // ASP.NET Core Identity's markers mean "personal data" too; matched by name so no package is needed.
        IdentityPersonalData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.PersonalDataAttribute");
        IdentityProtectedPersonalData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute");
        DecisionRecord = compilation.GetTypeByMetadataName("SafeShare.DecisionRecord");
        DecisionDetails = compilation.GetTypeByMetadataName("SafeShare.DecisionDetails");
        DecisionLog = compilation.GetTypeByMetadataName("SafeShare.IDecisionLog");
        DateOnly = compilation.GetTypeByMetadataName("System.DateOnly");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        Assembly = new AssemblyAnnotations(this, compilation.Assembly);
    }
#pragma warning restore RS0030

    public Compilation Compilation { get; }
    public INamedTypeSymbol PersonalData { get; }
    public INamedTypeSymbol? SpecialCategory { get; }
    public INamedTypeSymbol? CriminalOffenceData { get; }
    public INamedTypeSymbol? LawfulBasis { get; }
    public INamedTypeSymbol? Article9Condition { get; }
    public INamedTypeSymbol? RetainUntil { get; }
    public INamedTypeSymbol? Share { get; }
    public INamedTypeSymbol? AppropriatePolicyDocument { get; }
    public INamedTypeSymbol? PublicAuthority { get; }
    public INamedTypeSymbol? SharingAgreement { get; }
    public INamedTypeSymbol? IdentityPersonalData { get; }
    public INamedTypeSymbol? IdentityProtectedPersonalData { get; }
    public INamedTypeSymbol? DecisionRecord { get; }
    public INamedTypeSymbol? DecisionDetails { get; }
    public INamedTypeSymbol? DecisionLog { get; }
    public INamedTypeSymbol? DateOnly { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }

    /// <summary>The annotations on the assembly being compiled, read once.</summary>
    public AssemblyAnnotations Assembly { get; }

    // Every SafeShare analyzer shares one lookup per compilation, so the types and the assembly's
    // annotations are resolved once however many analyzers run.
    private static readonly ConditionalWeakTable<Compilation, Box> Cache = new();

    /// <summary>The symbols of this compilation, or null when it does not reference SafeShare.</summary>
    public static SafeShareSymbols? TryCreate(Compilation compilation) =>
        Cache.GetValue(compilation, static c =>
        {
#pragma warning disable RS0030 // The one place types are looked up by name.
            var personalData = c.GetTypeByMetadataName("SafeShare.PersonalDataAttribute");
#pragma warning restore RS0030
            return new Box(personalData is null ? null : new SafeShareSymbols(c, personalData));
        }).Value;

    private sealed class Box
    {
        public Box(SafeShareSymbols? value) => Value = value;

        public SafeShareSymbols? Value { get; }
    }

    public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    /// <summary>DateOnly, DateTime or DateTimeOffset, nullable allowed: what a retention period can run from.</summary>
    public bool IsDate(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is not null &&
            (type.SpecialType == SpecialType.System_DateTime ||
             SymbolEqualityComparer.Default.Equals(type, DateOnly) ||
             SymbolEqualityComparer.Default.Equals(type, DateTimeOffset));
    }
}
