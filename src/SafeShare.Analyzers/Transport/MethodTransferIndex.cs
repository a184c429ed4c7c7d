using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// What SAFE202 asks of a whole method body, read in one walk and kept for the body's operation tree: the
/// EnableSsl assignments per client variable, the assignments per local, and which creation each local holds.
/// Walking the body once per client instead made a method with thousands of SmtpClients quadratic (found by
/// the pathological-input tests: a 20,000-line method took minutes).
/// </summary>
internal sealed class MethodTransferIndex
{
    private static readonly ConditionalWeakTable<IOperation, MethodTransferIndex> Indexes = new();

    private readonly Dictionary<ISymbol, List<(IOperation Value, IOperation At)>> _enableSsl = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<(int Start, IOperation? Value)>> _localAssignments = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, IOperation> _origins = new(SymbolEqualityComparer.Default);

    private MethodTransferIndex(IOperation root, string enableSsl)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when property.Property.Name == enableSsl:
                    Add(_enableSsl, Holder(property.Instance), (assignment.Value, assignment));
                    break;
                case IDeconstructionAssignmentOperation { Target: ITupleOperation targets, Value: ITupleOperation values }:
                    for (var i = 0; i < targets.Elements.Length && i < values.Elements.Length; i++)
                    {
                        if (targets.Elements[i] is IPropertyReferenceOperation element && element.Property.Name == enableSsl)
                        {
                            Add(_enableSsl, Holder(element.Instance), (values.Elements[i], operation));
                        }
                    }

                    break;
            }

            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Add(_localAssignments, target.Local, (operation.Syntax.SpanStart, assignment.Value));
                    break;
                case IVariableDeclaratorOperation declarator:
                    Add(_localAssignments, declarator.Symbol, (operation.Syntax.SpanStart, declarator.Initializer?.Value));
                    break;
            }

            if (operation is IObjectCreationOperation or IConversionOperation { Operand: IInvocationOperation } &&
                StoredIn(operation) is ILocalSymbol local && !_origins.ContainsKey(local))
            {
                _origins.Add(local, operation);
            }
        }
    }

    public static MethodTransferIndex For(IOperation operation, string enableSsl)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return Indexes.GetValue(operation, root => new MethodTransferIndex(root, enableSsl));
    }

    /// <summary>The EnableSsl assignments to the client held in <paramref name="holder"/>, in the order of the body.</summary>
    public IReadOnlyList<(IOperation Value, IOperation At)> EnableSslAssignments(ISymbol holder) =>
        _enableSsl.TryGetValue(holder, out var list) ? list : System.Array.Empty<(IOperation, IOperation)>();

    /// <summary>The assignments (and declaration) of a local: where, and the value (null for a declaration without one).</summary>
    public IReadOnlyList<(int Start, IOperation? Value)> Assignments(ISymbol local) =>
        _localAssignments.TryGetValue(local, out var list) ? list : System.Array.Empty<(int, IOperation?)>();

    /// <summary>The first creation in the body stored in the local <paramref name="holder"/>.</summary>
    public IOperation? Origin(ISymbol holder) => _origins.TryGetValue(holder, out var origin) ? origin : null;

    /// <summary>The local, field or property the created client is stored in.</summary>
    public static ISymbol? StoredIn(IOperation origin)
    {
        var parent = origin.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment => Holder(assignment.Target),
            IFieldInitializerOperation field => field.InitializedFields.Length == 1 ? field.InitializedFields[0] : null,
            IPropertyInitializerOperation property => property.InitializedProperties.Length == 1 ? property.InitializedProperties[0] : null,
            _ => null,
        };
    }

    public static ISymbol? Holder(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IConversionOperation conversion => Holder(conversion.Operand),
        _ => null,
    };

    private static void Add<T>(Dictionary<ISymbol, List<T>> map, ISymbol? key, T value)
    {
        if (key is null)
        {
            return;
        }

        if (!map.TryGetValue(key, out var list))
        {
            map.Add(key, list = new List<T>());
        }

        list.Add(value);
    }
}
