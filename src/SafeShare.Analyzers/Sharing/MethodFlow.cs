using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// What one method body does with its locals and objects, read once when the method has something to
/// send: the values each local is assigned, and the values written into each local, parameter or field
/// (<c>message.Body = ...</c>, <c>message.Attachments.Add(...)</c>, <c>request.Content = ...</c>).
/// Flow is followed only within the method: a local assigned exactly once is followed to its value.
/// </summary>
internal sealed class MethodFlow
{
    private static readonly ImmutableArray<Write> NoWrites = ImmutableArray<Write>.Empty;

    private readonly Dictionary<ILocalSymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<Write>> _writes = new(SymbolEqualityComparer.Default);

    public MethodFlow(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                        Add(_values, declarator.Symbol, initializer.Value);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                        Add(_values, local.Local, assignment.Value);
                        break;
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } member } assignment
                        when InstanceSymbol(member.Instance) is { } target:
                        Add(_writes, target, new Write(assignment.Value, member.Member, assignment));
                        break;
                    case IInvocationOperation { Instance: { } receiver } invocation when IsAdd(invocation.TargetMethod.Name):
                        // x.Add(v), and x.Attachments.Add(v): both write into x.
                        var into = InstanceSymbol(receiver) ?? (Unwrap(receiver) is IMemberReferenceOperation inner ? InstanceSymbol(inner.Instance) : null);
                        if (into is not null)
                        {
                            foreach (var argument in invocation.Arguments)
                            {
                                Add(_writes, into, new Write(argument.Value, null, invocation));
                            }
                        }

                        break;
                }
            }
        }
    }

    /// <summary>The values assigned to a local in this method.</summary>
    public IReadOnlyList<IOperation> ValuesOf(ILocalSymbol local) =>
        _values.TryGetValue(local, out var values) ? values : (IReadOnlyList<IOperation>)System.Array.Empty<IOperation>();

    /// <summary>The values written into members of the object a local, parameter or field holds.</summary>
    public IReadOnlyList<Write> WritesInto(ISymbol symbol) =>
        _writes.TryGetValue(symbol, out var writes) ? writes : (IReadOnlyList<Write>)NoWrites;

    /// <summary>The single value a local is assigned in this method, or null when it is assigned zero or several times.</summary>
    public IOperation? SingleValueOf(ILocalSymbol local) => ValuesOf(local) is { Count: 1 } values ? values[0] : null;

    /// <summary>The local, parameter or field an expression reads (after conversions), or null.</summary>
    public static ISymbol? InstanceSymbol(IOperation? operation) => Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.Parameters.Length: 0 } property => property.Property,
        _ => null,
    };

    /// <summary>The operation without the implicit and explicit conversions around it.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsAdd(string name) => name is "Add" or "AddRange" or "Append" or "AppendLine" or "AppendFormat" or "Insert";

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = new List<TValue>();
            map.Add(key, list);
        }

        list.Add(value);
    }

    /// <summary>A value written into an object: through a member (<see cref="Member"/>) or an Add call.</summary>
    internal readonly struct Write
    {
        public Write(IOperation value, ISymbol? member, IOperation site)
        {
            Value = value;
            Member = member;
            Site = site;
        }

        public IOperation Value { get; }
        public ISymbol? Member { get; }
        public IOperation Site { get; }
    }
}
