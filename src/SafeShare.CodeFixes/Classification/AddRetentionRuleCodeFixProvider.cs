using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeShare.Analyzers;

using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static SafeShare.CodeFixes.AnnotationWriter;

namespace SafeShare.CodeFixes.Classification;

/// <summary>
/// SAFE004: adds a retention rule skeleton, <c>[RetainUntil(nameof(DateOfBirth), Years = 25)]</c>, anchored on
/// a date member of the type. A birth date gets 25 years (North East Lincolnshire guidance §7: school records are kept to the 25th
/// birthday); any other anchor — preferably the date a case was closed or ended — gets 6 years, the common
/// local-authority default, for the developer to confirm against the retention schedule. No fix is offered
/// when the type has no date member to anchor on.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRetentionRuleCodeFixProvider))]
[Shared]
public sealed class AddRetentionRuleCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of "Add retention rule".</summary>
    public const string RetainUntilKey = "SAFE004.RetainUntil";

    private static readonly AnnotationChoice.Provider Choices = GetChoicesAsync;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.PersonalDataWithoutRetention);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => AnnotationChoice.CreateFixAllProvider(Choices);

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => AnnotationChoice.RegisterAsync(context, Choices);

    private static async Task<ImmutableArray<AnnotationChoice>> GetChoicesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (FindAnnotatedDeclaration(root, diagnostic) is not TypeDeclarationSyntax declaration)
        {
            return ImmutableArray<AnnotationChoice>.Empty;
        }

        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (semanticModel?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return ImmutableArray<AnnotationChoice>.Empty;
        }

        var anchor = ChooseAnchor(type);
        if (anchor is null || await SafeShareSyntax.CreateAsync(document, cancellationToken).ConfigureAwait(false) is not { } syntax)
        {
            return ImmutableArray<AnnotationChoice>.Empty;
        }

        var years = IsBirthDate(anchor) ? 25 : 6;
        var nameOf = InvocationExpression(
            IdentifierName(Identifier(TriviaList(), SyntaxKind.NameOfKeyword, "nameof", "nameof", TriviaList())),
            ArgumentList(SingletonSeparatedList(Argument(IdentifierName(EscapedIdentifier(anchor.Name))))));

        return AnnotationChoice.All(AnnotationChoice.Create(
            $"Add retention rule: {years} years from {anchor.Name}",
            RetainUntilKey,
            declaration,
            syntax.Annotation(
                "RetainUntil",
                AttributeArgument(nameOf),
                SafeShareSyntax.NamedArgument("Years", LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(years))))));
    }

    // A birth date first (the guidance's retention periods run from it), then the date a case closed or ended,
    // then the first date member; the type's own members before those it inherits.
    private static ISymbol? ChooseAnchor(INamedTypeSymbol type)
    {
        var dates = DateMembers(type).ToList();
        return dates.FirstOrDefault(IsBirthDate)
            ?? dates.FirstOrDefault(m => m.Name.IndexOf("Closed", StringComparison.Ordinal) >= 0 || m.Name.IndexOf("End", StringComparison.Ordinal) >= 0)
            ?? dates.FirstOrDefault();
    }

    private static bool IsBirthDate(ISymbol member) => member.Name.IndexOf("Birth", StringComparison.OrdinalIgnoreCase) >= 0;

    // The type's date properties and fields, then those of its base types declared in source.
    private static IEnumerable<ISymbol> DateMembers(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.Locations.Any(l => l.IsInSource); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || !member.CanBeReferencedByName || !(current.Equals(type, SymbolEqualityComparer.Default) || member.DeclaredAccessibility != Accessibility.Private))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false } property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };
                if (memberType is not null && IsDate(memberType))
                {
                    yield return member;
                }
            }
        }
    }

    private static bool IsDate(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.SpecialType == SpecialType.System_DateTime
            || (type.Name is "DateOnly" or "DateTimeOffset"
                && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true });
    }

    private static SyntaxToken EscapedIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? VerbatimIdentifier(TriviaList(), "@" + name, name, TriviaList()) : Identifier(name);
}
