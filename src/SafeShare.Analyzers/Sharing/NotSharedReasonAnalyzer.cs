using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// SAFE105: a decision not to share recorded through a <c>...NotShared</c> companion with a reason that
/// is a null, empty or whitespace constant. "If you decide not to share, record the reasons why" (golden
/// rule 7, Sheffield schools guide; Solihull protocol §5.3.10). The generated companion throws on such a reason at run time; this
/// finds it at build time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotSharedReasonAnalyzer : DiagnosticAnalyzer
{
    private const string ReasonParameter = "reason";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.NotSharedWithoutReason);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (SharingSymbols.TryCreate(start.Compilation) is not { Share: not null } symbols)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SharingSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!method.Name.EndsWith(DeclaredShares.NotSharedSuffix, System.StringComparison.Ordinal) ||
            DeclaredShares.ShareOfCompanion(method, DeclaredShares.NotSharedSuffix, symbols) is null)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { Name: ReasonParameter, Type.SpecialType: SpecialType.System_String } || BlankReason(argument.Value) is not { } blank)
            {
                continue;
            }

            var location = argument.ArgumentKind != ArgumentKind.Explicit ? invocation.Syntax.GetLocation() : DeclaredShares.AsWritten(argument.Value.Syntax).GetLocation();
            context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.NotSharedWithoutReason, location, DataClassification.DisplayName(method), blank));
        }
    }

    /// <summary>How a reason that is a blank constant reads in the message; null when it is not one.</summary>
    private static string? BlankReason(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } })
        {
            return "an empty string";
        }

        if (!value.ConstantValue.HasValue)
        {
            return null;
        }

        return value.ConstantValue.Value switch
        {
            null => "null",
            string { Length: 0 } => "an empty string",
            string text when string.IsNullOrWhiteSpace(text) => "only whitespace",
            _ => null,
        };
    }
}
