using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers;

/// <summary>
/// What each parameter of a <c>[Share]</c> method is: its <c>DecisionDetails</c>, the decision log (the first parameter
/// that is or implements <c>IDecisionLog</c>), or payload. The generator implements the share from these roles and the
/// sharing rules judge the same payload.
/// </summary>
internal static class ShareRoles
{
    public const string Payload = "Payload";
    public const string Details = "Details";
    public const string Log = "Log";

    /// <summary>The role of each parameter, in order.</summary>
    public static string[] Of(IMethodSymbol method, INamedTypeSymbol? decisionDetails, INamedTypeSymbol? decisionLog)
    {
        var roles = new string[method.Parameters.Length];
        var sawLog = false;
        for (var i = 0; i < roles.Length; i++)
        {
            var type = method.Parameters[i].Type;
            if (decisionDetails is not null && SymbolEqualityComparer.Default.Equals(type, decisionDetails))
            {
                roles[i] = Details;
            }
            else if (!sawLog && decisionLog is not null && IsDecisionLog(type, decisionLog))
            {
                roles[i] = Log;
                sawLog = true;
            }
            else
            {
                roles[i] = Payload;
            }
        }

        return roles;
    }

    /// <summary>The one payload parameter, or null when there is none or more than one (the generator reports those).</summary>
    public static IParameterSymbol? PayloadOf(IMethodSymbol method, INamedTypeSymbol? decisionDetails, INamedTypeSymbol? decisionLog)
    {
        var roles = Of(method, decisionDetails, decisionLog);
        IParameterSymbol? payload = null;
        for (var i = 0; i < roles.Length; i++)
        {
            if (roles[i] != Payload)
            {
                continue;
            }

            if (payload is not null)
            {
                return null;
            }

            payload = method.Parameters[i];
        }

        return payload;
    }

    public static bool IsDecisionLog(ITypeSymbol type, INamedTypeSymbol decisionLog)
    {
        if (SymbolEqualityComparer.Default.Equals(type, decisionLog))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, decisionLog))
            {
                return true;
            }
        }

        return false;
    }
}
