using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeShare.Analyzers.Sharing;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Sharing;

/// <summary>SAFE110 costs nothing in a compilation without a logging or telemetry API it reads.</summary>
public class PersonalDataLoggedRegistrationTests
{
    private const string Source = """
        public class Child
        {
            [SafeShare.PersonalData] public string Name { get; set; }
        }
        """;

    [Fact]
    public void Registers_nothing_where_no_logging_API_it_reads_is_referenced()
    {
        // SafeShare's attributes, and no framework: no ILogger, Serilog, Debug, Trace, Activity or Console.
        var safeShare = TestCompilation.References.Single(r => r.Display?.EndsWith("SafeShare.dll", StringComparison.Ordinal) == true);
        var compilation = CSharpCompilation.Create("NoLogging", new[] { CSharpSyntaxTree.ParseText(Source) }, new[] { safeShare });

        Assert.NotNull(SharingSymbols.TryCreate(compilation));
        Assert.False(new LoggingSinks(compilation).Any);
        Assert.Empty(Registrations(compilation));
    }

    [Fact]
    public void Registers_its_operation_action_where_a_logging_API_is_referenced()
    {
        var compilation = TestCompilation.Create(new[] { Source }, TestCompilation.References);

        Assert.True(new LoggingSinks(compilation).Any);
        Assert.Contains("Operation", Registrations(compilation));
    }

    private static List<string> Registrations(Compilation compilation)
    {
        var context = new Recorder();
        new PersonalDataLoggedAnalyzer().Initialize(context);
        var start = new StartRecorder(compilation);
        foreach (var action in context.Starts)
        {
            action(start);
        }

        return start.Registered;
    }

    private sealed class Recorder : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> Starts { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Starts.Add(action);

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unexpected();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unexpected();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unexpected();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unexpected();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unexpected();

        // The rule registers everything at compilation start, where what the compilation references is known.
        private static InvalidOperationException Unexpected() => new("SAFE110 registered an action outside its compilation start.");
    }

    private sealed class StartRecorder : CompilationStartAnalysisContext
    {
        public StartRecorder(Compilation compilation)
            : base(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestConfigOptions()), default)
        {
        }

        public List<string> Registered { get; } = new();

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Registered.Add("CompilationEnd");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Registered.Add("SemanticModel");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Registered.Add("Symbol");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Registered.Add("CodeBlockStart");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Registered.Add("CodeBlock");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Registered.Add("SyntaxTree");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Registered.Add("SyntaxNode");

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Registered.Add("Operation");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Registered.Add("OperationBlockStart");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Registered.Add("OperationBlock");
    }
}
