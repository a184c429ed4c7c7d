using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// SAFE204: SSL 2.0/3.0 or TLS 1.0/1.1 pinned through <c>SslProtocols</c> or <c>SecurityProtocolType</c>,
/// by name or as a number cast to the enum, alone or in a combination, assigned, passed or returned.
/// Not flagged where the code excludes them: <c>~SslProtocols.Tls</c>, comparisons, patterns, HasFlag.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ObsoleteTlsProtocolAnalyzer : DiagnosticAnalyzer
{
    // The same bit values in both enums: Ssl2 = 12, Ssl3 = 48, Tls = 192, Tls11 = 768 (Default = Ssl3 | Tls).
    private const int ObsoleteBits = 12 | 48 | 192 | 768;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ObsoleteTlsProtocol);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TransportSymbols.Get(start.Compilation);
            if (symbols.SslProtocols is null && symbols.SecurityProtocolType is null)
            {
                return;
            }

            // The obsolete members are written by name: a file is read only when its text can name one, instead of
            // an action on every field reference of the program. An enum member is written through its enum's name
            // (SslProtocols.Tls), an alias or a using static declared in the file (whose target holds that name too),
            // or a global alias or global using static from another file: only when the project has one of those is
            // the text searched for the members' own names ("Tls", "Default"), which far more files hold.
            var names = ObsoleteMemberNames(symbols);
            var globalShortcut = HasGlobalAliasOrUsingStatic(start.Compilation, start.CancellationToken);
            var fileMarkers = globalShortcut ? names : EnumNames;
            if (names.Count > 0)
            {
                start.RegisterSemanticModelAction(c => AnalyzeMemberNames(c, fileMarkers, names, symbols));
            }

            // Casts and lambda defaults are found by their syntax: an action on every conversion or every
            // anonymous function of the program would cost far more than the rare casts it is there for.
            start.RegisterSyntaxNodeAction(c => AnalyzeCast(c, symbols, globalShortcut), SyntaxKind.CastExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeLambdaDefaults(c, symbols), SyntaxKind.ParenthesizedLambdaExpression);
        });
    }

    private static readonly HashSet<string> EnumNames = new(StringComparer.Ordinal) { "SslProtocols", "SecurityProtocolType" };

    // What both enum names hold: the scan searches for it once instead of for each name (NameScan.MayHold). The members'
    // names, searched when the project has a global alias or using static, do not hold it and are searched one by one.
    private const string SharedByEnumNames = "Protocol";

    /// <summary>Whether any file declares a global using alias or global using static, through which another file could name a member or the enum without the enum's name.</summary>
    private static bool HasGlobalAliasOrUsingStatic(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
            {
                continue;
            }

            // Global using directives come before every other using directive of their file (CS8915), so the reading stops
            // at the first one that is not global: in most files that is the first, and the others are never materialised.
            foreach (var directive in unit.Usings)
            {
                if (directive.GlobalKeyword.IsKind(SyntaxKind.None))
                {
                    break;
                }

                if (directive.Alias is not null || !directive.StaticKeyword.IsKind(SyntaxKind.None))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The members of SslProtocols and SecurityProtocolType that hold an obsolete protocol (Ssl2, Ssl3, Tls, Tls11, Default).</summary>
    private static HashSet<string> ObsoleteMemberNames(TransportSymbols symbols)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in new[] { symbols.SslProtocols, symbols.SecurityProtocolType })
        {
            if (type is null)
            {
                continue;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { ConstantValue: int value } && (value & ObsoleteBits) != 0)
                {
                    names.Add(member.Name);
                }
            }
        }

        return names;
    }

    private static void AnalyzeMemberNames(SemanticModelAnalysisContext context, HashSet<string> fileMarkers, HashSet<string> names, TransportSymbols symbols)
    {
        var model = context.SemanticModel;
        if (!NameScan.MayHold(model.SyntaxTree, fileMarkers, SharedByEnumNames, context.CancellationToken))
        {
            return;
        }

        foreach (var node in NameScan.References(model.SyntaxTree, names, context.CancellationToken))
        {
            // The defaults of lambdas and local functions are not operations the driver analyses (lambdas' are
            // read from syntax below); the member's code is. What excludes a protocol is read from the syntax around
            // the name, so only a name that would be reported is bound, and only to its symbol: asking for the
            // operation would build the operation tree of the whole member.
            if (InFunctionParameter(node) || ExcludedBySyntax(node) ||
                model.GetSymbolInfo(node, context.CancellationToken).Symbol is not IFieldSymbol field ||
                field.ConstantValue is not int value || (value & ObsoleteBits) == 0 || ProtocolEnum(field.ContainingType, symbols) is not { } os)
            {
                continue;
            }

            context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.ObsoleteTlsProtocol, node.GetLocation(), $"{field.ContainingType.Name}.{field.Name}", Describe(value), os));
        }
    }

    /// <summary>
    /// <see cref="Excludes"/> read from syntax: walks out through parentheses, casts and the combination the name is
    /// part of; a negation removes the protocol, and a comparison, pattern, case label, HasFlag or nameof only asks
    /// about it or names it.
    /// </summary>
    private static bool ExcludedBySyntax(SyntaxNode node)
    {
        for (var child = node; child.Parent is { } parent; child = parent)
        {
            switch (parent)
            {
                case ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax:
                case BinaryExpressionSyntax combination when combination.IsKind(SyntaxKind.BitwiseOrExpression) ||
                    combination.IsKind(SyntaxKind.BitwiseAndExpression) || combination.IsKind(SyntaxKind.ExclusiveOrExpression):
                    continue;
                case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.BitwiseNotExpression):
                    return true;
                case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.EqualsExpression) || comparison.IsKind(SyntaxKind.NotEqualsExpression) ||
                    comparison.IsKind(SyntaxKind.LessThanExpression) || comparison.IsKind(SyntaxKind.LessThanOrEqualExpression) ||
                    comparison.IsKind(SyntaxKind.GreaterThanExpression) || comparison.IsKind(SyntaxKind.GreaterThanOrEqualExpression) ||
                    comparison.IsKind(SyntaxKind.IsExpression):
                case PatternSyntax or CaseSwitchLabelSyntax:
                    return true;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }:
                    return invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                        SimpleNameSyntax name => name.Identifier.ValueText,
                        _ => null,
                    } is "HasFlag" or "nameof";
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasFlag", Parent: InvocationExpressionSyntax } access when access.Expression == child:
                    return true; // the receiver of protocols.HasFlag(...)
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool InFunctionParameter(SyntaxNode node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            switch (n)
            {
                case ParameterSyntax parameter:
                    return parameter.Parent?.Parent is LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax;
                case StatementSyntax or MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax:
                    return false;
            }
        }

        return false;
    }

    private static void AnalyzeCast(SyntaxNodeAnalysisContext context, TransportSymbols symbols, bool globalShortcut)
    {
        // (SecurityProtocolType)768 and the like: a number standing for an obsolete protocol. The cast names the enum,
        // or an alias of it; most casts of a program are to int, string or another type, and are not bound at all.
        var cast = (CastExpressionSyntax)context.Node;
        if (cast.Type is PredefinedTypeSyntax or ArrayTypeSyntax or PointerTypeSyntax || (!globalShortcut && !MayNameEnum(cast.Type)))
        {
            return;
        }

        if (cast.Expression is TypeOfExpressionSyntax ||
            context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IConversionOperation conversion ||
            conversion.IsImplicit || ProtocolEnum(conversion.Type, symbols) is not { } os ||
            conversion.Operand.Type?.TypeKind == TypeKind.Enum ||
            conversion.Operand.ConstantValue.Value is not int value || (value & ObsoleteBits) == 0)
        {
            return;
        }

        if (!Excludes(conversion))
        {
            context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.ObsoleteTlsProtocol, conversion.Syntax.GetLocation(), conversion.Syntax.ToString(), Describe(value), os));
        }
    }

    // The cast's type is one of the enums by name, or a name a using alias in the file could stand for.
    private static bool MayNameEnum(TypeSyntax type) =>
        SyntaxNames.Rightmost(type) is { } identifier && (EnumNames.Contains(identifier) || SyntaxNames.UsingAliasInScope(type));

    private static void AnalyzeLambdaDefaults(SyntaxNodeAnalysisContext context, TransportSymbols symbols)
    {
        foreach (var (parameter, value, syntax) in LambdaDefaults.Of((ParenthesizedLambdaExpressionSyntax)context.Node, context.SemanticModel, context.CancellationToken))
        {
            if (value is int bits && (bits & ObsoleteBits) != 0 && ProtocolEnum(parameter.Type, symbols) is { } os)
            {
                context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.ObsoleteTlsProtocol, syntax.GetLocation(), syntax.ToString(), Describe(bits), os));
            }
        }
    }

    private static string? ProtocolEnum(ITypeSymbol? type, TransportSymbols symbols) =>
        TransportSymbols.Is(type, symbols.SslProtocols) ? "SslProtocols.None" :
        TransportSymbols.Is(type, symbols.SecurityProtocolType) ? "SecurityProtocolType.SystemDefault" :
        null;

    /// <summary>
    /// Walks out through the combination the value is part of: a negation (<c>&amp;= ~Tls</c>) removes the
    /// protocol, and a comparison, pattern or HasFlag only asks about it.
    /// </summary>
    private static bool Excludes(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IConversionOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or or BinaryOperatorKind.And or BinaryOperatorKind.ExclusiveOr }:
                    continue;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation }:
                    return true;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual }:
                case IPatternOperation:
                case IPatternCaseClauseOperation:
                case ISingleValueCaseClauseOperation:
                case IRelationalCaseClauseOperation:
                    return true;
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "HasFlag" } }:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "HasFlag" }:
                    return true; // the receiver of protocols.HasFlag(...)
                default:
                    return false;
            }
        }

        return false;
    }

    private static string Describe(int value)
    {
        var names = new List<string>();
        if ((value & 12) != 0)
        {
            names.Add("SSL 2.0");
        }

        if ((value & 48) != 0)
        {
            names.Add("SSL 3.0");
        }

        if ((value & 192) != 0)
        {
            names.Add("TLS 1.0");
        }

        if ((value & 768) != 0)
        {
            names.Add("TLS 1.1");
        }

        return string.Join(" and ", names);
    }
}
