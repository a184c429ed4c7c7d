using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// SAFE104: personal data leaves the process — HttpClient requests (and their JSON extensions), HTTP
/// contents, SmtpClient sends and mail messages, WebClient and FtpWebRequest uploads, socket and network
/// stream writes — in a method that does not record the share through a declared <c>[Share]</c> method or
/// its <c>...Disclosed</c> companion (golden rule 7, seed 003; seed 000 Appendix B 1.3; seed 002 §5.3.10).
/// SAFE206: the same data goes over a clear-text channel the method makes visible (golden rule 6,
/// "secure"; seed 000 Appendix B 1.3). SAFE206 is reported whether or not the share is declared:
/// recording a share does not make its channel secure.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OutboundPersonalDataAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.UndeclaredShare,
        Rules.PersonalDataOverClearText);

    // One array for every method's registration (a params array would be made anew for each).
    private static readonly ImmutableArray<OperationKind> CandidateKinds =
        ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (SharingSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var apis = new OutboundApis(symbols, new PersonalDataTypes(new DataClassification(symbols.Core)));
            start.RegisterOperationBlockStartAction(block =>
            {
                if (block.OwningSymbol is not IMethodSymbol owner)
                {
                    return;
                }

                // Cheap per-operation filters collect what might send; the method is read as a whole only when something
                // does. One action for the three kinds, and whether the method itself records a share is asked only then:
                // this runs for every method in the compilation (issue 6).
                var candidates = new Candidates();
                block.RegisterOperationAction(c => candidates.On(c.Operation, apis), CandidateKinds);
                block.RegisterOperationBlockEndAction(c => Report(c, owner, candidates, apis));
            });
        });
    }

    private static void Report(OperationBlockAnalysisContext context, IMethodSymbol owner, Candidates candidates, OutboundApis apis)
    {
        if (candidates.Take() is not { } found)
        {
            return;
        }

        var (sends, carriers, callsShare) = found;

        var recordsShare = callsShare || DeclaredShares.RecordsShare(owner, apis.Symbols);

        var flow = new MethodFlow(context.OperationBlocks);
        var channel = new ClearTextChannel(apis, flow);
        var trace = new PersonalDataTrace(apis, flow);
        var reported = new HashSet<(Location, string)>();

        foreach (var (send, kind) in sends.OrderBy(s => s.Send.Syntax.SpanStart))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (kind == OutboundApis.SinkKind.StreamWrite &&
                !apis.IsOutboundStream(send.Instance ?? (send.Arguments.Length > 0 ? send.Arguments[0].Value : null), flow))
            {
                continue;
            }

            foreach (var argument in send.Arguments)
            {
                if (trace.Carries(argument.Value) is not { } what)
                {
                    continue;
                }

                var location = argument.ArgumentKind != ArgumentKind.Explicit ? send.Syntax.GetLocation() : DeclaredShares.AsWritten(argument.Value.Syntax).GetLocation();
                var api = ApiName(send);
                if (!recordsShare && reported.Add((location, Rules.UndeclaredShare.Id)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.UndeclaredShare, location, what, api));
                }

                if (channel.Of(send, kind) is { } clearText && reported.Add((location, Rules.PersonalDataOverClearText.Id)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.PersonalDataOverClearText, location, what, api, clearText));
                }

                break;
            }
        }

        if (recordsShare)
        {
            return;
        }

        // Contents and messages filled with personal data but not sent here: the data leaves wherever they
        // are sent, so it is reported where it goes in (seed 000 Appendix B 1.3: "MailMessage body and attachments").
        var entries = new PersonalDataTrace(apis, flow);
        foreach (var carrier in carriers.OrderBy(c => c.Syntax.SpanStart))
        {
            if (trace.VisitedOperations.Contains(carrier) || (CarrierSymbol(carrier) is { } symbol && trace.VisitedSymbols.Contains(symbol)))
            {
                continue;
            }

            foreach (var input in InputsOf(carrier))
            {
                // A content or attachment put into another is reported where its own data went in.
                if (apis.IsCarrier(MethodFlow.Unwrap(input)?.Type) || entries.Carries(input) is not { } what)
                {
                    continue;
                }

                var location = DeclaredShares.AsWritten(input.Syntax).GetLocation();
                if (reported.Add((location, Rules.UndeclaredShare.Id)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.UndeclaredShare, location, what, CarrierName(carrier)));
                }

                break;
            }
        }
    }

    /// <summary>The local, parameter or field a member assignment or Add call writes into.</summary>
    private static ISymbol? CarrierSymbol(IOperation carrier) => carrier switch
    {
        ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } => MethodFlow.InstanceSymbol(member.Instance),
        IInvocationOperation { Instance: { } receiver } => MethodFlow.InstanceSymbol(receiver) ??
            (MethodFlow.Unwrap(receiver) is IMemberReferenceOperation inner ? MethodFlow.InstanceSymbol(inner.Instance) : null),
        _ => null,
    };

    private static IEnumerable<IOperation> InputsOf(IOperation carrier)
    {
        switch (carrier)
        {
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    yield return argument.Value;
                }

                if (creation.Initializer is { } initializer)
                {
                    foreach (var item in initializer.Initializers)
                    {
                        if (item is ISimpleAssignmentOperation assignment)
                        {
                            yield return assignment.Value;
                        }
                        else if (item is IInvocationOperation add)
                        {
                            foreach (var argument in add.Arguments)
                            {
                                yield return argument.Value;
                            }
                        }
                    }
                }

                break;
            case IInvocationOperation invocation:
                foreach (var argument in invocation.Arguments)
                {
                    yield return argument.Value;
                }

                break;
            case ISimpleAssignmentOperation assignment:
                yield return assignment.Value;
                break;
        }
    }

    private static string ApiName(IInvocationOperation send)
    {
        var method = send.TargetMethod;
        var type = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : send.Instance?.Type ?? method.ContainingType;
        return $"{type?.Name}.{method.Name}";
    }

    private static string CarrierName(IOperation carrier) => carrier switch
    {
        IObjectCreationOperation creation => $"new {creation.Type?.Name}(...)",
        IInvocationOperation { Instance: IMemberReferenceOperation member } invocation => $"{member.Instance?.Type?.Name}.{member.Member.Name}.{invocation.TargetMethod.Name}",
        IInvocationOperation invocation => $"{invocation.Instance?.Type?.Name ?? invocation.TargetMethod.ContainingType?.Name}.{invocation.TargetMethod.Name}",
        ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } => $"{member.Member.ContainingType?.Name}.{member.Member.Name}",
        _ => carrier.Syntax.ToString(),
    };

    /// <summary>What the operation actions of one method found; read once at the end of the method.</summary>
    private sealed class Candidates
    {
        private readonly object _gate = new();
        // Made on first use: most methods send nothing and fill no carrier.
        private List<(IInvocationOperation Send, OutboundApis.SinkKind Kind)>? _sends;
        private List<IOperation>? _carriers;
        private bool _callsShare;

        public void On(IOperation operation, OutboundApis apis)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    OnInvocation(invocation, apis);
                    break;
                case IObjectCreationOperation creation:
                    OnCreation(creation, apis);
                    break;
                case ISimpleAssignmentOperation assignment:
                    OnAssignment(assignment, apis);
                    break;
            }
        }

        private void OnInvocation(IInvocationOperation invocation, OutboundApis apis)
        {
            var method = invocation.TargetMethod;
            if (DeclaredShares.RecordsShare(method, apis.Symbols))
            {
                lock (_gate)
                {
                    _callsShare = true;
                }

                return;
            }

            var kind = apis.SinkOf(invocation);
            if (kind != OutboundApis.SinkKind.None)
            {
                lock (_gate)
                {
                    (_sends ??= new()).Add((invocation, kind));
                }

                return;
            }

            var into = invocation.Instance is { } receiver
                ? (MethodFlow.Unwrap(receiver) is IMemberReferenceOperation { Instance: { } owner } member && !apis.IsCarrier(member.Type) ? owner : receiver)
                : null;
            if (apis.KindOf(method) == OutboundApis.ValueKind.Carrier || (method.Name is "Add" && apis.IsCarrier(into?.Type)))
            {
                AddCarrier(invocation);
            }
        }

        private void OnCreation(IObjectCreationOperation creation, OutboundApis apis)
        {
            if (apis.IsCarrier(creation.Type))
            {
                AddCarrier(creation);
            }
        }

        private void OnAssignment(ISimpleAssignmentOperation assignment, OutboundApis apis)
        {
            // Object-initializer assignments belong to their creation.
            if (assignment.Target is IMemberReferenceOperation { Instance: { } instance and not IInstanceReferenceOperation } && apis.IsCarrier(instance.Type))
            {
                AddCarrier(assignment);
            }
        }

        private void AddCarrier(IOperation carrier)
        {
            lock (_gate)
            {
                (_carriers ??= new()).Add(carrier);
            }
        }

        /// <summary>The sends and carriers found, and whether the method calls a share; null when it found neither.</summary>
        public (List<(IInvocationOperation Send, OutboundApis.SinkKind Kind)> Sends, List<IOperation> Carriers, bool CallsShare)? Take()
        {
            lock (_gate)
            {
                if (_sends is null && _carriers is null)
                {
                    return null;
                }

                return (_sends?.ToList() ?? new(), _carriers?.ToList() ?? new(), _callsShare);
            }
        }
    }
}
