using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// SAFE110: personal data written to a log or telemetry — Microsoft.Extensions.Logging (<c>Log*</c>, <c>Log</c>,
/// <c>BeginScope</c>, <c>[LoggerMessage]</c> methods), Serilog, <c>Debug</c>, <c>Trace</c>, <c>EventLog</c>,
/// <c>Activity</c> tags and baggage, <c>Console</c>, and the message of an exception. A log line is copied into files,
/// shippers and monitoring services with their own readers and retention, outside the case record's (golden rule 6 of
/// the Sheffield schools guide, "secure"; Berkshire protocol Appendix B 1.3; UK GDPR Art. 5(1)(e) and (f)).
/// What counts as personal is what SAFE104 follows (<see cref="PersonalDataTrace"/>); a value returned by a
/// <c>[Redactor]</c> method is not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataLoggedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The .editorconfig key that turns the rule off in projects referencing xUnit, NUnit or MSTest.</summary>
    public const string IgnoreTestProjectsKey = "safeshare.SAFE110.ignore_test_projects";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.PersonalDataLogged);

    private static readonly ImmutableArray<OperationKind> CandidateKinds = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            // Without SafeShare nothing is marked personal, so nothing can be reported.
            if (SharingSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var sinks = new LoggingSinks(start.Compilation);
            if (!sinks.Any || sinks.TestFramework && IsTrue(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, IgnoreTestProjectsKey))
            {
                return;
            }

            var apis = new OutboundApis(symbols, new PersonalDataTypes(new DataClassification(symbols.Core)));
            // What a method holds is read once, by the first of its sinks that has anything but literals to check.
            var flows = new ConditionalWeakTable<IOperation, MethodFacts>();
            start.RegisterOperationAction(c => OnOperation(c, sinks, apis, flows), CandidateKinds);
            if (sinks.LoggerMessage is not null)
            {
                // Read from the type: the logging generator puts [GeneratedCode] on its implementation, and a partial
                // method's attributes are merged, so the driver would take the method itself for generated code.
                start.RegisterSymbolAction(c => OnLoggerMessageDeclarations(c, sinks, apis), SymbolKind.NamedType);
            }
        });
    }

    private static void OnOperation(OperationAnalysisContext context, LoggingSinks sinks, OutboundApis apis, ConditionalWeakTable<IOperation, MethodFacts> flows)
    {
        // Nothing is named or allocated until something is reported: most log calls write constants and identifiers.
        switch (context.Operation)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                var family = sinks.FamilyOf(method);
                if (family != LoggingSinks.SinkFamily.None)
                {
                    if (IsSink(invocation, family, sinks))
                    {
                        CheckArguments(context, invocation.Arguments, family, sinks, apis, flows);
                    }
                }
                else if (sinks.IsLoggerMessage(method))
                {
                    CheckArguments(context, invocation.Arguments, LoggingSinks.SinkFamily.LoggerMessage, sinks, apis, flows);
                }

                break;

            case IObjectCreationOperation creation when sinks.IsException(creation.Type):
                CheckArguments(context, creation.Arguments, LoggingSinks.SinkFamily.ExceptionMessage, sinks, apis, flows);
                break;
        }
    }

    // A [LoggerMessage] method whose parameter is of a personal-data type logs it on every call: reported once, there.
    private static void OnLoggerMessageDeclarations(SymbolAnalysisContext context, LoggingSinks sinks, OutboundApis apis)
    {
        foreach (var member in ((INamedTypeSymbol)context.Symbol).GetMembers())
        {
            if (member is IMethodSymbol { IsPartialDefinition: true } method && sinks.IsLoggerMessage(method))
            {
                OnLoggerMessageDeclaration(context, method, sinks, apis);
            }
        }
    }

    private static void OnLoggerMessageDeclaration(SymbolAnalysisContext context, IMethodSymbol method, LoggingSinks sinks, OutboundApis apis)
    {
        foreach (var parameter in method.Parameters)
        {
            var what = apis.Types.Describe(parameter.Type) is { } type ? "'" + type + "'"
                : apis.Types.IsMarkedPersonal(parameter) ? "'" + DataClassification.DisplayName(parameter) + "'"
                : null;
            if (what is not null && parameter.Locations.Length > 0 && !Ignored(context.Options, parameter.Locations[0].SourceTree, sinks))
            {
                context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.PersonalDataLogged, parameter.Locations[0], what, $"the [LoggerMessage] method '{method.Name}'"));
            }
        }
    }

    /// <summary>Whether the call of a sink type's method writes to a log (<c>Activity.SetTag</c> does, <c>Activity.Stop</c> does not).</summary>
    private static bool IsSink(IInvocationOperation invocation, LoggingSinks.SinkFamily family, LoggingSinks sinks)
    {
        var name = invocation.TargetMethod.Name;
        return family switch
        {
            LoggingSinks.SinkFamily.MicrosoftLogger => name.StartsWith("Log", StringComparison.Ordinal) || name == "BeginScope",
            LoggingSinks.SinkFamily.Serilog => name is "Write" or "Verbose" or "Debug" or "Information" or "Warning" or "Error" or "Fatal" or "ForContext" or "PushProperty",
            LoggingSinks.SinkFamily.Diagnostics => name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print" or "Assert" or "Fail" or
                "TraceInformation" or "TraceWarning" or "TraceError" or "WriteEntry" or "WriteEvent",
            LoggingSinks.SinkFamily.Telemetry => name is "SetTag" or "AddTag" or "SetBaggage" or "AddBaggage" or "Add",
            LoggingSinks.SinkFamily.Console => name is "Write" or "WriteLine",
            LoggingSinks.SinkFamily.ConsoleWriter => name.StartsWith("Write", StringComparison.Ordinal) && sinks.IsConsoleWriter(invocation.Instance),
            _ => false,
        };
    }

    /// <summary>The sink's name in the message: "ILogger.LogInformation", "Serilog's Log.Warning", "the message of InvalidOperationException".</summary>
    private static string SinkName(IOperation sink, LoggingSinks.SinkFamily family)
    {
        if (sink is IObjectCreationOperation creation)
        {
            return "the message of " + creation.Type?.Name;
        }

        var invocation = (IInvocationOperation)sink;
        var method = invocation.TargetMethod;
        var name = method.Name;
        var type = (method.ReducedFrom ?? method).ContainingType.Name;
        return family switch
        {
            // LoggerExtensions.LogInformation is written logger.LogInformation: named by the interface it extends.
            LoggingSinks.SinkFamily.MicrosoftLogger => "ILogger." + name,
            LoggingSinks.SinkFamily.Serilog => $"Serilog's {type}.{name}",
            LoggingSinks.SinkFamily.LoggerMessage => $"the [LoggerMessage] method '{name}'",
            LoggingSinks.SinkFamily.ConsoleWriter when MethodFlow.Unwrap(invocation.Instance) is IPropertyReferenceOperation writer => $"Console.{writer.Property.Name}.{name}",
            _ => type + "." + name,
        };
    }

    private static void CheckArguments(
        OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, LoggingSinks.SinkFamily sink,
        LoggingSinks sinks, OutboundApis apis, ConditionalWeakTable<IOperation, MethodFacts> flows)
    {
        PersonalDataTrace? trace = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (sink == LoggingSinks.SinkFamily.LoggerMessage)
            {
                // A parameter of a personal-data type is reported at the declaration.
                if (apis.Types.Describe(parameter.Type) is null && !apis.Types.IsMarkedPersonal(parameter))
                {
                    Check(context, argument.Value, sink, templateValue: false, sinks, apis, flows, ref trace);
                }

                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                // A message template's values: each is reported where it is written.
                foreach (var element in elements.ElementValues)
                {
                    Check(context, element, sink, templateValue: true, sinks, apis, flows, ref trace);
                }
            }
            // Declared type: Information<T>(template, T value) and BeginScope<TState>(state) take anything.
            else if (MayBeLogged(parameter.OriginalDefinition.Type) || MethodFlow.Unwrap(argument.Value) is IInterpolatedStringHandlerCreationOperation)
            {
                var declared = parameter.OriginalDefinition.Type;
                var templateValue = declared.SpecialType == SpecialType.System_Object || declared.TypeKind == TypeKind.TypeParameter;
                Check(context, argument.Value, sink, templateValue, sinks, apis, flows, ref trace);
            }
        }
    }

    // The text or values a sink writes: a message, a template's values, a scope's state, a tag. Not the logger, the log
    // level, the event id, an exception object or a formatter.
    private static bool MayBeLogged(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_String or SpecialType.System_Object ||
        type.TypeKind == TypeKind.TypeParameter ||
        type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Object or SpecialType.System_String } ||
        (type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Length == 2 &&
         named.TypeArguments[0].SpecialType == SpecialType.System_String && named.TypeArguments[1].SpecialType == SpecialType.System_Object);

    private static void Check(
        OperationAnalysisContext context, IOperation value, LoggingSinks.SinkFamily sink, bool templateValue, LoggingSinks sinks, OutboundApis apis,
        ConditionalWeakTable<IOperation, MethodFacts> flows, ref PersonalDataTrace? trace)
    {
        var unwrapped = MethodFlow.Unwrap(value);
        if (unwrapped is null or ILiteralOperation or IDefaultValueOperation or INameOfOperation)
        {
            return;
        }

        if (unwrapped is IInvocationOperation call && sinks.IsRedactor(call.TargetMethod))
        {
            return;
        }

        if (trace is null)
        {
            // Most log lines write case references and counts, in methods that hold no personal data at all.
            var facts = FactsOf(context.Operation, flows, apis);
            if (!facts.MayCarry)
            {
                return;
            }

            trace = new PersonalDataTrace(apis, facts.Flow);
        }

        var what = unwrapped is IInterpolatedStringHandlerCreationOperation handler ? InHandler(handler, sinks, trace) : trace.Carries(value);
        if (what is null)
        {
            return;
        }

        var location = DeclaredShares.AsWritten(value.Syntax).GetLocation();
        if (!Ignored(context.Options, location.SourceTree, sinks))
        {
            var properties = templateValue ? IdentifierInstead(unwrapped, apis) : null;
            context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.PersonalDataLogged, location, properties, what, SinkName(context.Operation, sink)));
        }
    }

    // The names a record's own reference goes by, most specific first: a case reference says which case without saying who.
    private static readonly string[] IdentifierNames = { "CaseReference", "SubjectReference", "CaseNumber", "Reference", "Id" };

    /// <summary>
    /// For a template value that is a whole object (<c>child</c>) or a personal member of one (<c>child.Name</c>) read from
    /// a local, parameter or field: the object's identifier member that is not personal data, for the code fix. A template
    /// value takes any type, so the identifier fits where the object was.
    /// </summary>
    private static ImmutableDictionary<string, string?>? IdentifierInstead(IOperation value, OutboundApis apis)
    {
        var replacesMember = false;
        var instance = value;
        if (value is IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol, Instance: { } owner } member &&
            apis.Types.IsMarkedPersonal(member.Member))
        {
            instance = owner;
            replacesMember = true;
        }

        if (instance is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation) ||
            instance.Type is not INamedTypeSymbol type || apis.Types.Describe(type) is null)
        {
            return null;
        }

        foreach (var name in IdentifierNames)
        {
            foreach (var candidate in apis.Types.Classification.AllDataMembers(type))
            {
                var candidateType = candidate switch
                {
                    IPropertySymbol property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };
                if (candidate.Name == name && !candidate.IsStatic && candidateType is not null &&
                    candidate.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal &&
                    !apis.Types.IsMarkedPersonal(candidate) && apis.Types.Describe(candidateType) is null)
                {
                    return ImmutableDictionary<string, string?>.Empty
                        .Add(SharingProperties.Identifier, name)
                        .Add(SharingProperties.ReplacesMember, replacesMember ? "true" : "false");
                }
            }
        }

        return null;
    }

    // Debug.Assert(ok, $"...") and Debug.WriteIf(ok, $"...") take an interpolated string handler: its holes, as text.
    private static string? InHandler(IInterpolatedStringHandlerCreationOperation handler, LoggingSinks sinks, PersonalDataTrace trace)
    {
        if (handler.Content is not IInterpolatedStringOperation content)
        {
            return null;
        }

        foreach (var part in content.Parts)
        {
            if (part is IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: > 0 } append } &&
                append.TargetMethod.Name == "AppendFormatted" &&
                !(MethodFlow.Unwrap(append.Arguments[0].Value) is IInvocationOperation call && sinks.IsRedactor(call.TargetMethod)) &&
                trace.CarriesAsText(append.Arguments[0].Value) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static MethodFacts FactsOf(IOperation operation, ConditionalWeakTable<IOperation, MethodFacts> facts, OutboundApis apis)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return facts.TryGetValue(root, out var known) ? known : facts.GetValue(root, r => new MethodFacts(r, PersonalDataTrace.MayCarry(r, apis)));
    }

    /// <summary>Whether a method holds anything personal, and its flow, read when first needed.</summary>
    private sealed class MethodFacts
    {
        private readonly IOperation _root;
        private MethodFlow? _flow;

        public MethodFacts(IOperation root, bool mayCarry)
        {
            _root = root;
            MayCarry = mayCarry;
        }

        public bool MayCarry { get; }

        public MethodFlow Flow => LazyInitializer.EnsureInitialized(ref _flow, () => new MethodFlow(ImmutableArray.Create(_root)))!;
    }

    // In a test project, per file: the key can be set for a folder in .editorconfig as well as for the whole project.
    private static bool Ignored(AnalyzerOptions options, SyntaxTree? tree, LoggingSinks sinks) =>
        sinks.TestFramework && tree is not null && IsTrue(options.AnalyzerConfigOptionsProvider.GetOptions(tree), IgnoreTestProjectsKey);

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
