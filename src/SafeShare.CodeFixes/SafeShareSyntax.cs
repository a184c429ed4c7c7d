using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SafeShare.CodeFixes;

/// <summary>
/// Builds SafeShare attribute syntax for one document, e.g.
/// <c>[Article9Condition(Article9Condition.ExplicitConsent)]</c>.
/// </summary>
/// <remarks>
/// Each SafeShare type is written as the compilation's own symbol, fully qualified and annotated for the
/// import adder and simplifier that run when a code action is applied: <c>using SafeShare;</c> is added
/// where the user's placement and ordering preferences put usings, the names are then shortened, and a
/// name that would clash with one of the user's own types stays qualified rather than binding to it.
/// </remarks>
internal sealed class SafeShareSyntax
{
    private readonly Compilation _compilation;
    private readonly SyntaxGenerator _generator;
    private readonly Dictionary<string, INamedTypeSymbol?> _types = new();

    private SafeShareSyntax(Compilation compilation, SyntaxGenerator generator)
    {
        _compilation = compilation;
        _generator = generator;
    }

    /// <summary>The builder for a document's compilation; <see langword="null"/> when it has none.</summary>
    public static async Task<SafeShareSyntax?> CreateAsync(Document document, CancellationToken cancellationToken)
    {
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return semanticModel is null ? null : new SafeShareSyntax(semanticModel.Compilation, SyntaxGenerator.GetGenerator(document));
    }

    /// <summary>
    /// An attribute list holding one SafeShare attribute; <see langword="null"/> when the compilation does
    /// not reference SafeShare or an argument could not be built.
    /// </summary>
    public AttributeListSyntax? Annotation(string attributeTypeName, params AttributeArgumentSyntax?[] arguments)
    {
        if (Type(attributeTypeName + "Attribute") is not NameSyntax name)
        {
            return null;
        }

        var built = new List<AttributeArgumentSyntax>(arguments.Length);
        foreach (var argument in arguments)
        {
            if (argument is null)
            {
                return null;
            }

            built.Add(argument);
        }

        return AttributeList(SingletonSeparatedList(
                Attribute(name).WithArgumentList(built.Count == 0 ? null : AttributeArgumentList(SeparatedList(built)))))
            .NormalizeWhitespace();
    }

    /// <summary>A positional argument naming a member of a SafeShare enum, e.g. <c>Article9Condition.ExplicitConsent</c>.</summary>
    public AttributeArgumentSyntax? EnumArgument(string enumName, string member) =>
        EnumMember(enumName, member) is { } value ? AttributeArgument(value) : null;

    /// <summary>A named argument, e.g. <c>Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes</c>.</summary>
    public static AttributeArgumentSyntax? NamedArgument(string property, ExpressionSyntax? value) =>
        value is null ? null : AttributeArgument(value).WithNameEquals(NameEquals(IdentifierName(property)));

    /// <summary>A SafeShare enum member as an expression.</summary>
    public ExpressionSyntax? EnumMember(string enumName, string member) =>
        Type(enumName) is ExpressionSyntax type
            ? MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, IdentifierName(member))
            : null;

    private TypeSyntax? Type(string name)
    {
        if (!_types.TryGetValue(name, out var type))
        {
            type = _compilation.GetTypeByMetadataName("SafeShare." + name);
            _types.Add(name, type);
        }

        // TypeExpression marks the name with its symbol; the import adder that runs after a code action only
        // looks at names that also carry AddImportsAnnotation (without it the name stays 'SafeShare.X').
        return type is null ? null : _generator.TypeExpression(type, addImport: true).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation) as TypeSyntax;
    }
}
