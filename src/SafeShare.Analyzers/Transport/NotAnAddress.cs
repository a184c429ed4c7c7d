using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// Clear-text URIs in code that are not addresses data is sent to: XML namespaces and SOAP actions (identifiers, never
/// fetched) and addresses only compared with or searched for. For SAFE201.
/// </summary>
internal static class NotAnAddress
{
    /// <summary>
    /// An XML namespace or SOAP action written as an http URI is an identifier, never fetched: xmlns and
    /// namespace parameters, members named *Namespace*, [XmlRoot(Namespace = ...)], [DataContract(Namespace = ...)],
    /// [XmlnsDefinition(...)], an implicit conversion to XNamespace.
    /// </summary>
    internal static bool IsIdentifier(IOperation operation, TransportSymbols symbols)
    {
        var current = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation conversion)
        {
            if (TransportSymbols.Is(conversion.Type, symbols.XNamespace))
            {
                return true;
            }

            current = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IArgumentOperation argument:
                if (argument.Parameter is { } parameter && NamesNamespace(parameter.Name))
                {
                    return true;
                }

                var owner = argument.Parent switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod.ContainingType,
                    IObjectCreationOperation creation => creation.Type,
                    _ => null,
                };
                return owner is not null && (NamesNamespace(owner.Name) || owner.Name.StartsWith("Xmlns", StringComparison.Ordinal));
            case IFieldInitializerOperation field:
                foreach (var f in field.InitializedFields)
                {
                    if (NamesNamespace(f.Name))
                    {
                        return true;
                    }
                }

                return false;
            case IPropertyInitializerOperation property:
                foreach (var p in property.InitializedProperties)
                {
                    if (NamesNamespace(p.Name))
                    {
                        return true;
                    }
                }

                return false;
            case IParameterInitializerOperation parameterInitializer:
                return NamesNamespace(parameterInitializer.Parameter.Name);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return NamesNamespace(declarator.Symbol.Name);
            case ISimpleAssignmentOperation assignment when assignment.Value == current:
                var target = assignment.Target switch
                {
                    IMemberReferenceOperation member => member.Member.Name,
                    ILocalReferenceOperation local => local.Local.Name,
                    IParameterReferenceOperation p => p.Parameter.Name,
                    _ => null,
                };
                if (target is null)
                {
                    return false;
                }

                return NamesNamespace(target) ||
                    (target is "Action" or "ReplyAction" && IsInAttribute(assignment));
            default:
                return false;
        }
    }

    private static bool IsInAttribute(IOperation operation)
    {
        for (var o = operation.Parent; o is not null; o = o.Parent)
        {
            if (o.Kind == OperationKind.Attribute)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool NamesNamespace(string name) =>
        name.IndexOf("namespace", StringComparison.OrdinalIgnoreCase) >= 0 ||
        name.IndexOf("xmlns", StringComparison.OrdinalIgnoreCase) >= 0 ||
        string.Equals(name, "ns", StringComparison.OrdinalIgnoreCase);

    /// <summary>An address compared with, or searched for, is not one data is sent to.</summary>
    internal static bool IsComparedWith(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IBinaryOperation binary => binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals,
            IArgumentOperation { Parent: IInvocationOperation invocation } =>
                invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_String &&
                invocation.TargetMethod.Name is "Equals" or "StartsWith" or "EndsWith" or "Contains" or "IndexOf" or "Compare" or "Replace",
            IPatternOperation => true,
            _ => false,
        };
    }
}
