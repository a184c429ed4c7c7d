using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SafeShare.Testing;

namespace SafeShare.Fuzzing;

/// <summary>
/// A source to check. <see cref="Before"/> is the text it was mutated from, when known: the generator runs
/// on it first and then on the mutant with the same driver, as the IDE reruns it keystroke after keystroke,
/// so the incremental paths (cached models, equality) are exercised too.
/// </summary>
public sealed record Mutant(ulong Seed, string Origin, IReadOnlyList<string> Mutations, string Source, string? AppSettings = null, string? Before = null)
{
    /// <summary>
    /// Other documents of the same project: the rest of a batch (mutants are checked several to a compilation,
    /// as files of one project are), or the other files of a regression that fails only in company.
    /// </summary>
    public IReadOnlyList<Mutant> Companions { get; init; } = Array.Empty<Mutant>();

    /// <summary>This mutant and its companions: the documents of the project.</summary>
    public IEnumerable<Mutant> Files => new[] { this with { Companions = Array.Empty<Mutant>() } }.Concat(Companions);
}

/// <summary>Something that threw: the stage (analyzer, generator, fix, fix-all, hang), who, and the exception.</summary>
public sealed record FuzzFailure(string Stage, string Component, string Exception)
{
    /// <summary>What identifies the bug regardless of message details: stage, component, exception type and throwing frame.</summary>
    public string Signature
    {
        get
        {
            var lines = Exception.Split('\n');
            var type = lines[0].Split(':')[0].Trim();
            var frame = lines.Skip(1).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at SafeShare.", StringComparison.Ordinal)) ?? string.Empty;
            var paren = frame.IndexOf('(', StringComparison.Ordinal);
            return $"{Stage}/{Component}/{type}/{(paren > 0 ? frame.Substring(0, paren) : frame)}";
        }
    }
}

/// <summary>How many of each check a run made.</summary>
public sealed class FuzzCounters
{
    private long _analyzed;
    private long _fixChecked;
    private long _actionsApplied;
    private long _fixAllApplied;

    public long Analyzed => Interlocked.Read(ref _analyzed);

    public long FixChecked => Interlocked.Read(ref _fixChecked);

    public long ActionsApplied => Interlocked.Read(ref _actionsApplied);

    public long FixAllApplied => Interlocked.Read(ref _fixAllApplied);

    internal void CountAnalyzed(int mutants) => Interlocked.Add(ref _analyzed, mutants);

    internal void CountFixChecked(int mutants) => Interlocked.Add(ref _fixChecked, mutants);

    internal void CountAction() => Interlocked.Increment(ref _actionsApplied);

    internal void CountFixAll() => Interlocked.Increment(ref _fixAllApplied);

    private long _compileTicks;
    private long _generatorTicks;
    private long _analyzerTicks;
    private long _fixTicks;

    internal void Time(string stage, TimeSpan elapsed)
    {
        switch (stage)
        {
            case "compile": Interlocked.Add(ref _compileTicks, elapsed.Ticks); break;
            case "generator": Interlocked.Add(ref _generatorTicks, elapsed.Ticks); break;
            case "analyzers": Interlocked.Add(ref _analyzerTicks, elapsed.Ticks); break;
            default: Interlocked.Add(ref _fixTicks, elapsed.Ticks); break;
        }
    }

    /// <summary>Where the time went, summed over threads.</summary>
    public string Timings =>
        $"compile {TimeSpan.FromTicks(_compileTicks).TotalSeconds:F1} s, generator {TimeSpan.FromTicks(_generatorTicks).TotalSeconds:F1} s, " +
        $"analyzers {TimeSpan.FromTicks(_analyzerTicks).TotalSeconds:F1} s, fixes {TimeSpan.FromTicks(_fixTicks).TotalSeconds:F1} s";

    public override string ToString() =>
        $"{Analyzed} mutants through every analyzer and the generator, {FixChecked} of them also through every code fix offered ({ActionsApplied} code actions and {FixAllApplied} Fix All actions applied)";
}

/// <summary>
/// Runs one mutant through everything SafeShare ships, the way an IDE would: the generator (twice, from the
/// original text to the mutant), every analyzer over the compilation with the generated code, and — when asked —
/// every code action every code fix offers for every diagnostic it supports, plus Fix All per offer.
/// Everything is discovered by reflection, so analyzers and fixes added later are fuzzed without a change here.
/// </summary>
public static class FuzzRunner
{
    public static string PathOf(int file) => file == 0 ? "/0/Mutant.cs" : $"/0/Mutant{file}.cs";

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Discover<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(typeof(SafeShare.Analyzers.Generation.SafeShareGenerator).Assembly);

    public static ImmutableArray<ISourceGenerator> Generators { get; } = typeof(SafeShare.Analyzers.Generation.SafeShareGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => Activator.CreateInstance(t) switch
        {
            IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
            ISourceGenerator generator => generator,
            _ => throw new InvalidOperationException(t + " is not a generator"),
        })
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = Discover<CodeFixProvider, ExportCodeFixProviderAttribute>(typeof(SafeShare.CodeFixes.Classification.AddLawfulBasisCodeFixProvider).Assembly);

    private static readonly CSharpCompilationOptions CompilationOptions = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    // Every mutant's compilation is this one plus its tree, so the references are bound once, not per mutant.
    private static readonly Lazy<CSharpCompilation> EmptyCompilation = new(() =>
    {
        var empty = CSharpCompilation.Create("Fuzz", null, TestCompilation.References, CompilationOptions);
        _ = empty.GetTypeByMetadataName("SafeShare.PersonalDataAttribute");
        return empty;
    });

    private static ImmutableArray<T> Discover<T, TAttribute>(Assembly assembly)
        where TAttribute : Attribute =>
        assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<TAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Checks the mutant; an empty list means nothing threw.</summary>
    /// <param name="fixSample">
    /// At most this many diagnostics per code fix get their actions applied, and are given to Fix All (spread
    /// evenly); all when <see langword="null"/>. The batch Fix All merges one fix per diagnostic, which over the
    /// 5,000 diagnostics of a 20,000-line method takes a quarter of an hour: a test of the batch fixer, not of SafeShare.
    /// </param>
    public static async Task<IReadOnlyList<FuzzFailure>> CheckAsync(Mutant mutant, bool withFixes, FuzzCounters? counters = null, int? fixSample = null, CancellationToken cancellationToken = default)
    {
        var failures = new List<FuzzFailure>();
        try
        {
            await CheckCoreAsync(mutant, withFixes, fixSample, failures, counters ?? new FuzzCounters(), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The harness itself, or the host (the compiler, the workspace), failed on this input.
            failures.Add(new FuzzFailure("host", "roslyn", ex.ToString()));
        }

        return failures;
    }

    private static async Task CheckCoreAsync(Mutant mutant, bool withFixes, int? fixSample, List<FuzzFailure> failures, FuzzCounters counters, CancellationToken cancellationToken)
    {
        var files = mutant.Files.ToList();
        var additionalTexts = files.Select((f, i) => f.AppSettings is null ? null : new InMemoryAdditionalText(i == 0 ? "/0/appsettings.json" : $"/0/appsettings.{i}.json", f.AppSettings))
            .Where(t => t is not null).Cast<AdditionalText>().ToImmutableArray();

        AdhocWorkspace? workspace = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            CSharpCompilation compilation;
            var documentIds = new List<DocumentId>();
            if (withFixes)
            {
                workspace = new AdhocWorkspace();
                var projectId = ProjectId.CreateNewId();
                var solution = workspace.CurrentSolution
                    .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Fuzz", "Fuzz", LanguageNames.CSharp,
                        compilationOptions: CompilationOptions, parseOptions: TestCompilation.ParseOptions, metadataReferences: TestCompilation.References));
                for (var i = 0; i < files.Count; i++)
                {
                    var documentId = DocumentId.CreateNewId(projectId);
                    documentIds.Add(documentId);
                    solution = solution.AddDocument(documentId, PathOf(i).Substring(3), SourceText.From(files[i].Source, Encoding.UTF8), filePath: PathOf(i));
                }

                foreach (var text in additionalTexts)
                {
                    solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(text.Path), text.GetText(cancellationToken)!, filePath: text.Path);
                }

                if (!workspace.TryApplyChanges(solution))
                {
                    throw new InvalidOperationException("The workspace did not take the mutant.");
                }

                compilation = (CSharpCompilation)(await workspace.CurrentSolution.GetProject(projectId)!.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            }
            else
            {
                compilation = EmptyCompilation.Value.AddSyntaxTrees(files.Select((f, i) => Parse(f.Source, i)));
            }

            counters.Time("compile", clock.Elapsed);
            clock.Restart();
            var output = RunGenerators(files, compilation, additionalTexts, failures, cancellationToken);
            counters.Time("generator", clock.Elapsed);
            clock.Restart();
            var diagnostics = await RunAnalyzersAsync(output, additionalTexts, failures, cancellationToken).ConfigureAwait(false);
            counters.Time("analyzers", clock.Elapsed);
            clock.Restart();
            counters.CountAnalyzed(files.Count);

            if (workspace is not null)
            {
                foreach (var documentId in documentIds)
                {
                    var document = workspace.CurrentSolution.GetDocument(documentId)!;
                    var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                    var inDocument = diagnostics.Where(d => d.Location.SourceTree == tree && d.Id.StartsWith("SAFE", StringComparison.Ordinal)).ToImmutableArray();
                    await RunFixesAsync(document, inDocument, fixSample, failures, counters, cancellationToken).ConfigureAwait(false);
                }

                counters.CountFixChecked(files.Count);
                counters.Time("fixes", clock.Elapsed);
            }
        }
        finally
        {
            workspace?.Dispose();
        }
    }

    private static SyntaxTree Parse(string source, int file) =>
        CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), TestCompilation.ParseOptions, PathOf(file));

    private static Compilation RunGenerators(List<Mutant> files, CSharpCompilation compilation, ImmutableArray<AdditionalText> additionalTexts, List<FuzzFailure> failures, CancellationToken cancellationToken)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(Generators, additionalTexts, TestCompilation.ParseOptions);
        if (files.Any(f => f.Before is not null))
        {
            // The keystroke before: the same driver saw the original texts, so cached steps are compared with the mutants'.
            var trees = compilation.SyntaxTrees.ToList();
            var before = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(files.Select((f, i) => f.Before is { } text ? Parse(text, i) : trees[i]));

            driver = driver.RunGenerators(before, cancellationToken);
            Collect(driver.GetRunResult(), ImmutableArray<Diagnostic>.Empty, "generator (original)", failures);
        }

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, cancellationToken);
        Collect(driver.GetRunResult(), diagnostics, "generator", failures);
        if (files.Any(f => f.Before is not null) && !failures.Any(f => f.Stage.StartsWith("generator", StringComparison.Ordinal)))
        {
            // The generator reuses what it read before the keystroke: what it made must be what a fresh run makes.
            var fresh = CSharpGeneratorDriver.Create(Generators, additionalTexts, TestCompilation.ParseOptions).RunGenerators(compilation, cancellationToken).GetRunResult();
            if (Describe(fresh) is var expected && Describe(driver.GetRunResult()) is var actual && expected != actual)
            {
                failures.Add(new FuzzFailure("generator (incremental)", "SafeShareGenerator", $"the run after the edit differs from a fresh run:\n--- fresh\n{expected}\n--- incremental\n{actual}"));
            }
        }

        return output;
    }

    private static string Describe(GeneratorDriverRunResult run) =>
        string.Join("\n", run.Results.SelectMany(r => r.GeneratedSources).Select(s => $"{s.HintName}\n{s.SourceText}")) + "\n" +
        string.Join("\n", run.Diagnostics.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal));

    private static void Collect(GeneratorDriverRunResult run, ImmutableArray<Diagnostic> diagnostics, string stage, List<FuzzFailure> failures)
    {
        foreach (var result in run.Results.Where(r => r.Exception is not null))
        {
            failures.Add(new FuzzFailure(stage, result.Generator.GetGeneratorType().Name, result.Exception!.ToString()));
        }

        // CS8784: the generator failed to initialize; CS8785: it threw while generating.
        foreach (var diagnostic in diagnostics.Concat(run.Diagnostics).Where(d => d.Id is "CS8784" or "CS8785").Distinct())
        {
            if (!failures.Any(f => f.Stage == stage))
            {
                failures.Add(new FuzzFailure(stage, "compiler", diagnostic.ToString()));
            }
        }
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAnalyzersAsync(Compilation compilation, ImmutableArray<AdditionalText> additionalTexts, List<FuzzFailure> failures, CancellationToken cancellationToken)
    {
        var thrown = new ConcurrentQueue<FuzzFailure>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalTexts),
            onAnalyzerException: (ex, analyzer, _) => thrown.Enqueue(new FuzzFailure("analyzer", analyzer.GetType().Name, ex.ToString())),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        failures.AddRange(thrown);
        foreach (var ad0001 in diagnostics.Where(d => d.Id == "AD0001"))
        {
            if (thrown.IsEmpty)
            {
                failures.Add(new FuzzFailure("analyzer", "AD0001", ad0001.GetMessage()));
            }
        }

        return diagnostics;
    }

    private static async Task RunFixesAsync(Document document, ImmutableArray<Diagnostic> diagnostics, int? fixSample, List<FuzzFailure> failures, FuzzCounters counters, CancellationToken cancellationToken)
    {
        foreach (var provider in CodeFixes)
        {
            var fixable = diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            var equivalenceKeys = new SortedSet<string>(StringComparer.Ordinal);
            var sampled = fixSample is { } n && fixable.Length > n
                ? Enumerable.Range(0, n).Select(i => fixable[(int)((long)i * (fixable.Length - 1) / Math.Max(1, n - 1))]).Distinct().ToImmutableArray()
                : fixable;
            foreach (var diagnostic in sampled)
            {
                var actions = new List<CodeAction>();
                try
                {
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                    await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures.Add(new FuzzFailure("fix (register)", provider.GetType().Name, $"{ex}\n-- for {Describe(diagnostic)}"));
                    continue;
                }

                foreach (var action in Flatten(actions))
                {
                    if (action.EquivalenceKey is { } key)
                    {
                        equivalenceKeys.Add(key);
                    }

                    await ApplyAsync(action, document, $"fix '{action.Title}' for {Describe(diagnostic)}", "fix (apply)", provider, failures, cancellationToken).ConfigureAwait(false);
                    counters.CountAction();
                }
            }

            if (fixable.IsEmpty || provider.GetFixAllProvider() is not { } fixAll)
            {
                continue;
            }

            foreach (var key in equivalenceKeys)
            {
                try
                {
                    var context = new FixAllContext(document, provider, FixAllScope.Document, key, provider.FixableDiagnosticIds, new KnownDiagnostics(sampled), cancellationToken);
                    if (await fixAll.GetFixAsync(context).ConfigureAwait(false) is { } action)
                    {
                        await ApplyAsync(action, document, $"Fix All '{key}'", "fix-all (apply)", provider, failures, cancellationToken).ConfigureAwait(false);
                        counters.CountFixAll();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures.Add(new FuzzFailure("fix-all", provider.GetType().Name, $"{ex}\n-- for Fix All '{key}'"));
                }
            }
        }
    }

    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions) =>
        actions.SelectMany(a => a.NestedActions.IsDefaultOrEmpty ? new[] { a } : Flatten(a.NestedActions));

    /// <summary>
    /// Applies a code action the way an IDE does: its operations are computed (which runs the fix, then the
    /// import adder, simplifier and formatter), and each changed document of the resulting solution is
    /// materialised — text and tree — which is what the workspace writes back. The workspace itself is not
    /// advanced, so every action offered for a diagnostic applies to the same original document.
    /// </summary>
    private static async Task ApplyAsync(CodeAction action, Document document, string what, string stage, CodeFixProvider provider, List<FuzzFailure> failures, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is not ApplyChangesOperation apply)
                {
                    continue;
                }

                foreach (var change in apply.ChangedSolution.GetChanges(document.Project.Solution).GetProjectChanges())
                {
                    foreach (var id in change.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Concat(change.GetAddedDocuments()))
                    {
                        var changed = change.NewProject.GetDocument(id)!;
                        await changed.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failures.Add(new FuzzFailure(stage, provider.GetType().Name, $"{ex}\n-- applying {what}"));
        }
    }

    private static string Describe(Diagnostic diagnostic) => $"{diagnostic.Id} at {diagnostic.Location.SourceSpan}";

    /// <summary>Gives Fix All the diagnostics already found, as the IDE's diagnostic service would.</summary>
    private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
