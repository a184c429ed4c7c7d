using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// Where a callback accepting every certificate is installed: the assignments and arguments of a file that hold one,
/// followed back through locals, fields and returning methods, and on into the callees that install what they are
/// given. For SAFE203.
/// </summary>
internal static class CertificateSinks
{
    /// <summary>What an assignment installs and where: a plain assignment, <c>+=</c>, or an event handler added; else nulls.</summary>
    internal static (IOperation? Target, IOperation? Value) Installs(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation simple => (simple.Target, simple.Value),
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound => (compound.Target, compound.Value),
        IEventAssignmentOperation { Adds: true } handler => (handler.EventReference, handler.HandlerValue),
        _ => (null, null),
    };

    /// <summary>The method or constructor an argument is passed to.</summary>
    internal static IMethodSymbol? Callee(IArgumentOperation argument) => argument.Parent switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IObjectCreationOperation creation => creation.Constructor,
        _ => null,
    };

    /// <summary>
    /// The sinks of a file that holds a callback accepting everything: assignments to properties, fields and events of
    /// certificate-check type, and arguments to parameters of that type, each followed back to what it holds; and, for an
    /// argument that accepts everything, where the callee installs it.
    /// </summary>
    internal static void AnalyzeSinks(SemanticModel model, TransportSymbols symbols, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        // A callee's sink can be reached from several callers; report it once.
        var reportedInCallees = new HashSet<Location>();
        foreach (var node in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is not (AssignmentExpressionSyntax or ArgumentSyntax) ||
                node is AssignmentExpressionSyntax assignment && !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && !assignment.IsKind(SyntaxKind.AddAssignmentExpression))
            {
                continue;
            }

            switch (model.GetOperation(node, cancellationToken))
            {
                case IArgumentOperation argument:
                    AnalyzeArgument(argument, symbols, report, reportedInCallees, cancellationToken);
                    break;
                case { } operation:
                    AnalyzeAssignment(operation, symbols, report, cancellationToken);
                    break;
            }
        }
    }

    private static void AnalyzeAssignment(IOperation operation, TransportSymbols symbols, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var (target, value) = Installs(operation);
        if (target is null || value is null || target is ILocalReferenceOperation || !symbols.IsCertificateValidator(target.Type))
        {
            return;
        }

        CheckSink(value, symbols, report, cancellationToken);
    }

    private static void AnalyzeArgument(IArgumentOperation argument, TransportSymbols symbols, Action<Diagnostic> report, HashSet<Location> reportedInCallees, CancellationToken cancellationToken)
    {
        if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter || !symbols.IsCertificateValidator(parameter.Type))
        {
            return;
        }

        if (!CheckSink(argument.Value, symbols, report, cancellationToken))
        {
            return;
        }

        // The callee may install what it is given: report where it does, once however many callers pass a bad callback.
        if (Callee(argument) is not { } callee || AcceptingCallback.Body(callee, argument.SemanticModel, cancellationToken) is not { } body)
        {
            return;
        }

        foreach (var sink in Sinks(body, callee, symbols))
        {
            if (SymbolEqualityComparer.Default.Equals(ResolveParameter(sink, 0), parameter.OriginalDefinition) &&
                reportedInCallees.Add(sink.Syntax.GetLocation()))
            {
                report(Diagnostic.Create(Rules.CertificateValidationDisabled, sink.Syntax.GetLocation(), $"The callback passed in as '{parameter.Name}'"));
            }
        }
    }

    /// <summary>Reports a value flowing into a certificate check when it accepts everything; true when it does.</summary>
    private static bool CheckSink(IOperation value, TransportSymbols symbols, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var unwrapped = AcceptingCallback.Unwrap(value);
        if (!Resolve(unwrapped, symbols, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), 0, cancellationToken))
        {
            return false;
        }

        // Lambdas, method groups and the Dangerous validator are reported where they are written.
        if (unwrapped is not IDelegateCreationOperation and not IPropertyReferenceOperation { Property.Name: CertificateValidationAnalyzer.DangerousValidator })
        {
            report(Diagnostic.Create(Rules.CertificateValidationDisabled, value.Syntax.GetLocation(), "This callback"));
        }

        return true;
    }

    /// <summary>Does this value, followed through locals, fields and returning methods, accept every certificate?</summary>
    private static bool Resolve(IOperation value, TransportSymbols symbols, HashSet<IMethodSymbol> visiting, int depth, CancellationToken cancellationToken)
    {
        value = AcceptingCallback.Unwrap(value);
        if (depth > CertificateValidationAnalyzer.MaxDepth)
        {
            return false;
        }

        switch (value)
        {
            case IDelegateCreationOperation creation:
                return symbols.IsCertificateValidator(creation.Type) && AcceptingCallback.AcceptsAll(creation.Target, creation.SemanticModel, visiting, depth, cancellationToken);
            case IPropertyReferenceOperation { Property.Name: CertificateValidationAnalyzer.DangerousValidator } property:
                return TransportSymbols.IsOrDerives(property.Property.ContainingType, symbols.HttpClientHandler);
            case ILocalReferenceOperation local:
                var any = false;
                foreach (var assigned in AcceptingCallback.AssignedValues(AcceptingCallback.Root(value), local.Local))
                {
                    if (!Resolve(assigned, symbols, visiting, depth + 1, cancellationToken))
                    {
                        return false;
                    }

                    any = true;
                }

                return any;
            case IFieldReferenceOperation field:
                return AcceptingCallback.FieldInitializer(field.Field, value.SemanticModel, cancellationToken) is { } initializer &&
                    Resolve(initializer, symbols, visiting, depth + 1, cancellationToken);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod.OriginalDefinition;
                if (!visiting.Add(method))
                {
                    return false;
                }

                try
                {
                    if (AcceptingCallback.Body(method, value.SemanticModel, cancellationToken) is not { } body)
                    {
                        return false;
                    }

                    var returned = false;
                    foreach (var returnOperation in AcceptingCallback.Returns(body))
                    {
                        if (returnOperation.ReturnedValue is not { } result)
                        {
                            return false;
                        }

                        if (AcceptingCallback.Unwrap(result) is IInvocationOperation recursive && SymbolEqualityComparer.Default.Equals(recursive.TargetMethod.OriginalDefinition, method))
                        {
                            continue; // a recursive call returns what the other paths return
                        }

                        if (!Resolve(result, symbols, visiting, depth + 1, cancellationToken))
                        {
                            return false;
                        }

                        returned = true;
                    }

                    return returned;
                }
                finally
                {
                    visiting.Remove(method);
                }

            default:
                return false;
        }
    }

    /// <summary>The parameter a value in a callee comes from, directly or through locals assigned only from it.</summary>
    private static IParameterSymbol? ResolveParameter(IOperation value, int depth)
    {
        value = AcceptingCallback.Unwrap(value);
        if (value is IParameterReferenceOperation parameter)
        {
            return parameter.Parameter.OriginalDefinition;
        }

        if (value is not ILocalReferenceOperation local || depth > CertificateValidationAnalyzer.MaxDepth)
        {
            return null;
        }

        IParameterSymbol? found = null;
        foreach (var assigned in AcceptingCallback.AssignedValues(AcceptingCallback.Root(value), local.Local))
        {
            var from = ResolveParameter(assigned, depth + 1);
            if (from is null || (found is not null && !SymbolEqualityComparer.Default.Equals(found, from)))
            {
                return null;
            }

            found = from;
        }

        return found;
    }

    /// <summary>Where a callee hands a callback on: properties, fields and events of certificate-check type, and other methods' parameters.</summary>
    private static IEnumerable<IOperation> Sinks(IOperation body, IMethodSymbol callee, TransportSymbols symbols)
    {
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation simple when simple.Target is not ILocalReferenceOperation && symbols.IsCertificateValidator(simple.Target.Type):
                    yield return simple.Value;
                    break;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound when symbols.IsCertificateValidator(compound.Target.Type):
                    yield return compound.Value;
                    break;
                case IEventAssignmentOperation { Adds: true } handler when symbols.IsCertificateValidator(handler.EventReference.Type):
                    yield return handler.HandlerValue;
                    break;
                case IArgumentOperation { Parameter: { } parameter } argument when symbols.IsCertificateValidator(parameter.Type) &&
                    !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, callee.OriginalDefinition):
                    yield return argument.Value;
                    break;
            }
        }
    }
}
