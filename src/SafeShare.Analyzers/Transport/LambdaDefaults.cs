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
