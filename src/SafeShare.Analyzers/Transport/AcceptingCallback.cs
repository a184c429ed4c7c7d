using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// Whether a certificate callback accepts every certificate (returns the constant true on every path and never throws),
/// and the reading of bodies, initializers and locals that deciding it takes. For SAFE203.
/// </summary>
internal static class AcceptingCallback
{
    /// <summary>True when the callback returns the constant true on every path and never throws.</summary>
    internal static bool AcceptsAll(IOperation target, SemanticModel? model, HashSet<IMethodSymbol> visiting, int depth, CancellationToken cancellationToken) => target switch
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

    internal static IEnumerable<IReturnOperation> Returns(IOperation body)
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
    internal static IOperation? Body(IMethodSymbol method, SemanticModel? model, CancellationToken cancellationToken)
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

    internal static IOperation? FieldInitializer(IFieldSymbol field, SemanticModel? model, CancellationToken cancellationToken)
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

    internal static IEnumerable<IOperation> AssignedValues(IOperation root, ILocalSymbol local)
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

    internal static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    internal static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
