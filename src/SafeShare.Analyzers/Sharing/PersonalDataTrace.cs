using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// Answers "does this value carry personal data?" for one method, and names what it carries: a value of a
/// personal-data type or a collection of one, a member or parameter marked personal, the serialization
/// of either (<c>JsonSerializer.Serialize</c>, <c>JsonConvert.SerializeObject</c>, <c>Encoding.GetBytes</c>),
/// text built from personal members or reshaped from them (<c>Trim</c>, <c>ToUpper</c>, <c>Substring</c>), an
/// object built from them, and a local assigned once from any of those. <c>x.ToString()</c> alone is not enough: an
/// object's default text says nothing about it.
/// Remembers the locals, parameters and content objects it passed through, so the caller knows which
/// messages and HTTP contents reached a send.
/// </summary>
internal sealed class PersonalDataTrace
{
    // Far enough for "child → json → bytes → content → request → send"; bounded so that no chain is followed forever.
    private const int MaximumDepth = 12;

    private readonly OutboundApis _apis;
    private readonly MethodFlow _flow;
    private readonly HashSet<ISymbol> _entered = new(SymbolEqualityComparer.Default);

    public PersonalDataTrace(OutboundApis apis, MethodFlow flow)
    {
        _apis = apis;
        _flow = flow;
    }

    /// <summary>The locals, parameters and fields passed through.</summary>
    public HashSet<ISymbol> VisitedSymbols { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The operations passed through (message and content creations among them).</summary>
    public HashSet<IOperation> VisitedOperations { get; } = new();

    /// <summary>What personal data the value carries, e.g. "'Child'" or "serialized 'Child'"; null when none is seen.</summary>
    public string? Carries(IOperation? value) => Carries(value, wholeObjects: true, 0);

    /// <summary>What personal data the value's text carries, as a part of an interpolated string: an object's own text is not counted.</summary>
    public string? CarriesAsText(IOperation? value) => Carries(value, wholeObjects: false, 0);

    private string? Carries(IOperation? value, bool wholeObjects, int depth)
    {
        value = MethodFlow.Unwrap(value);
        if (value is null || depth > MaximumDepth)
        {
            return null;
        }

        VisitedOperations.Add(value);
        var next = depth + 1;
        string? found = null;
        switch (value)
        {
            case ILocalReferenceOperation local:
                found = ThroughSymbol(local.Local, wholeObjects, next);
                break;

            case IParameterReferenceOperation parameter:
                found = _apis.Types.IsMarkedPersonal(parameter.Parameter)
                    ? Quote(DataClassification.DisplayName(parameter.Parameter))
                    : ThroughSymbol(parameter.Parameter, wholeObjects, next);
                break;

            case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } member:
                if (_apis.Types.IsMarkedPersonal(member.Member))
                {
                    return Quote(DataClassification.DisplayName(member.Member));
                }

                break;

            case IInvocationOperation invocation:
                found = ThroughInvocation(invocation, wholeObjects, next);
                break;

            case IObjectCreationOperation creation:
                found = ThroughArguments(creation.Arguments, wholeObjects: true, next) ?? ThroughInitializer(creation.Initializer, next);
                break;

            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    found ??= Carries(initializer is ISimpleAssignmentOperation assignment ? assignment.Value : initializer, wholeObjects: true, next);
                }

                break;

            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    found ??= Carries(element, wholeObjects, next);
                }

                break;

            case IInterpolatedStringOperation interpolated:
                // "$"{child}"" is child.ToString(): only members, parameters and serializations count.
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                    {
                        found ??= Carries(interpolation.Expression, wholeObjects: false, next);
                    }
                }

                break;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                found = Carries(concatenation.LeftOperand, wholeObjects: false, next) ?? Carries(concatenation.RightOperand, wholeObjects: false, next);
                break;

            case IConditionalOperation conditional:
                found = Carries(conditional.WhenTrue, wholeObjects, next) ?? Carries(conditional.WhenFalse, wholeObjects, next);
                break;

            case ICoalesceOperation coalesce:
                found = Carries(coalesce.Value, wholeObjects, next) ?? Carries(coalesce.WhenNull, wholeObjects, next);
                break;

            case IAwaitOperation awaited:
                found = Carries(awaited.Operation, wholeObjects, next);
                break;
        }

        if (found is not null)
        {
            return found;
        }

        return wholeObjects && _apis.Types.Describe(value.Type) is { } type ? Quote(type) : null;
    }

    private string? ThroughSymbol(ISymbol symbol, bool wholeObjects, int depth)
    {
        VisitedSymbols.Add(symbol);
        if (!_entered.Add(symbol))
        {
            return null;
        }

        try
        {
            if (symbol is ILocalSymbol local && _flow.SingleValueOf(local) is { } assigned && Carries(assigned, wholeObjects, depth) is { } found)
            {
                return found;
            }

            foreach (var write in _flow.WritesInto(symbol))
            {
                if (Carries(write.Value, wholeObjects: true, depth) is { } written)
                {
                    VisitedOperations.Add(write.Site);
                    return written;
                }
            }

            return null;
        }
        finally
        {
            _entered.Remove(symbol);
        }
    }

    private string? ThroughInvocation(IInvocationOperation invocation, bool wholeObjects, int depth)
    {
        var method = invocation.TargetMethod;
        switch (_apis.KindOf(method))
        {
            case OutboundApis.ValueKind.Serializer:
                // JsonSerializer.Serialize(child), JsonConvert.SerializeObject(child): the whole object's data.
                foreach (var argument in invocation.Arguments)
                {
                    if (Carries(argument.Value, wholeObjects: true, depth) is { } serialized)
                    {
                        return serialized.StartsWith("serialized ", System.StringComparison.Ordinal) ? serialized : "serialized " + serialized;
                    }
                }

                return null;

            case OutboundApis.ValueKind.Encoder:
                // Encoding.GetBytes(json), Convert.ToBase64String(bytes), string.Format/Concat/Join: text in, text out.
                foreach (var argument in invocation.Arguments)
                {
                    if (Carries(argument.Value, wholeObjects: false, depth) is { } encoded)
                    {
                        return encoded;
                    }
                }

                return invocation.Instance is { } encoder && method.Name == nameof(ToString) ? Carries(encoder, wholeObjects: false, depth) : null;

            case OutboundApis.ValueKind.Carrier:
                // JsonContent.Create(child), Attachment.CreateAttachmentFromString(json, ...).
                return ThroughArguments(invocation.Arguments, wholeObjects: true, depth);

            case OutboundApis.ValueKind.None when invocation.Instance is { } builder && IsBuilderAppend(method):
                // new StringBuilder().Append(id).Append(child.Name): each part's text, then the builder's so far.
                return ThroughArguments(invocation.Arguments, wholeObjects: false, depth) ?? Carries(builder, wholeObjects: false, depth);

            default:
                // name.Trim(), name.ToUpperInvariant(), name.Substring(0, 3): the same person's text, reshaped.
                return method is { IsStatic: false, ContainingType.SpecialType: SpecialType.System_String, ReturnType.SpecialType: SpecialType.System_String } &&
                    invocation.Instance is { } text
                    ? Carries(text, wholeObjects: false, depth)
                    : null;
        }
    }

    private bool IsBuilderAppend(IMethodSymbol method) =>
        method.Name is "Append" or "AppendLine" or "AppendFormat" or "AppendJoin" or "Insert" or "Replace" &&
        SymbolEqualityComparer.Default.Equals(method.ContainingType, _apis.Symbols.StringBuilder);

    /// <summary>
    /// Whether anything in the method could carry personal data: a parameter or member marked personal, or a value of a
    /// personal-data type. <see cref="Carries(IOperation?)"/> finds personal data only at such an operation of the method,
    /// so a method without one is passed over without reading its flow.
    /// </summary>
    public static bool MayCarry(IOperation root, OutboundApis apis)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (Holds(operation, apis.Types))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the operation is or reads personal data, as <see cref="MayCarry"/> asks of each operation.</summary>
    public static bool Holds(IOperation operation, PersonalDataTypes types) =>
        operation switch
        {
            IParameterReferenceOperation parameter => types.IsMarkedPersonal(parameter.Parameter),
            IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } member => types.IsMarkedPersonal(member.Member),
            _ => false,
        } || types.Describe(operation.Type) is not null;

    private string? ThroughArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, bool wholeObjects, int depth)
    {
        foreach (var argument in arguments)
        {
            if (Carries(argument.Value, wholeObjects, depth) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private string? ThroughInitializer(IObjectOrCollectionInitializerOperation? initializer, int depth)
    {
        if (initializer is null)
        {
            return null;
        }

        foreach (var item in initializer.Initializers)
        {
            var found = item switch
            {
                ISimpleAssignmentOperation assignment => Carries(assignment.Value, wholeObjects: true, depth),
                IInvocationOperation add => ThroughArguments(add.Arguments, wholeObjects: true, depth),
                IMemberInitializerOperation nested => ThroughInitializer(nested.Initializer, depth),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string Quote(string name) => "'" + name + "'";
}
