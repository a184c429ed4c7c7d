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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TransportSymbols.Get(start.Compilation);
            if (symbols.SslProtocols is null && symbols.SecurityProtocolType is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeFieldReference(c, symbols), OperationKind.FieldReference);
            // Casts and lambda defaults are found by their syntax: an action on every conversion or every
            // anonymous function of the program would cost far more than the rare casts it is there for.
            start.RegisterSyntaxNodeAction(c => AnalyzeCast(c, symbols), SyntaxKind.CastExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeLambdaDefaults(c, symbols), SyntaxKind.ParenthesizedLambdaExpression);
        });
    }

    private static void AnalyzeFieldReference(OperationAnalysisContext context, TransportSymbols symbols)
    {
        var reference = (IFieldReferenceOperation)context.Operation;
        var field = reference.Field;
        if (field.ConstantValue is not int value || (value & ObsoleteBits) == 0 || ProtocolEnum(field.ContainingType, symbols) is not { } os)
        {
            return;
        }

        if (!Excludes(reference))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.ObsoleteTlsProtocol, reference.Syntax.GetLocation(), $"{field.ContainingType.Name}.{field.Name}", Describe(value), os));
        }
    }

    private static void AnalyzeCast(SyntaxNodeAnalysisContext context, TransportSymbols symbols)
    {
        // (SecurityProtocolType)768 and the like: a number standing for an obsolete protocol.
        if (((CastExpressionSyntax)context.Node).Expression is TypeOfExpressionSyntax ||
            context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IConversionOperation conversion ||
            conversion.IsImplicit || ProtocolEnum(conversion.Type, symbols) is not { } os ||
            conversion.Operand.Type?.TypeKind == TypeKind.Enum ||
            conversion.Operand.ConstantValue.Value is not int value || (value & ObsoleteBits) == 0)
        {
            return;
        }

        if (!Excludes(conversion))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.ObsoleteTlsProtocol, conversion.Syntax.GetLocation(), conversion.Syntax.ToString(), Describe(value), os));
        }
    }

    private static void AnalyzeLambdaDefaults(SyntaxNodeAnalysisContext context, TransportSymbols symbols)
    {
        foreach (var (parameter, value, syntax) in LambdaDefaults.Of((ParenthesizedLambdaExpressionSyntax)context.Node, context.SemanticModel, context.CancellationToken))
        {
            if (value is int bits && (bits & ObsoleteBits) != 0 && ProtocolEnum(parameter.Type, symbols) is { } os)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.ObsoleteTlsProtocol, syntax.GetLocation(), syntax.ToString(), Describe(bits), os));
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
        var names = new System.Collections.Generic.List<string>();
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
