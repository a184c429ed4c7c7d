using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// SAFE104: personal data leaves the process — HttpClient requests (and their JSON extensions), HTTP
/// contents, SmtpClient sends and mail messages, WebClient and FtpWebRequest uploads, socket and network
/// stream writes — in a method that does not record the share through a declared <c>[Share]</c> method or
/// its <c>...Disclosed</c> companion (golden rule 7 of the Sheffield schools guide; Berkshire protocol Appendix B 1.3; Solihull protocol §5.3.10).
/// SAFE206: the same data goes over a clear-text channel the method makes visible (golden rule 6 of the Sheffield schools guide,
/// "secure"; Berkshire protocol Appendix B 1.3). SAFE206 is reported whether or not the share is declared:
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (SharingSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var apis = new OutboundApis(symbols, new PersonalDataTypes(new DataClassification(symbols.Core)));
            // One action for the three kinds, with a cheap filter: most operations neither send nor fill a carrier, and
            // most methods have none that does. A method is read as a whole only when one does (a block-start
            // action for every method in the compilation cost more than the checks themselves).
            var readMethods = new ConditionalWeakTable<IOperation, MethodClaim>();
            start.RegisterOperationAction(c => OnOperation(c, apis, readMethods), CandidateKinds);
        });
    }

    /// <summary>Taken by the first send or carrier of a method whose action runs: that action reads the method.</summary>
    private sealed class MethodClaim
    {
        private int _taken;

        public bool Take() => Interlocked.Exchange(ref _taken, 1) == 0;
    }

    private static void OnOperation(OperationAnalysisContext context, OutboundApis apis, ConditionalWeakTable<IOperation, MethodClaim> readMethods)
    {
        // Nothing here makes a closure: the filter runs for every invocation, creation and assignment of the program, and a
        // lambda capturing the context (a struct of a dozen fields) would copy it into a new object on each of them, passed
        // or not (10 MB a build at 5,000 files).
        if (context.ContainingSymbol is not IMethodSymbol owner || !Candidates.MaySendOrCarry(context.Operation, apis))
        {
            return;
        }

        var root = context.Operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        // The method is read once per operation tree, by whichever of its sends or carriers comes first; nothing else is
        // kept between actions or passes (a new pass has a new tree).
        if (readMethods.GetValue(root, static _ => new MethodClaim()).Take())
        {
            ReadMethod(context, root, owner, apis);
        }
    }

    // The method read as a whole, by the first of its sends or carriers whose action runs.
    private static void ReadMethod(OperationAnalysisContext context, IOperation root, IMethodSymbol owner, OutboundApis apis)
    {
        // Only a method that holds personal data somewhere can send it: most services send case references and counts.
        var candidates = new Candidates();
        var holdsPersonalData = false;
        foreach (var operation in root.DescendantsAndSelf())
        {
            candidates.On(operation, apis);
            holdsPersonalData = holdsPersonalData || PersonalDataTrace.Holds(operation, apis.Types);
        }

        if (!holdsPersonalData || candidates.Sends.Count + candidates.Carriers.Count == 0)
        {
            return;
        }

        Report(d => context.ReportOutsideGeneratedCode(d), root, owner, candidates, apis, context.CancellationToken);
    }

    private static void Report(System.Action<Diagnostic> report, IOperation root, IMethodSymbol owner, Candidates candidates, OutboundApis apis, CancellationToken cancellationToken)
    {
        var (sends, carriers, shareCalls) = (candidates.Sends, candidates.Carriers, candidates.ShareCalls);

        // A [Share] method or a ...Disclosed companion records its share: what it sends is what it records.
        var recordsShare = DeclaredShares.RecordsShare(owner, apis.Symbols);
        var decisions = recordsShare ? new List<RecordedDecision>() : RecordedDecision.Of(shareCalls, apis.Symbols);

        var flow = new MethodFlow(ImmutableArray.Create(root));
        var channel = new ClearTextChannel(apis, flow);
        var trace = new PersonalDataTrace(apis, flow);
        var reported = new HashSet<(Location, string)>();
        List<HelperCall>? helperCalls = null;
        var helperCallsRead = false;
        List<HelperCall>? HelperCalls()
        {
            if (!helperCallsRead)
            {
                helperCalls = RecordedDecision.CallsOf(owner, root.SemanticModel, apis, cancellationToken);
                helperCallsRead = true;
            }

            return helperCalls;
        }

        foreach (var (send, kind) in sends.OrderBy(s => s.Send.Syntax.SpanStart))
        {
            cancellationToken.ThrowIfCancellationRequested();
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
                if (!recordsShare && !RecordedDecision.Covers(decisions, argument.Value, send.Syntax.SpanStart, apis, flow) &&
                    !RecordedDecision.CoveredByCallers(owner, argument.Value, HelperCalls(), apis, flow) && reported.Add((location, Rules.UndeclaredShare.Id)))
                {
                    report(Diagnostic.Create(Rules.UndeclaredShare, location, what, api));
                }

                if (channel.Of(send, kind) is { } clearText && reported.Add((location, Rules.PersonalDataOverClearText.Id)))
                {
                    report(Diagnostic.Create(Rules.PersonalDataOverClearText, location, what, api, clearText));
                }

                break;
            }
        }

        if (recordsShare)
        {
            return;
        }

        // Contents and messages filled with personal data but not sent here: the data leaves wherever they
        // are sent, so it is reported where it goes in (Berkshire protocol Appendix B 1.3: "MailMessage body and attachments").
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

                // A content built from a share's payload is sent under that decision wherever it is sent from.
                if (RecordedDecision.Covers(decisions, input, int.MaxValue, apis, flow))
                {
                    break;
                }

                var location = DeclaredShares.AsWritten(input.Syntax).GetLocation();
                if (reported.Add((location, Rules.UndeclaredShare.Id)))
                {
                    report(Diagnostic.Create(Rules.UndeclaredShare, location, what, CarrierName(carrier)));
                }

                break;
            }
        }
    }

    /// <summary>A call of a private helper, with the decisions its caller records and the caller's flow.</summary>
    private sealed record HelperCall(IInvocationOperation Call, List<RecordedDecision> Decisions, MethodFlow CallerFlow);

    /// <summary>
    /// A decision this method records, and what it covers: a call of a [Share] method covers its payload (the object
    /// passed, or anything read or built from it) sent after the call; a call of a ...Disclosed companion, which
    /// records what was sent under a decision made elsewhere, covers values of the share's payload type sent anywhere
    /// in the method. Nothing else that leaves the method is covered.
    /// </summary>
    private sealed class RecordedDecision
    {
        private RecordedDecision(int position, ISymbol? payload, ITypeSymbol? payloadType, bool disclosure)
        {
            Position = position;
            Payload = payload;
            PayloadType = payloadType;
            Disclosure = disclosure;
        }

        public int Position { get; }
        public ISymbol? Payload { get; }
        public ITypeSymbol? PayloadType { get; }
        public bool Disclosure { get; }

        public static List<RecordedDecision> Of(List<IInvocationOperation> calls, SharingSymbols symbols)
        {
            var decisions = new List<RecordedDecision>(calls.Count);
            foreach (var call in calls)
            {
                var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
                if (DeclaredShares.ShareOfCompanion(method, DeclaredShares.DisclosedSuffix, symbols) is { } share)
                {
                    decisions.Add(new RecordedDecision(call.Syntax.SpanStart, null, DeclaredShares.PayloadOf(share, symbols)?.Type, disclosure: true));
                    continue;
                }

                var payload = DeclaredShares.PayloadOf(method.PartialDefinitionPart ?? method, symbols);
                foreach (var argument in call.Arguments)
                {
                    if (payload is not null && SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, (payload.OriginalDefinition)))
                    {
                        var symbol = MethodFlow.InstanceSymbol(argument.Value);
                        // Written inline (new Referral { ... }), the payload cannot be sent again by name: its type stands for it.
                        decisions.Add(new RecordedDecision(call.Syntax.SpanStart, symbol, symbol is null ? MethodFlow.Unwrap(argument.Value)?.Type : null, disclosure: false));
                    }
                }
            }

            return decisions;
        }

        /// <summary>Whether a value sent at a position is a payload one of the decisions covers.</summary>
        public static bool Covers(List<RecordedDecision> decisions, IOperation value, int position, OutboundApis apis, MethodFlow flow)
        {
            if (decisions.Count == 0)
            {
                return false;
            }

            // A trace of its own: which locals, parameters and values this one value comes from.
            var trace = new PersonalDataTrace(apis, flow);
            trace.Carries(value);
            foreach (var decision in decisions)
            {
                if (!decision.Disclosure && decision.Position > position)
                {
                    continue;
                }

                if (decision.Payload is { } payload && (trace.VisitedSymbols.Contains(payload) || ReadsFrom(trace.VisitedOperations, payload)))
                {
                    return true;
                }

                if (decision.PayloadType is { } type && trace.VisitedOperations.Any(o => IsOfType(o.Type, type)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A private helper that sends what its caller decided to share: the sent value comes from the helper's parameters,
        /// and every call of the helper (<paramref name="calls"/>, see <see cref="CallsOf"/>) passes, for each of them, a
        /// payload a decision recorded before the call covers. The payload is followed into the helper, not the decision
        /// out of the caller.
        /// </summary>
        public static bool CoveredByCallers(IMethodSymbol helper, IOperation value, IReadOnlyList<HelperCall>? calls, OutboundApis apis, MethodFlow flow)
        {
            if (calls is not { Count: > 0 })
            {
                return false;
            }

            var trace = new PersonalDataTrace(apis, flow);
            trace.Carries(value);
            var sources = helper.Parameters.Where(p => trace.VisitedSymbols.Contains(p) || ReadsFrom(trace.VisitedOperations, p)).ToList();
            if (sources.Count == 0)
            {
                return false;
            }

            foreach (var (call, decisions, callerFlow) in calls)
            {
                foreach (var source in sources)
                {
                    var argument = call.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, source.OriginalDefinition));
                    if (argument is null || !Covers(decisions, argument.Value, call.Syntax.SpanStart, apis, callerFlow))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// Every call of a private helper, each with the decisions its caller records and its caller's flow; null when the
        /// helper is not private or its type has a part in another file (a caller there is not read). Read once per
        /// method, whatever number of its sends asks.
        /// </summary>
        public static List<HelperCall>? CallsOf(IMethodSymbol helper, SemanticModel? model, OutboundApis apis, CancellationToken cancellationToken)
        {
            if (helper.MethodKind != MethodKind.Ordinary || helper.DeclaredAccessibility != Accessibility.Private || model is null)
            {
                return null;
            }

            var calls = new List<HelperCall>();
            foreach (var declaration in helper.ContainingType.DeclaringSyntaxReferences)
            {
                if (declaration.SyntaxTree != model.SyntaxTree)
                {
                    return null;
                }

                foreach (var node in declaration.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation || !Names(invocation.Expression, helper.Name) ||
                        model.GetOperation(invocation, cancellationToken) is not IInvocationOperation call ||
                        !SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, helper.OriginalDefinition))
                    {
                        continue;
                    }

                    var caller = (IOperation)call;
                    while (caller.Parent is { } parent)
                    {
                        caller = parent;
                    }

                    var recorded = new List<IInvocationOperation>();
                    foreach (var operation in caller.DescendantsAndSelf())
                    {
                        if (operation is IInvocationOperation share && DeclaredShares.RecordsShare(share.TargetMethod, apis.Symbols))
                        {
                            recorded.Add(share);
                        }
                    }

                    calls.Add(new HelperCall(call, Of(recorded, apis.Symbols), new MethodFlow(ImmutableArray.Create(caller))));
                }
            }

            return calls;
        }

        private static bool Names(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression, string name) => expression switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple => simple.Identifier.ValueText == name,
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == name,
            _ => false,
        };

        // child.Name, where child is the payload: a member read from it.
        private static bool ReadsFrom(HashSet<IOperation> visited, ISymbol payload)
        {
            foreach (var operation in visited)
            {
                if (operation is IMemberReferenceOperation { Instance: { } instance } && SymbolEqualityComparer.Default.Equals(MethodFlow.InstanceSymbol(instance), payload))
                {
                    return true;
                }
            }

            return false;
        }

        // The payload's type, or a collection of it (a string is not a collection of characters here).
        private static bool IsOfType(ITypeSymbol? type, ITypeSymbol payloadType) =>
            type is not null && (SymbolEqualityComparer.Default.Equals(type, payloadType) ||
                                 (type.SpecialType != SpecialType.System_String && payloadType.SpecialType != SpecialType.System_String &&
                                  SymbolEqualityComparer.Default.Equals(DeclaredShares.ElementTypeOf(type), DeclaredShares.ElementTypeOf(payloadType))));
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

    /// <summary>The sends and carriers of one method, and the shares it records, in the order of its operations.</summary>
    private sealed class Candidates
    {
        public List<(IInvocationOperation Send, OutboundApis.SinkKind Kind)> Sends { get; } = new();

        public List<IOperation> Carriers { get; } = new();

        /// <summary>The calls of [Share] methods and their ...Disclosed companions, in order.</summary>
        public List<IInvocationOperation> ShareCalls { get; } = new();

        /// <summary>
        /// Whether the operation can be a send or a carrier (<see cref="On"/> without the share check, which only ever
        /// takes one away): the filter every invocation, creation and assignment of the compilation goes through.
        /// </summary>
        public static bool MaySendOrCarry(IOperation operation, OutboundApis apis) => operation switch
        {
            IInvocationOperation invocation => MaySendOrFill(invocation, apis),
            IObjectCreationOperation creation => apis.IsCarrier(creation.Type),
            ISimpleAssignmentOperation assignment => AssignsIntoCarrier(assignment, apis),
            _ => false,
        };

        public void On(IOperation operation, OutboundApis apis)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    if (DeclaredShares.RecordsShare(invocation.TargetMethod, apis.Symbols))
                    {
                        ShareCalls.Add(invocation);
                    }
                    else if (apis.SinkOf(invocation) is var kind and not OutboundApis.SinkKind.None)
                    {
                        Sends.Add((invocation, kind));
                    }
                    else if (FillsCarrier(invocation, apis))
                    {
                        AddCarrier(invocation);
                    }

                    break;
                case IObjectCreationOperation creation when apis.IsCarrier(creation.Type):
                    AddCarrier(creation);
                    break;
                case ISimpleAssignmentOperation assignment when AssignsIntoCarrier(assignment, apis):
                    AddCarrier(assignment);
                    break;
            }
        }

        /// <summary>
        /// A send, or a call that fills a carrier. Both need the method's type to be an outbound, encoding or carrier type
        /// (SinkOf, KindOf), except an Add on a carrier: so most calls of a program are dismissed by one lookup of their type.
        /// </summary>
        private static bool MaySendOrFill(IInvocationOperation invocation, OutboundApis apis) =>
            apis.InvolvesApi(invocation.TargetMethod.ContainingType)
                ? apis.SinkOf(invocation) != OutboundApis.SinkKind.None || FillsCarrier(invocation, apis)
                : invocation.TargetMethod.Name == "Add" && FillsCarrier(invocation, apis);

        private static bool FillsCarrier(IInvocationOperation invocation, OutboundApis apis)
        {
            var method = invocation.TargetMethod;
            var into = invocation.Instance is { } receiver
                ? (MethodFlow.Unwrap(receiver) is IMemberReferenceOperation { Instance: { } owner } member && !apis.IsCarrier(member.Type) ? owner : receiver)
                : null;
            return apis.KindOf(method) == OutboundApis.ValueKind.Carrier || (method.Name is "Add" && apis.IsCarrier(into?.Type));
        }

        // Object-initializer assignments belong to their creation.
        private static bool AssignsIntoCarrier(ISimpleAssignmentOperation assignment, OutboundApis apis) =>
            assignment.Target is IMemberReferenceOperation { Instance: { } instance and not IInstanceReferenceOperation } && apis.IsCarrier(instance.Type);

        private void AddCarrier(IOperation carrier)
        {
            Carriers.Add(carrier);
        }
    }
}
