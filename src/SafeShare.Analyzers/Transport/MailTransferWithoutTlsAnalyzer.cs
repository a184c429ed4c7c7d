using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// SAFE202: mail or file transfer without TLS. <c>SmtpClient</c> and <c>FtpWebRequest</c> whose
/// <c>EnableSsl</c> is never set to true, or is set to false; MailKit's <c>SecureSocketOptions.None</c>
/// and <c>Connect(host, port, useSsl: false)</c>. Guidance: Berkshire protocol Appendix B 1.3 and Solihull protocol §5.3.4 (email only
/// encrypted), North East Lincolnshire guidance §7 (secure transfer).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MailTransferWithoutTlsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property telling the code fix what to change.</summary>
    public const string FixProperty = TransportProperties.Fix;

    /// <summary>Fix: add or correct <c>EnableSsl = true</c> in the object initializer.</summary>
    public const string FixInitializer = TransportProperties.FixInitializer;

    /// <summary>Fix: the assigned value becomes <c>true</c>.</summary>
    public const string FixValue = TransportProperties.FixValue;

    private const string EnableSsl = "EnableSsl";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.MailOrFileTransferWithoutTls);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TransportSymbols.Get(start.Compilation);
            if (symbols.SmtpClient is not null)
            {
                start.RegisterOperationAction(c => AnalyzeSmtpClientCreation(c, symbols), OperationKind.ObjectCreation);
            }

            if (symbols.SmtpClient is not null || symbols.FtpWebRequest is not null)
            {
                start.RegisterOperationAction(c => AnalyzeEnableSslAssignment(c, symbols), OperationKind.SimpleAssignment);
            }

            // One action for both invocation checks: the driver calls an action for every invocation of the program, and a
            // second action on the same kind doubled that. MailKit is matched by name, so no package reference is needed.
            var ftp = symbols.FtpWebRequest is not null && symbols.WebRequest is not null;
            start.RegisterOperationAction(
                c =>
                {
                    if (ftp)
                    {
                        AnalyzeFtpRequestCreation(c, symbols);
                    }

                    AnalyzeMailKitConnect(c);
                },
                OperationKind.Invocation);
            if (symbols.SecureSocketOptions is not null)
            {
                start.RegisterOperationAction(c => AnalyzeSecureSocketOptions(c, symbols), OperationKind.FieldReference);
            }
        });
    }

    private static void AnalyzeSmtpClientCreation(OperationAnalysisContext context, TransportSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!TransportSymbols.IsOrDerives(creation.Type, symbols.SmtpClient))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "host" && argument.Value.ConstantValue.Value is string host && ClearTextAddress.IsLoopback(host))
            {
                return; // a local relay or test server on this machine
            }
        }

        var state = SwitchedOn(creation);
        if (state != TlsState.On)
        {
            var why = state == TlsState.Off ? "EnableSsl is set to false" : "EnableSsl is never set to true";
            Report(context, creation.Syntax.GetLocation(), $"{creation.Type!.Name} sends mail in clear text: {why}; set EnableSsl = true", FixInitializer);
        }
    }

    private static void AnalyzeFtpRequestCreation(OperationAnalysisContext context, TransportSymbols symbols)
    {
        // (FtpWebRequest)WebRequest.Create("ftp://..."): the usual way an FtpWebRequest is made.
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name is not ("Create" or "CreateDefault") ||
            !TransportSymbols.Is(invocation.TargetMethod.ContainingType, symbols.WebRequest) ||
            invocation.Parent is not IConversionOperation cast || !TransportSymbols.IsOrDerives(cast.Type, symbols.FtpWebRequest))
        {
            return;
        }

        if (invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.ConstantValue.Value is string target &&
            target.StartsWith("ftp://", System.StringComparison.OrdinalIgnoreCase) && ClearTextAddress.Find(target, continues: false) is null)
        {
            return; // ftp://localhost and the like
        }

        var state = SwitchedOn(cast);
        if (state != TlsState.On)
        {
            var why = state == TlsState.Off ? "EnableSsl is set to false" : "EnableSsl is never set to true";
            Report(context, cast.Syntax.GetLocation(), $"FtpWebRequest transfers files in clear text: {why}; set EnableSsl = true", fix: null);
        }
    }

    private static void AnalyzeEnableSslAssignment(OperationAnalysisContext context, TransportSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: EnableSsl } property ||
            !(TransportSymbols.IsOrDerives(property.Property.ContainingType, symbols.SmtpClient) || TransportSymbols.IsOrDerives(property.Property.ContainingType, symbols.FtpWebRequest)) ||
            assignment.Parent is IObjectOrCollectionInitializerOperation ||
            !IsFalse(assignment.Value, assignment))
        {
            return;
        }

        // When the client was made in this method and never switched on, the creation is reported instead.
        if (Holder(property.Instance) is { } holder && Origin(assignment, holder) is { } origin && SwitchedOn(origin) != TlsState.On)
        {
            return;
        }

        var name = property.Property.ContainingType.Name;
        Report(context, assignment.Syntax.GetLocation(), $"EnableSsl = false sends {name} traffic in clear text; set it to true", FixValue);
    }

    private static void AnalyzeSecureSocketOptions(OperationAnalysisContext context, TransportSymbols symbols)
    {
        var reference = (IFieldReferenceOperation)context.Operation;
        if (reference.Field.Name != "None" || !TransportSymbols.Is(reference.Field.ContainingType, symbols.SecureSocketOptions))
        {
            return;
        }

        var parent = reference.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } or IPatternOperation or ISingleValueCaseClauseOperation)
        {
            return;
        }

        Report(context, reference.Syntax.GetLocation(), "SecureSocketOptions.None connects to the mail server without TLS; use SecureSocketOptions.SslOnConnect or StartTls", fix: null);
    }

    private static void AnalyzeMailKitConnect(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("Connect" or "ConnectAsync") || method.ContainingNamespace?.ToDisplayString().StartsWith("MailKit", System.StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == "useSsl" && argument.Value.ConstantValue.Value is false)
            {
                Report(context, argument.Syntax.GetLocation(), "useSsl: false connects to the mail server without TLS; pass true or SecureSocketOptions.StartTls", fix: null);
            }
        }
    }

    private static void Report(OperationAnalysisContext context, Location location, string message, string? fix)
    {
        var properties = fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
        context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.MailOrFileTransferWithoutTls, location, properties, message));
    }

    private enum TlsState
    {
        NeverSet,
        Off,
        On,
    }

    /// <summary>
    /// Whether the client made by <paramref name="origin"/> ends up with TLS switched on: in its object
    /// initializer, or by an assignment to the variable it is stored in, in the same method.
    /// A value that is not a known false counts as on: it comes from configuration the rule cannot see.
    /// </summary>
    private static TlsState SwitchedOn(IOperation origin)
    {
        var state = TlsState.NeverSet;
        if (origin is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: EnableSsl } } set)
                {
                    state = IsFalse(set.Value, set) ? TlsState.Off : TlsState.On;
                }
            }
        }

        var holder = StoredIn(origin);
        if (holder is null)
        {
            return state;
        }

        if (holder is IFieldSymbol or IPropertySymbol)
        {
            // A field or property may be set up anywhere in its type; look for EnableSsl there before reporting.
            foreach (var reference in holder.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var token in reference.GetSyntax().DescendantTokens())
                {
                    if (token.ValueText == EnableSsl && !origin.Syntax.Span.Contains(token.Span))
                    {
                        return TlsState.On;
                    }
                }
            }

            return state;
        }

        foreach (var (value, at) in MethodTransferIndex.For(origin, EnableSsl).EnableSslAssignments(holder))
        {
            state = IsFalse(value, at) ? (state == TlsState.On ? TlsState.On : TlsState.Off) : TlsState.On;
        }

        return state;
    }

    private static ISymbol? StoredIn(IOperation origin) => MethodTransferIndex.StoredIn(origin);

    private static ISymbol? Holder(IOperation? operation) => MethodTransferIndex.Holder(operation);

    /// <summary>The creation in this method whose result is stored in the local <paramref name="holder"/>.</summary>
    private static IOperation? Origin(IOperation within, ISymbol holder) =>
        holder is ILocalSymbol ? MethodTransferIndex.For(within, EnableSsl).Origin(holder) : null;

    /// <summary>False as a constant, or a local whose last assignment before this point is the constant false.</summary>
    private static bool IsFalse(IOperation value, IOperation at)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value is false;
        }

        if (value is not ILocalReferenceOperation { Local: var local })
        {
            return false;
        }

        IOperation? latest = null;
        var latestStart = -1;
        foreach (var (start, assigned) in MethodTransferIndex.For(at, EnableSsl).Assignments(local))
        {
            if (assigned is not null && start < at.Syntax.SpanStart && start > latestStart)
            {
                latest = assigned;
                latestStart = start;
            }
        }

        return latest?.ConstantValue.Value is false;
    }
}
