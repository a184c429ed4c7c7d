using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// SAFE101: a <c>[Share]</c> whose recipient or purpose is null, empty or whitespace. Both are copied
/// into every decision record: "record what you have shared, with whom and for what purpose" (golden
/// rule 7, Sheffield schools guide).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharePurposeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ShareWithoutPurpose);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        DeclaredShares.RegisterShareRule(context, static _ => true, static (c, method, share, symbols, _) => AnalyzeMethod(c, method, share, symbols));
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, IMethodSymbol method, AttributeData share, SharingSymbols symbols)
    {
        if (share.AttributeConstructor is not { } constructor)
        {
            return;
        }

        // The constructor is ShareAttribute(string recipient, string purpose); the purpose is reported first.
        for (var index = constructor.Parameters.Length - 1; index >= 0; index--)
        {
            var argument = DataClassification.ConstructorArgument(share, index);
            if (argument.Kind == TypedConstantKind.Error || argument.Type?.SpecialType is not (SpecialType.System_String or null))
            {
                continue;
            }

            var value = argument.Value as string;
            if (!string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var parameter = constructor.Parameters[index].Name;
            var state = value is null ? "it is null" : value.Length == 0 ? "it is empty" : "it is only whitespace";
            var advice = parameter == "recipient"
                ? "name who receives the data, e.g. \"Police - Child Abuse Investigation Team\""
                : "say why the data is shared, e.g. \"Strategy discussion under Children Act 1989 s47\"";
            context.ReportOutsideGeneratedCode(Diagnostic.Create(
                Rules.ShareWithoutPurpose,
                ArgumentLocation(share, index, parameter, context.CancellationToken),
                DataClassification.DisplayName(method),
                $"recorded {parameter} ({state})",
                advice));
        }
    }

    private static Location? ArgumentLocation(AttributeData attribute, int index, string parameterName, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        if (syntax.ArgumentList is { } list)
        {
            var position = 0;
            foreach (var argument in list.Arguments)
            {
                if (argument.NameEquals is not null)
                {
                    continue;
                }

                // A named argument can stand in its own position, so both kinds count positions.
                if (argument.NameColon is { } nameColon ? nameColon.Name.Identifier.ValueText == parameterName : position == index)
                {
                    return argument.GetLocation();
                }

                position++;
            }
        }

        return syntax.GetLocation();
    }
}
