using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// SAFE201: an address with a clear-text scheme (http, ws, ftp, telnet, ldap, smtp) that data can
/// travel to: in string literals, constants, interpolated, concatenated and UTF-8 strings, UriBuilder
/// schemes, telnet clients, and appsettings*.json AdditionalFiles. Guidance: Berkshire protocol Appendix B 1.3,
/// Solihull protocol §5.3.4 (encrypted email), North East Lincolnshire guidance §7 (secure transfer).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClearTextProtocolAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ClearTextProtocol);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterAdditionalFileAction(AnalyzeAppSettings);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TransportSymbols.Get(start.Compilation);
            var telnet = new TelnetNames(TelnetNames.AnyTypeOrNamespaceIn(start.Compilation, start.CancellationToken));
            start.RegisterOperationAction(c => AnalyzeLiteral(c, symbols), OperationKind.Literal);
            start.RegisterOperationAction(c => AnalyzeUtf8String(c, symbols), OperationKind.Utf8String);
            start.RegisterOperationAction(c => AnalyzeInterpolatedString(c, symbols), OperationKind.InterpolatedString);
            start.RegisterOperationAction(c => AnalyzeConcatenation(c, symbols), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeObjectCreation(c, symbols, telnet), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, telnet), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeSchemeAssignment(c, symbols), OperationKind.SimpleAssignment);
            start.RegisterSyntaxNodeAction(AnalyzeLambdaDefaults, SyntaxKind.ParenthesizedLambdaExpression);
        });
    }

    private static void AnalyzeLiteral(OperationAnalysisContext context, TransportSymbols symbols)
    {
        // Most literals are numbers, booleans and null: the type rules them out before the constant value is
        // asked for (which boxes a number on every call).
        var literal = context.Operation;
        if (literal.Type?.SpecialType != SpecialType.System_String ||
            literal.ConstantValue.Value is not string value || !ClearTextAddress.MayContainScheme(value) ||
            literal.Parent is IInterpolatedStringTextOperation)
        {
            return;
        }

        var continues = false;
        if (IsConcatenation(literal.Parent, out var concatenation))
        {
            if (concatenation.ConstantValue.HasValue)
            {
                return; // the whole constant is checked at the outermost concatenation
            }

            continues = concatenation.LeftOperand == literal;
        }

        Check(context, literal, value, continues, symbols);
    }

    private static void AnalyzeUtf8String(OperationAnalysisContext context, TransportSymbols symbols)
    {
        var utf8 = (IUtf8StringOperation)context.Operation;
        if (utf8.Value is { } value && ClearTextAddress.MayContainScheme(value))
        {
            Check(context, utf8, value, continues: false, symbols);
        }
    }

    private static void AnalyzeInterpolatedString(OperationAnalysisContext context, TransportSymbols symbols)
    {
        var interpolated = (IInterpolatedStringOperation)context.Operation;
        if (interpolated.ConstantValue.Value is string whole)
        {
            if (ClearTextAddress.MayContainScheme(whole))
            {
                Check(context, interpolated, whole, continues: false, symbols);
            }

            return;
        }

        // The address is decided by its start: read the parts whose text is known until one is not. Most interpolated
        // strings are messages whose first words already rule a scheme out, and most of the rest start with a value
        // that is not known: neither builds the prefix.
        var parts = interpolated.Parts;
        if (parts.Length > 0 && parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string first } &&
            !ClearTextAddress.CouldStartWithScheme(first))
        {
            return;
        }

        StringBuilder? prefix = null;
        var continues = false;
        foreach (var part in parts)
        {
            if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text })
            {
                (prefix ??= new StringBuilder()).Append(text);
            }
            else if (part is IInterpolationOperation { Alignment: null, FormatString: null } interpolation &&
                (interpolation.Expression.ConstantValue.Value as string ?? UriSchemeField(interpolation.Expression, symbols)) is { } known)
            {
                (prefix ??= new StringBuilder()).Append(known);
            }
            else
            {
                continues = true;
                break;
            }
        }

        if (prefix?.ToString() is { } value && ClearTextAddress.MayContainScheme(value))
        {
            Check(context, interpolated, value, continues, symbols);
        }
    }

    private static void AnalyzeConcatenation(OperationAnalysisContext context, TransportSymbols symbols)
    {
        if (!IsConcatenation(context.Operation, out var concatenation))
        {
            return;
        }

        if (concatenation.ConstantValue.Value is string whole)
        {
            // Only the outermost constant concatenation is checked, as one address; inside $"{...}" the
            // interpolated string checks it.
            if (!(IsConcatenation(concatenation.Parent, out var outer) && outer.ConstantValue.HasValue) &&
                concatenation.Parent is not IInterpolationOperation && ClearTextAddress.MayContainScheme(whole))
            {
                var continues = IsConcatenation(concatenation.Parent, out var parent) && parent.LeftOperand == concatenation;
                Check(context, concatenation, whole, continues, symbols);
            }

            return;
        }

        var left = concatenation.LeftOperand;
        if (left is ILiteralOperation || (IsConcatenation(left, out var inner) && inner.ConstantValue.HasValue))
        {
            return; // reported by the literal or the inner constant concatenation
        }

        if (left.ConstantValue.Value is string constant)
        {
            // const string Scheme = "http://"; ... Scheme + host
            if (ClearTextAddress.MayContainScheme(constant))
            {
                Check(context, left, constant, continues: true, symbols);
            }

            return;
        }

        // Uri.UriSchemeHttp + "://" + host
        if (UriSchemeField(left, symbols) is { } scheme && concatenation.RightOperand.ConstantValue.Value is string separator &&
            separator.StartsWith("://", StringComparison.Ordinal))
        {
            Check(context, concatenation, scheme + separator, continues: true, symbols);
        }
    }

    private static void AnalyzeObjectCreation(OperationAnalysisContext context, TransportSymbols symbols, TelnetNames telnet)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type)
        {
            return;
        }

        if (TransportSymbols.Is(type, symbols.UriBuilder))
        {
            string? scheme = null;
            string? host = null;
            foreach (var argument in creation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "schemeName" or "scheme":
                        scheme = SchemeValue(argument.Value, symbols);
                        break;
                    case "hostName" or "host":
                        host = argument.Value.ConstantValue.Value as string;
                        break;
                }
            }

            if (scheme is not null && !(host is not null && (ClearTextAddress.IsLoopback(host) || ClearTextAddress.IsReservedForExamples(host))))
            {
                Report(context, creation.Syntax.GetLocation(), "This UriBuilder", scheme);
            }

            return;
        }

        if (telnet.Of(type) && !telnet.IsInsideTelnetCode(context.ContainingSymbol))
        {
            Report(context, creation.Syntax.GetLocation(), $"'{type.Name}'", "telnet");
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, TelnetNames telnet)
    {
        var method = ((IInvocationOperation)context.Operation).TargetMethod;
        if (telnet.Of(method) && !telnet.IsInsideTelnetCode(context.ContainingSymbol))
        {
            Report(context, context.Operation.Syntax.GetLocation(), $"'{method.Name}'", "telnet");
        }
    }

    private static void AnalyzeSchemeAssignment(OperationAnalysisContext context, TransportSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Scheme" } property &&
            TransportSymbols.Is(property.Property.ContainingType, symbols.UriBuilder) &&
            SchemeValue(assignment.Value, symbols) is { } scheme)
        {
            Report(context, assignment.Syntax.GetLocation(), "This UriBuilder", scheme);
        }
    }

    private static void AnalyzeLambdaDefaults(SyntaxNodeAnalysisContext context)
    {
        foreach (var (parameter, value, syntax) in LambdaDefaults.Of((ParenthesizedLambdaExpressionSyntax)context.Node, context.SemanticModel, context.CancellationToken))
        {
            if (value is string address && ClearTextAddress.MayContainScheme(address) && ClearTextAddress.Find(address, continues: false) is { } scheme &&
                !(scheme == "http" && NotAnAddress.NamesNamespace(parameter.Name)))
            {
                Report(context, syntax.GetLocation(), $"'{Preview(address)}'", scheme);
            }
        }
    }

    private static void AnalyzeAppSettings(AdditionalFileAnalysisContext context)
    {
        if (!AppSettingsFile.IsAppSettings(context.AdditionalFile.Path) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var value in AppSettingsFile.StringValues(text.ToString()))
        {
            if (value.Property.StartsWith("$", StringComparison.Ordinal) || !ClearTextAddress.MayContainScheme(value.Text) ||
                ClearTextAddress.Find(value.Text, continues: false) is not { } scheme)
            {
                continue;
            }

            var location = AppSettingsFile.Location(context.AdditionalFile, text, value.Start, value.Text.Length);
            context.ReportOutsideGeneratedCode(Diagnostic.Create(
                Rules.ClearTextProtocol, location, Properties(scheme), $"'{value.Property}' ('{Preview(value.Text)}')", scheme, ClearTextAddress.Instead(scheme)));
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation operation, string value, bool continues, TransportSymbols symbols)
    {
        if (ClearTextAddress.Find(value, continues) is not { } scheme ||
            (scheme == "http" && NotAnAddress.IsIdentifier(operation, symbols)) ||
            NotAnAddress.IsComparedWith(operation))
        {
            return;
        }

        Report(context, operation.Syntax.GetLocation(), $"'{Preview(value)}'", scheme);
    }

    private static void Report(OperationAnalysisContext context, Location location, string what, string scheme) =>
        context.ReportOutsideGeneratedCode(Create(location, what, scheme));

    private static void Report(SyntaxNodeAnalysisContext context, Location location, string what, string scheme) =>
        context.ReportOutsideGeneratedCode(Create(location, what, scheme));

    private static Diagnostic Create(Location location, string what, string scheme) =>
        Diagnostic.Create(Rules.ClearTextProtocol, location, Properties(scheme), what, scheme, ClearTextAddress.Instead(scheme));

    private static ImmutableDictionary<string, string?> Properties(string scheme) =>
        ImmutableDictionary<string, string?>.Empty.Add(Rules.SchemeProperty, scheme);

    private static string Preview(string value)
    {
        value = value.Trim();
        return value.Length <= 60 ? value : value.Substring(0, 57) + "...";
    }

    private static bool IsConcatenation(IOperation? operation, out IBinaryOperation concatenation)
    {
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary)
        {
            concatenation = binary;
            return true;
        }

        concatenation = null!;
        return false;
    }

    /// <summary>A scheme name given to UriBuilder: a constant string or one of Uri.UriScheme*, when it is clear text.</summary>
    private static string? SchemeValue(IOperation value, TransportSymbols symbols)
    {
        var name = value.ConstantValue.Value as string ?? UriSchemeField(value, symbols);
        return name is not null && ClearTextAddress.Find(name + "://", continues: true) is { } scheme ? scheme : null;
    }

    /// <summary>"http" for Uri.UriSchemeHttp and the other clear-text Uri.UriScheme* fields (static readonly, not constants).</summary>
    private static string? UriSchemeField(IOperation operation, TransportSymbols symbols)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is not IFieldReferenceOperation { Field: { IsStatic: true } field } || !TransportSymbols.Is(field.ContainingType, symbols.Uri))
        {
            return null;
        }

        return field.Name switch
        {
            "UriSchemeHttp" => "http",
            "UriSchemeFtp" => "ftp",
            "UriSchemeWs" => "ws",
            "UriSchemeTelnet" => "telnet",
            "UriSchemeLdap" => "ldap",
            _ => null,
        };
    }
}
