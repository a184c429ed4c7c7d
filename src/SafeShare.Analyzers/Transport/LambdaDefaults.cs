using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// Default values of lambda parameters (C# 12). The operation tree of a lambda does not include them, so
/// the rules that check constants read them from the parameter symbols.
/// </summary>
internal static class LambdaDefaults
{
    /// <summary>
    /// The defaults of a lambda read from its syntax: only a parenthesized lambda can declare one, and the
    /// semantic model is asked only when it does (most lambdas never do), so the rules need no action on
    /// every anonymous function of the program.
    /// </summary>
    public static IEnumerable<(IParameterSymbol Parameter, object? Value, SyntaxNode ValueSyntax)> Of(
        ParenthesizedLambdaExpressionSyntax lambda, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var parameter in lambda.ParameterList.Parameters)
        {
            any |= parameter.Default is not null;
        }

        if (!any || model.GetOperation(lambda, cancellationToken) is not IAnonymousFunctionOperation operation)
        {
            return System.Array.Empty<(IParameterSymbol, object?, SyntaxNode)>();
        }

        return Of(operation);
    }

    public static IEnumerable<(IParameterSymbol Parameter, object? Value, SyntaxNode ValueSyntax)> Of(IAnonymousFunctionOperation lambda)
    {
        foreach (var parameter in lambda.Symbol.Parameters)
        {
            if (!parameter.HasExplicitDefaultValue)
            {
                continue;
            }

            foreach (var reference in parameter.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is ParameterSyntax { Default.Value: { } value })
                {
                    yield return (parameter, parameter.ExplicitDefaultValue, value);
                }
            }
        }
    }
}
