using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers;

/// <summary>Walks every attribute written in source on a type, its members and their parameters.</summary>
internal static class AnnotationSites
{
    /// <summary>
    /// Calls <paramref name="visit"/> for each source attribute on the type itself, its members and
    /// their parameters. Nested types are visited by their own symbol action.
    /// </summary>
    public static void ForEachAttribute(INamedTypeSymbol type, Action<ISymbol, AttributeData> visit)
    {
        Visit(type, visit);
        foreach (var member in type.GetMembers())
        {
            if (member is INamedTypeSymbol)
            {
                continue;
            }

            Visit(member, visit);
            if (member is IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    Visit(parameter, visit);
                }
            }
        }
    }

    /// <summary>The location of an attribute as written, or null when it is not in source.</summary>
    public static Location? LocationOf(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static void Visit(ISymbol symbol, Action<ISymbol, AttributeData> visit)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference is not null)
            {
                visit(symbol, attribute);
            }
        }
    }
}
