using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// SAFE205: a connection string that turns encryption or certificate checks off (Encrypt=False,
/// Encrypt=Optional, TrustServerCertificate=True, SslMode=Disable, ssl=false, ...) in a string literal or
/// constant, through a *ConnectionStringBuilder property, or in an appsettings*.json AdditionalFile.
/// Reported on the setting itself. Guidance: Berkshire protocol Appendix B 1.3, Solihull protocol §5.3.4, North East Lincolnshire guidance §7 (secure transfer).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConnectionStringEncryptionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ConnectionStringWithoutEncryption);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterOperationAction(AnalyzeLiteral, OperationKind.Literal);
        context.RegisterOperationAction(AnalyzeBuilderAssignment, OperationKind.SimpleAssignment);
        context.RegisterAdditionalFileAction(AnalyzeAppSettings);
    }

    private static void AnalyzeLiteral(OperationAnalysisContext context)
    {
        // The type rules out numbers, booleans and null before the constant value is asked for (which boxes a number).
        var literal = context.Operation;
        if (literal.Type?.SpecialType != SpecialType.System_String ||
            literal.ConstantValue.Value is not string value || !ConnectionStringSettings.MayContainSetting(value))
        {
            return;
        }

        // Search the literal as written, so positions map straight onto the source.
        var syntax = literal.Syntax;
        foreach (var setting in ConnectionStringSettings.Find(syntax.ToString()))
        {
            var location = Location.Create(syntax.SyntaxTree, new TextSpan(syntax.SpanStart + setting.Start, setting.Length));
            context.ReportOutsideGeneratedCode(Diagnostic.Create(
                Rules.ConnectionStringWithoutEncryption, location, Properties(setting.ValueOffset, setting.Replacement), setting.Setting, setting.Problem, setting.Fixed));
        }
    }

    private static void AnalyzeBuilderAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } ||
            property.Name is not ("Encrypt" or "TrustServerCertificate" or "SslMode") ||
            !IsConnectionStringBuilder(property.ContainingType))
        {
            return;
        }

        var value = assignment.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        var member = value switch
        {
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation { Property.IsStatic: true } option => option.Property.Name,
            _ => null,
        };
        string? problem = null;
        string? replacement = null;
        switch (property.Name)
        {
            case "Encrypt" when value.ConstantValue.Value is false:
                (problem, replacement) = ("turns encryption off", "true");
                break;
            case "Encrypt" when member == "Optional":
                (problem, replacement) = ("makes encryption optional, so it can be stripped", Rename(value.Syntax.ToString(), member, "Mandatory"));
                break;
            case "TrustServerCertificate" when value.ConstantValue.Value is true:
                (problem, replacement) = ("skips the server certificate check", "false");
                break;
            case "SslMode" when member is "Disable" or "Disabled" or "None" or "Allow" or "Prefer" or "Preferred":
                problem = member is "Allow" or "Prefer" or "Preferred" ? "makes TLS optional and unverified, so it can be stripped" : "turns TLS off";
                replacement = Rename(value.Syntax.ToString(), member, "VerifyFull");
                break;
        }

        if (problem is null || replacement is null)
        {
            return;
        }

        var offset = assignment.Value.Syntax.SpanStart - assignment.Syntax.SpanStart;
        var setting = assignment.Syntax.ToString();
        context.ReportOutsideGeneratedCode(Diagnostic.Create(
            Rules.ConnectionStringWithoutEncryption, assignment.Syntax.GetLocation(), Properties(offset, replacement),
            setting, problem, setting.Substring(0, offset) + replacement));
    }

    private static void AnalyzeAppSettings(AdditionalFileAnalysisContext context)
    {
        if (!AppSettingsFile.IsAppSettings(context.AdditionalFile.Path) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var value in AppSettingsFile.StringValues(text.ToString()))
        {
            foreach (var setting in ConnectionStringSettings.Find(value.Text))
            {
                var location = AppSettingsFile.Location(context.AdditionalFile, text, value.Start + setting.Start, setting.Length);
                context.ReportOutsideGeneratedCode(Diagnostic.Create(
                    Rules.ConnectionStringWithoutEncryption, location, Properties(setting.ValueOffset, setting.Replacement), setting.Setting, setting.Problem, setting.Fixed));
            }
        }
    }

    private static bool IsConnectionStringBuilder(INamedTypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name.EndsWith("ConnectionStringBuilder", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Rename(string expression, string member, string replacement) =>
        expression.EndsWith(member, StringComparison.Ordinal) ? expression.Substring(0, expression.Length - member.Length) + replacement : replacement;

    private static ImmutableDictionary<string, string?> Properties(int valueOffset, string replacement) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(Rules.ValueOffsetProperty, valueOffset.ToString(CultureInfo.InvariantCulture))
            .Add(Rules.ReplacementProperty, replacement);
}
