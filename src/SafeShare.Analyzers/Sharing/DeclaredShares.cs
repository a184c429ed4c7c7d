using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// Recognises declared shares and their generated companions by the naming contract: a <c>[Share]</c> method <c>X</c> gets <c>XNotShared</c> and <c>XDisclosed</c> on
/// the same type. The rules never need the generated code to exist; they read the declarations.
/// </summary>
internal static class DeclaredShares
{
    public const string NotSharedSuffix = "NotShared";

    /// <summary>
    /// What every share rule registers: in a compilation that can hold declared shares and where
    /// <paramref name="applies"/> finds what the rule reads, <paramref name="action"/> for each share (see
    /// <see cref="RegisterShareAction"/>), with the compilation's symbols and one classification.
    /// </summary>
    public static void RegisterShareRule(
        AnalysisContext context, Func<SharingSymbols, bool> applies, Action<SymbolAnalysisContext, IMethodSymbol, AttributeData, SharingSymbols, DataClassification> action) =>
        context.RegisterCompilationStartAction(start =>
        {
            if (SharingSymbols.TryCreate(start.Compilation) is not { Share: not null } symbols || !applies(symbols))
            {
                return;
            }

            var classification = new DataClassification(symbols.Core);
            RegisterShareAction(start, symbols, (c, method, share) => action(c, method, share, symbols, classification));
        });

    /// <summary>
    /// Runs <paramref name="action"/> once for each <c>[Share]</c> method as its user declared it (a partial method by its
    /// definition part), with its <c>[Share]</c> attribute.
    /// </summary>
    /// <remarks>
    /// A named-type action, not a method one. The generated implementation of a share carries <c>[GeneratedCode]</c>;
    /// the compiler merges a partial method's attributes across its parts, so the analyzer driver takes the whole method
    /// for generated code and runs no method action on it, and a share would never be checked in a build. The type has
    /// the part its user wrote, so its action runs.
    /// </remarks>
    public static void RegisterShareAction(CompilationStartAnalysisContext start, SharingSymbols symbols, Action<SymbolAnalysisContext, IMethodSymbol, AttributeData> action) =>
        start.RegisterSymbolAction(context =>
        {
            foreach (var member in ((INamedTypeSymbol)context.Symbol).GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, PartialDefinitionPart: null, Locations.Length: > 0 } method &&
                    WrittenWithAttributes(method, context.CancellationToken) && symbols.ShareOf(method) is { } share)
                {
                    action(context, method, share);
                }
            }
        }, SymbolKind.NamedType);

    // Most methods carry no attribute at all: telling so from their declaration spares binding the attributes of every
    // method of the program (GetAttributes), four times over, once per share rule.
    private static bool WrittenWithAttributes(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax { AttributeLists.Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }
    public const string DisclosedSuffix = "Disclosed";

    /// <summary>The payload parameter of a share method, as the generator reads it (<see cref="ShareRoles"/>).</summary>
    public static IParameterSymbol? PayloadOf(IMethodSymbol method, SharingSymbols symbols) =>
        ShareRoles.PayloadOf(method, symbols.Core.DecisionDetails, symbols.Core.DecisionLog);

    /// <summary>
    /// The <c>[Share]</c> method a companion belongs to, when <paramref name="method"/> is named
    /// <c>&lt;Share&gt;&lt;suffix&gt;</c> and its type declares that share; otherwise null.
    /// </summary>
    public static IMethodSymbol? ShareOfCompanion(IMethodSymbol method, string suffix, SharingSymbols symbols)
    {
        var name = method.Name;
        if (name.Length <= suffix.Length || !name.EndsWith(suffix, System.StringComparison.Ordinal) || method.ContainingType is not { } type)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name.Substring(0, name.Length - suffix.Length)))
        {
            if (member is IMethodSymbol share && symbols.ShareOf(share) is not null)
            {
                return share;
            }
        }

        return null;
    }

    /// <summary>
    /// The method records a share: it is a <c>[Share]</c> method or a <c>...Disclosed</c> companion of one.
    /// </summary>
    public static bool RecordsShare(IMethodSymbol method, SharingSymbols symbols)
    {
        method = method.ReducedFrom ?? method;
        return symbols.ShareOf(method.PartialDefinitionPart ?? method) is not null ||
               ShareOfCompanion(method, DisclosedSuffix, symbols) is not null;
    }

    /// <summary>The element type of an array or <c>IEnumerable&lt;T&gt;</c>; the type itself otherwise.</summary>
    public static ITypeSymbol ElementTypeOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return type;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } enumerable)
        {
            return enumerable.TypeArguments[0];
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return implemented.TypeArguments[0];
            }
        }

        return type;
    }

    /// <summary>The string values of <c>Share.Fields</c>, or default when it is not set.</summary>
    public static System.Collections.Immutable.ImmutableArray<TypedConstant> FieldsOf(AttributeData share)
    {
        var fields = Classification.DataClassification.NamedArgument(share, "Fields");
        return fields.Kind == TypedConstantKind.Array && !fields.IsNull ? fields.Values : default;
    }

    /// <summary>The expression as written: with its <c>!</c> and parentheses, which the operation tree leaves out.</summary>
    public static SyntaxNode AsWritten(SyntaxNode expression)
    {
        while (expression.Parent is PostfixUnaryExpressionSyntax or ParenthesizedExpressionSyntax &&
               expression.Parent.RawKind is (int)SyntaxKind.SuppressNullableWarningExpression or (int)SyntaxKind.ParenthesizedExpression)
        {
            expression = expression.Parent;
        }

        return expression;
    }
}
