using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// SAFE203: server certificate validation disabled. A callback shaped like a certificate check
/// (sender, certificate, chain, SslPolicyErrors) → bool that returns true on every path — lambda,
/// anonymous method, local function or method group, directly or through a local, a field, a method that
/// returns it, or a parameter a caller fills with one — and
/// <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>. Covers
/// ServerCertificateCustomValidationCallback, RemoteCertificateValidationCallback (SocketsHttpHandler.SslOptions,
/// SslClientAuthenticationOptions, ClientWebSocket.Options), ServicePointManager, HttpWebRequest and SslStream.
/// Guidance: Berkshire protocol Appendix B 1.3 and Solihull protocol §5.3.4 (secure email domains), North East Lincolnshire guidance §7 (secure transfer).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationAnalyzer : DiagnosticAnalyzer
{
    private const string DangerousValidator = "DangerousAcceptAnyServerCertificateValidator";
    private const int MaxDepth = 6;
    private static readonly HashSet<string> DangerousValidatorName = new(StringComparer.Ordinal) { DangerousValidator };

    // The scan of every file stops at each capital V: the name's rarest character in C# source, about 0.1 % of the
    // characters of this repository's sources and tests, against 0.3-0.4 % for D, the next.
    private static readonly NameScan.RareName DangerousValidatorScan = new(DangerousValidator, 'V');

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.CertificateValidationDisabled);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            // Nothing is looked up here, or for a delegate: a certificate check's parameter types are matched by name
            // (TransportSymbols.IsCertificateValidator), and HttpClientHandler is looked up only for a file naming the
            // dangerous validator.
            var symbols = TransportSymbols.Get(start.Compilation);
            // Every value a sink can resolve to accepting everything ends at a lambda, method group or the dangerous
            // validator written in the sink's own file (locals, fields' initializers and returning methods are followed
            // within a file). So the assignments and arguments of a file are read only when such a callback is found in
            // it written where it can travel from (InstalledWhereWritten), once per file, instead of an action on every
            // argument and assignment of the program.
            var filesRead = new ConcurrentDictionary<SyntaxTree, bool>();
            start.RegisterOperationAction(c => AnalyzeDelegateCreation(c, symbols, filesRead), OperationKind.DelegateCreation);

            // Property references are everywhere; this one is written by name. A file is read only when its text holds the
            // name (or a unicode escape, which could spell it), and HttpClientHandler is looked up only then: most
            // compilations never name the validator, and the lookup searches every reference.
            start.RegisterSemanticModelAction(c => AnalyzeDangerousValidator(c, symbols, filesRead));
        });
    }

    private static void AnalyzeDelegateCreation(OperationAnalysisContext context, TransportSymbols symbols, ConcurrentDictionary<SyntaxTree, bool> filesRead)
    {
        // Every lambda and method group of the program comes here: the rare finding is handled in another method, so that
        // the closure reporting through the context (a copy of a struct of a dozen fields) is made only then.
        var creation = (IDelegateCreationOperation)context.Operation;
        if (symbols.IsCertificateValidator(creation.Type) && AcceptsAll(creation.Target, creation.SemanticModel, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), 0, context.CancellationToken))
        {
            ReportAcceptingCallback(context, creation, symbols, filesRead);
        }
    }

    private static void ReportAcceptingCallback(OperationAnalysisContext context, IDelegateCreationOperation creation, TransportSymbols symbols, ConcurrentDictionary<SyntaxTree, bool> filesRead)
    {
        var what = creation.Target is IMethodReferenceOperation method ? $"'{method.Method.Name}'" : "This callback";
        context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.CertificateValidationDisabled, creation.Syntax.GetLocation(), what));
        if (creation.SemanticModel is { } model && !InstalledWhereWritten(creation, model.SyntaxTree) && filesRead.TryAdd(model.SyntaxTree, true))
        {
            AnalyzeSinks(model, symbols, d => context.ReportOutsideGeneratedCode(d), context.CancellationToken);
        }
    }

    private static void AnalyzeDangerousValidator(SemanticModelAnalysisContext context, TransportSymbols symbols, ConcurrentDictionary<SyntaxTree, bool> filesRead)
    {
        // Generated files are scanned too: telling them apart (name, header) cost more than scanning them, 6.3 against
        // 5.5 ms for every file of a 5,000-file program in a harness.
        var model = context.SemanticModel;
        if (!NameScan.MayHold(model.SyntaxTree, DangerousValidatorScan, context.CancellationToken) || symbols.HttpClientHandler is null)
        {
            return;
        }

        ReadDangerousValidators(context, symbols, filesRead);
    }

    // Only for a file whose text can name the validator: the closures below copy the context.
    private static void ReadDangerousValidators(SemanticModelAnalysisContext context, TransportSymbols symbols, ConcurrentDictionary<SyntaxTree, bool> filesRead)
    {
        var model = context.SemanticModel;
        foreach (var node in NameScan.References(model.SyntaxTree, DangerousValidatorName, context.CancellationToken))
        {
            if (model.GetOperation(node, context.CancellationToken) is IPropertyReferenceOperation reference &&
                reference.Property.Name == DangerousValidator && TransportSymbols.IsOrDerives(reference.Property.ContainingType, symbols.HttpClientHandler))
            {
                if (ReportDangerousValidator(reference, d => context.ReportOutsideGeneratedCode(d)) &&
                    !InstalledWhereWritten(reference, model.SyntaxTree) && filesRead.TryAdd(model.SyntaxTree, true))
                {
                    AnalyzeSinks(model, symbols, d => context.ReportOutsideGeneratedCode(d), context.CancellationToken);
                }
            }
        }
    }

    /// <summary>Reports the dangerous validator unless it is only compared with; true when reported.</summary>
    private static bool ReportDangerousValidator(IPropertyReferenceOperation reference, Action<Diagnostic> report)
    {
        var parent = reference.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals })
        {
            return false;
        }

        report(Diagnostic.Create(Rules.CertificateValidationDisabled, reference.Syntax.GetLocation(), "HttpClientHandler." + DangerousValidator));
        return true;
    }

    /// <summary>
    /// True when a callback accepting everything goes nowhere but the sink it is written at: what an assignment to a
    /// property, field or event installs (<see cref="Installs"/>), or an argument to a method with no body in this file
    /// (the framework's SslStream, say).
    /// It is reported where it is written, and nothing in the file can carry it further, so the file's sinks need not be
    /// read for it (reading them binds every member of the file). Anything else — a local, a field's initializer,
    /// a returned value, an argument to a method of this file, or a shape not listed here — may reach a sink elsewhere in
    /// the file.
    /// </summary>
    internal static bool InstalledWhereWritten(IOperation callback, SyntaxTree tree)
    {
        var value = callback;
        while (value.Parent is IConversionOperation conversion)
        {
            value = conversion;
        }

        switch (value.Parent)
        {
            case IArgumentOperation argument:
                if (Callee(argument) is not { } callee)
                {
                    return false;
                }

                foreach (var reference in callee.OriginalDefinition.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == tree)
                    {
                        return false;
                    }
                }

                return true;
            case { } parent when Installs(parent) is ({ } target, var installed) && installed == value:
                return target is not ILocalReferenceOperation;
            default:
                return false;
        }
    }

    /// <summary>What an assignment installs and where: a plain assignment, <c>+=</c>, or an event handler added; else nulls.</summary>
    private static (IOperation? Target, IOperation? Value) Installs(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation simple => (simple.Target, simple.Value),
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound => (compound.Target, compound.Value),
        IEventAssignmentOperation { Adds: true } handler => (handler.EventReference, handler.HandlerValue),
        _ => (null, null),
    };

    /// <summary>The method or constructor an argument is passed to.</summary>
    private static IMethodSymbol? Callee(IArgumentOperation argument) => argument.Parent switch
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
    private static void AnalyzeSinks(SemanticModel model, TransportSymbols symbols, Action<Diagnostic> report, CancellationToken cancellationToken)
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
        if (Callee(argument) is not { } callee || Body(callee, argument.SemanticModel, cancellationToken) is not { } body)
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
        var unwrapped = Unwrap(value);
        if (!Resolve(unwrapped, symbols, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), 0, cancellationToken))
        {
            return false;
        }

        // Lambdas, method groups and the Dangerous validator are reported where they are written.
        if (unwrapped is not IDelegateCreationOperation and not IPropertyReferenceOperation { Property.Name: DangerousValidator })
        {
            report(Diagnostic.Create(Rules.CertificateValidationDisabled, value.Syntax.GetLocation(), "This callback"));
        }

        return true;
    }

    /// <summary>Does this value, followed through locals, fields and returning methods, accept every certificate?</summary>
    private static bool Resolve(IOperation value, TransportSymbols symbols, HashSet<IMethodSymbol> visiting, int depth, CancellationToken cancellationToken)
    {
        value = Unwrap(value);
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (value)
        {
            case IDelegateCreationOperation creation:
                return symbols.IsCertificateValidator(creation.Type) && AcceptsAll(creation.Target, creation.SemanticModel, visiting, depth, cancellationToken);
            case IPropertyReferenceOperation { Property.Name: DangerousValidator } property:
                return TransportSymbols.IsOrDerives(property.Property.ContainingType, symbols.HttpClientHandler);
            case ILocalReferenceOperation local:
                var any = false;
                foreach (var assigned in AssignedValues(Root(value), local.Local))
                {
                    if (!Resolve(assigned, symbols, visiting, depth + 1, cancellationToken))
                    {
                        return false;
                    }

                    any = true;
                }

                return any;
            case IFieldReferenceOperation field:
                return FieldInitializer(field.Field, value.SemanticModel, cancellationToken) is { } initializer &&
                    Resolve(initializer, symbols, visiting, depth + 1, cancellationToken);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod.OriginalDefinition;
                if (!visiting.Add(method))
                {
                    return false;
                }

                try
                {
                    if (Body(method, value.SemanticModel, cancellationToken) is not { } body)
                    {
                        return false;
                    }

                    var returned = false;
                    foreach (var returnOperation in Returns(body))
                    {
                        if (returnOperation.ReturnedValue is not { } result)
                        {
                            return false;
                        }

                        if (Unwrap(result) is IInvocationOperation recursive && SymbolEqualityComparer.Default.Equals(recursive.TargetMethod.OriginalDefinition, method))
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
        value = Unwrap(value);
        if (value is IParameterReferenceOperation parameter)
        {
            return parameter.Parameter.OriginalDefinition;
        }

        if (value is not ILocalReferenceOperation local || depth > MaxDepth)
        {
            return null;
        }

        IParameterSymbol? found = null;
        foreach (var assigned in AssignedValues(Root(value), local.Local))
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

    /// <summary>True when the callback returns the constant true on every path and never throws.</summary>
    private static bool AcceptsAll(IOperation target, SemanticModel? model, HashSet<IMethodSymbol> visiting, int depth, CancellationToken cancellationToken) => target switch
    {
        IAnonymousFunctionOperation lambda => BodyAcceptsAll(lambda.Body),
        IMethodReferenceOperation reference => MethodAcceptsAll(reference.Method, model, cancellationToken),
        _ => false,
    };

    private static bool MethodAcceptsAll(IMethodSymbol method, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (Body(method, model, cancellationToken) is { } body)
        {
            return BodyAcceptsAll(body);
        }

        // Declared in another file of this project: read its syntax.
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var (block, expression) = syntax switch
            {
                MethodDeclarationSyntax m => (m.Body, m.ExpressionBody?.Expression),
                LocalFunctionStatementSyntax f => (f.Body, f.ExpressionBody?.Expression),
                _ => (null, null),
            };
            if (expression is not null)
            {
                return IsTrueLiteral(expression);
            }

            if (block is not null)
            {
                return SyntaxAcceptsAll(block);
            }
        }

        return false;
    }

    private static bool BodyAcceptsAll(IOperation body)
    {
        var returned = false;
        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            switch (operation)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    continue; // a nested function's returns are its own
                case IThrowOperation:
                    return false; // throwing rejects the connection: that is validation
                case IReturnOperation { Kind: OperationKind.Return } returnOperation:
                    if (returnOperation.ReturnedValue?.ConstantValue.Value is not true)
                    {
                        return false;
                    }

                    returned = true;
                    continue;
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push(child);
            }
        }

        return returned;
    }

    private static bool SyntaxAcceptsAll(BlockSyntax block)
    {
        var returned = false;
        foreach (var node in block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case ThrowStatementSyntax or ThrowExpressionSyntax:
                    return false;
                case ReturnStatementSyntax returnStatement:
                    if (returnStatement.Expression is null || !IsTrueLiteral(returnStatement.Expression))
                    {
                        return false;
                    }

                    returned = true;
                    break;
            }
        }

        return returned;
    }

    private static bool IsTrueLiteral(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression.IsKind(SyntaxKind.TrueLiteralExpression);
    }

    private static IEnumerable<IReturnOperation> Returns(IOperation body)
    {
        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (operation is IReturnOperation { Kind: OperationKind.Return } returnOperation)
            {
                yield return returnOperation;
                continue;
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The body of a method or local function declared in the file being analysed.</summary>
    private static IOperation? Body(IMethodSymbol method, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return null;
        }

        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            switch (model.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken))
            {
                case IMethodBodyOperation body when (body.BlockBody ?? body.ExpressionBody) is { } content:
                    return content;
                case IConstructorBodyOperation constructor when constructor.BlockBody is { } content:
                    return content;
                case ILocalFunctionOperation { Body: { } content }:
                    return content;
            }
        }

        return null;
    }

    private static IOperation? FieldInitializer(IFieldSymbol field, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return null;
        }

        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree &&
                reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer } &&
                model.GetOperation(initializer, cancellationToken) is IFieldInitializerOperation { Value: var value })
            {
                return value;
            }
        }

        return null;
    }

    private static IEnumerable<IOperation> AssignedValues(IOperation root, ILocalSymbol local)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) && declarator.Initializer is { } initializer:
                    yield return initializer.Value;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return assignment.Value;
                    break;
            }
        }
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
