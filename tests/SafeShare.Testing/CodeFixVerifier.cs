using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace SafeShare.Testing;

/// <summary>
/// Applies a code fix to markup sources and compares the result with the expected source — like
/// <c>CSharpCodeFixVerifier&lt;TAnalyzer, TCodeFix&gt;</c> of Microsoft.CodeAnalysis.Testing, with the same
/// markup: <c>[|...|]</c> for the analyzer's first rule, <c>{|SAFE001:...|}</c> for a named one.
/// </summary>
/// <remarks>
/// <para>
/// The sources go into an <see cref="AdhocWorkspace"/> project built the way <see cref="TestCompilation"/>
/// builds compilations. Before the fix, the analyzer must report exactly at the marked spans. The chosen
/// code action is applied through <see cref="CodeAction.GetOperationsAsync(CancellationToken)"/>, so the
/// simplifier, import adder and formatter run as they do in an IDE.
/// </para>
/// <para>
/// The expected source may carry markup too: the diagnostics the analyzer should still report after the
/// fix (for instance the SAFE006 that a Schedule 1 Part 2 condition brings). After the fix the analyzer
/// must no longer report at any place that was fixed, must report exactly at the spans marked in the
/// expected source, and the result must compile without errors.
/// </para>
/// </remarks>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// Applies the code action with <paramref name="equivalenceKey"/> (or the first one offered) to each
    /// fixable diagnostic in turn, re-running the analyzer after each, as the Testing library does by default.
    /// </summary>
    public static Task VerifyCodeFixAsync(string markupBefore, string expectedAfter, string? equivalenceKey = null) =>
        VerifyCodeFixCoreAsync(new[] { markupBefore }, new[] { expectedAfter }, equivalenceKey, codeActionIndex: null);

    /// <summary>Applies the code action at <paramref name="codeActionIndex"/> among those offered for each fixable diagnostic.</summary>
    public static Task VerifyCodeFixAsync(string markupBefore, string expectedAfter, int codeActionIndex) =>
        VerifyCodeFixCoreAsync(new[] { markupBefore }, new[] { expectedAfter }, equivalenceKey: null, codeActionIndex);

    /// <summary>As <see cref="VerifyCodeFixAsync(string, string, string?)"/>, over several documents of one project (partial types).</summary>
    public static Task VerifyCodeFixAsync(string[] markupBefore, string[] expectedAfter, string? equivalenceKey = null) =>
        VerifyCodeFixCoreAsync(markupBefore, expectedAfter, equivalenceKey, codeActionIndex: null);

    /// <summary>
    /// Asserts the analyzer reports where the markup says and the fix offers nothing for any of it.
    /// <paramref name="compilerErrors"/> names the compiler errors half-typed code is expected to have.
    /// </summary>
    public static async Task VerifyNoCodeFixAsync(string markup, params string[] compilerErrors)
    {
        using var workspace = new AdhocWorkspace();
        var solution = await CreateSolutionAsync(workspace, new[] { new[] { markup } }, compilerErrors);
        var provider = new TCodeFix();
        var checkedDiagnostics = 0;
        foreach (var document in solution.Projects.SelectMany(p => p.Documents))
        {
            foreach (var diagnostic in await GetFixableDiagnosticsAsync(document, provider, compilerErrors))
            {
                var actions = await GetActionsAsync(document, diagnostic, provider);
                Assert.True(actions.Count == 0, $"Expected no code fix for {Describe(diagnostic)}, but got: {string.Join(", ", actions.Select(a => $"'{a.Title}' ({a.EquivalenceKey})"))}");
                checkedDiagnostics++;
            }
        }

        // Without a diagnostic the fix could fix, "no fix offered" would pass for any fix at all.
        Assert.True(checkedDiagnostics > 0, "The analyzer reported nothing the fix could fix, so the absence of a fix proves nothing.");
    }

    /// <summary>Asserts the titles and equivalence keys of the code actions offered for the single fixable diagnostic.</summary>
    public static async Task VerifyOfferedActionsAsync(string markup, params (string Title, string EquivalenceKey)[] expected)
    {
        using var workspace = new AdhocWorkspace();
        var solution = await CreateSolutionAsync(workspace, new[] { new[] { markup } });
        var provider = new TCodeFix();
        var document = solution.Projects.Single().Documents.First();
        var diagnostic = Assert.Single(await GetFixableDiagnosticsAsync(document, provider));
        var actions = await GetActionsAsync(document, diagnostic, provider);
        Assert.Equal(expected, actions.Select(a => (a.Title, a.EquivalenceKey ?? string.Empty)).ToArray());
    }

    /// <summary>Fix All over one project's documents, in <see cref="FixAllScope.Document"/>, <see cref="FixAllScope.Project"/> or <see cref="FixAllScope.Solution"/> scope.</summary>
    public static Task VerifyFixAllAsync(string[] markupBefore, string[] expectedAfter, FixAllScope scope, string equivalenceKey) =>
        VerifyFixAllAsync(new[] { markupBefore }, new[] { expectedAfter }, scope, equivalenceKey);

    /// <summary>
    /// Fix All over a solution of several projects (each an array of documents). Document scope fixes the first
    /// document with a fixable diagnostic, project scope that document's project, solution scope every project.
    /// </summary>
    public static async Task VerifyFixAllAsync(string[][] projectsBefore, string[][] projectsAfter, FixAllScope scope, string equivalenceKey)
    {
        Assert.Equal(projectsBefore.Length, projectsAfter.Length);
        using var workspace = new AdhocWorkspace();
        var solution = await CreateSolutionAsync(workspace, projectsBefore);
        var provider = new TCodeFix();
        var fixAllProvider = provider.GetFixAllProvider();
        Assert.True(fixAllProvider is not null, $"{typeof(TCodeFix).Name} has no Fix All provider.");
        Assert.Contains(scope, fixAllProvider!.GetSupportedFixAllScopes());

        // Fix All starts, as in the IDE, from one diagnostic whose code action has the equivalence key.
        Document? trigger = null;
        var fixedBefore = new List<(DocumentId Document, Diagnostic Diagnostic)>();
        foreach (var document in solution.Projects.SelectMany(p => p.Documents))
        {
            foreach (var diagnostic in await GetFixableDiagnosticsAsync(document, provider))
            {
                var actions = await GetActionsAsync(document, diagnostic, provider);
                if (actions.Any(a => a.EquivalenceKey == equivalenceKey))
                {
                    trigger ??= document;
                    fixedBefore.Add((document.Id, diagnostic));
                }
            }
        }

        Assert.True(trigger is not null, $"No diagnostic offers a code action with equivalence key '{equivalenceKey}'.");
        var diagnosticProvider = new AnalyzerDiagnosticProvider(new TAnalyzer());
        var context = new FixAllContext(trigger!, provider, scope, equivalenceKey, provider.FixableDiagnosticIds, diagnosticProvider, CancellationToken.None);
        var fixAll = await fixAllProvider.GetFixAsync(context);
        Assert.True(fixAll is not null, "The Fix All provider returned no code action.");

        var changed = await ApplyAsync(fixAll!, solution);
        var inScope = scope switch
        {
            FixAllScope.Document => fixedBefore.Where(f => f.Document == trigger!.Id),
            FixAllScope.Project => fixedBefore.Where(f => f.Document.ProjectId == trigger!.Project.Id),
            _ => fixedBefore,
        };
        await VerifyResultAsync(solution, changed, projectsAfter, inScope.ToList());
    }

    private static async Task VerifyCodeFixCoreAsync(string[] markupBefore, string[] expectedAfter, string? equivalenceKey, int? codeActionIndex)
    {
        Assert.Equal(markupBefore.Length, expectedAfter.Length);
        using var workspace = new AdhocWorkspace();
        var original = await CreateSolutionAsync(workspace, new[] { markupBefore });
        var provider = new TCodeFix();
        var solution = original;
        var fixedPlaces = new List<(DocumentId Document, Diagnostic Diagnostic)>();

        var initialCount = 0;
        foreach (var document in original.Projects.SelectMany(p => p.Documents))
        {
            initialCount += (await GetFixableDiagnosticsAsync(document, provider)).Length;
        }

        Assert.True(initialCount > 0, "The markup has no diagnostic the code fix can fix.");

        // Fix one diagnostic at a time, as a developer would, until no fixable diagnostic offers the action.
        for (var iteration = 0; iteration < initialCount; iteration++)
        {
            var applied = false;
            foreach (var document in solution.Projects.SelectMany(p => p.Documents))
            {
                foreach (var diagnostic in await GetFixableDiagnosticsAsync(document, provider))
                {
                    var actions = await GetActionsAsync(document, diagnostic, provider);
                    var action = equivalenceKey is not null
                        ? actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey)
                        : codeActionIndex is { } index ? (index < actions.Count ? actions[index] : null) : actions.FirstOrDefault();
                    if (action is null)
                    {
                        continue;
                    }

                    // Remember where the diagnostic was in the original text, to check it has gone.
                    fixedPlaces.Add((document.Id, await MapToOriginalAsync(original, document, diagnostic)));
                    solution = await ApplyAsync(action, solution);
                    applied = true;
                    break;
                }

                if (applied)
                {
                    break;
                }
            }

            if (!applied)
            {
                break;
            }
        }

        Assert.True(fixedPlaces.Count > 0, equivalenceKey is not null
            ? $"No code action with equivalence key '{equivalenceKey}' was offered."
            : $"No code action{(codeActionIndex is { } i ? $" at index {i}" : string.Empty)} was offered.");
        await VerifyResultAsync(original, solution, new[] { expectedAfter }, fixedPlaces);
    }

    // Compares the changed documents with the expected text, then re-runs the analyzer on the result.
    private static async Task VerifyResultAsync(Solution original, Solution changed, string[][] projectsAfter, IReadOnlyList<(DocumentId Document, Diagnostic Diagnostic)> fixedPlaces)
    {
        var analyzer = new TAnalyzer();
        var defaultId = analyzer.SupportedDiagnostics[0].Id;
        var projects = original.ProjectIds.ToList();
        var failures = new StringBuilder();
        for (var p = 0; p < projects.Count; p++)
        {
            var project = changed.GetProject(projects[p])!;
            var documents = original.GetProject(projects[p])!.DocumentIds.Select(id => changed.GetDocument(id)!).ToList();
            Assert.Equal(projectsAfter[p].Length, documents.Count);

            var expected = projectsAfter[p].Select(Markup.Parse).ToList();
            for (var d = 0; d < documents.Count; d++)
            {
                var actual = (await documents[d].GetTextAsync()).ToString();
                if (Normalize(actual) != Normalize(expected[d].Source))
                {
                    failures.AppendLine($"Document {documents[d].Name} of project {project.Name} differs from the expected source (- expected, + actual):");
                    failures.AppendLine(Diff(Normalize(expected[d].Source), Normalize(actual)));
                }
            }

            if (failures.Length > 0)
            {
                continue;
            }

            var compilation = (await project.GetCompilationAsync())!;
            var diagnostics = await AnalyzerVerifier<TAnalyzer>.GetDiagnosticsAsync(compilation, analyzer);
            var trees = documents.Select(d => d.GetSyntaxTreeAsync().Result!).ToList();

            foreach (var (documentId, before) in fixedPlaces.Where(f => f.Document.ProjectId == projects[p]))
            {
                var oldText = await original.GetDocument(documentId)!.GetTextAsync();
                var newText = await changed.GetDocument(documentId)!.GetTextAsync();
                var at = MapSpan(before.Location.SourceSpan, newText.GetTextChanges(oldText));
                var tree = await changed.GetDocument(documentId)!.GetSyntaxTreeAsync();
                if (diagnostics.Any(a => a.Id == before.Id && a.Location.SourceTree == tree && a.Location.SourceSpan == at))
                {
                    failures.AppendLine($"{before.Id} is still reported at the fixed place '{newText.ToString(at)}' {at}.");
                }
            }

            var expectedSpans = expected
                .SelectMany((e, file) => e.Spans.Select(s => (File: file, s.Span, Id: s.Id ?? defaultId)))
                .OrderBy(e => e.File).ThenBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            var actualSpans = diagnostics
                .Select(a => (File: trees.IndexOf(a.Location.SourceTree!), a.Location.SourceSpan, a.Id))
                .OrderBy(e => e.File).ThenBy(e => e.SourceSpan.Start).ThenBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            if (!expectedSpans.SequenceEqual(actualSpans))
            {
                failures.AppendLine($"After the fix, project {project.Name}: the analyzer should report only at the spans marked in the expected source.");
                failures.AppendLine("Expected:");
                foreach (var e in expectedSpans)
                {
                    failures.AppendLine($"  {e.Id} file {e.File} '{expected[e.File].Source.Substring(e.Span.Start, e.Span.Length)}' {e.Span}");
                }

                failures.AppendLine("Actual:");
                foreach (var a in diagnostics.OrderBy(a => a.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(a => a.Location.SourceSpan.Start))
                {
                    failures.AppendLine("  " + Describe(a));
                }
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    private static async Task<Solution> CreateSolutionAsync(AdhocWorkspace workspace, string[][] projects, params string[] compilerErrors)
    {
        var solution = workspace.CurrentSolution;
        var parsed = new List<(ProjectId Project, IReadOnlyList<ExpectedSpan>[] Spans)>();
        for (var p = 0; p < projects.Length; p++)
        {
            var name = p == 0 ? "TestProject" : $"TestProject{p}";
            var projectId = ProjectId.CreateNewId(name);
            solution = solution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                name,
                name,
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: TestCompilation.ParseOptions,
                metadataReferences: TestCompilation.References));

            var spans = new IReadOnlyList<ExpectedSpan>[projects[p].Length];
            for (var d = 0; d < projects[p].Length; d++)
            {
                var (source, marked) = Markup.Parse(projects[p][d]);
                spans[d] = marked;
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Test{d}.cs", SourceText.From(source), filePath: $"/{p}/Test{d}.cs");
            }

            parsed.Add((projectId, spans));
        }

        // Before anything is fixed, the analyzer must report exactly where the markup says.
        var analyzer = new TAnalyzer();
        var defaultId = analyzer.SupportedDiagnostics[0].Id;
        foreach (var (projectId, spans) in parsed)
        {
            var project = solution.GetProject(projectId)!;
            var trees = project.DocumentIds.Select(id => solution.GetDocument(id)!.GetSyntaxTreeAsync().Result!).ToList();
            var diagnostics = await AnalyzerVerifier<TAnalyzer>.GetDiagnosticsAsync((await project.GetCompilationAsync())!, analyzer, compilerErrors);
            var expected = spans
                .SelectMany((marked, file) => marked.Select(s => (File: file, s.Span, Id: s.Id ?? defaultId)))
                .OrderBy(e => e.File).ThenBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            var actual = diagnostics
                .Select(d => (File: trees.IndexOf(d.Location.SourceTree!), d.Location.SourceSpan, d.Id))
                .OrderBy(e => e.File).ThenBy(e => e.SourceSpan.Start).ThenBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            if (!expected.SequenceEqual(actual))
            {
                var text = new StringBuilder($"Before the fix, project {project.Name}: the analyzer should report exactly at the marked spans.\nExpected:\n");
                foreach (var e in expected)
                {
                    text.AppendLine($"  {e.Id} file {e.File} '{trees[e.File].GetText().ToString(e.Span)}' {e.Span}");
                }

                text.AppendLine("Actual:");
                foreach (var d in diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
                {
                    text.AppendLine("  " + Describe(d));
                }

                Assert.Fail(text.ToString());
            }
        }

        return solution;
    }

    private static async Task<ImmutableArray<Diagnostic>> GetFixableDiagnosticsAsync(Document document, CodeFixProvider provider, params string[] compilerErrors)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = await document.GetSyntaxTreeAsync();
        var diagnostics = await AnalyzerVerifier<TAnalyzer>.GetDiagnosticsAsync(compilation, new TAnalyzer(), compilerErrors);
        return diagnostics
            .Where(d => d.Location.SourceTree == tree && provider.FixableDiagnosticIds.Contains(d.Id))
            .ToImmutableArray();
    }

    private static async Task<List<CodeAction>> GetActionsAsync(Document document, Diagnostic diagnostic, CodeFixProvider provider)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    // GetOperationsAsync runs the post-processing (import adder, simplifier, formatter) an IDE runs.
    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault();
        Assert.True(apply is not null, $"Code action '{action.Title}' produced no single ApplyChangesOperation.");
        return apply!.ChangedSolution;
    }

    // The span of a diagnostic found in a partly fixed document, carried back to the original text.
    private static async Task<Diagnostic> MapToOriginalAsync(Solution original, Document current, Diagnostic diagnostic)
    {
        var originalDocument = original.GetDocument(current.Id)!;
        var originalText = await originalDocument.GetTextAsync();
        var currentText = await current.GetTextAsync();
        var changes = currentText.GetTextChanges(originalText);
        var span = diagnostic.Location.SourceSpan;
        var delta = 0;
        foreach (var change in changes.OrderBy(c => c.Span.Start))
        {
            var newStart = change.Span.Start + delta;
            if (newStart + change.NewText!.Length <= span.Start)
            {
                delta += change.NewText.Length - change.Span.Length;
            }
        }

        var tree = (await originalDocument.GetSyntaxTreeAsync())!;
        var location = Location.Create(tree, new TextSpan(span.Start - delta, span.Length));
        return Diagnostic.Create(diagnostic.Descriptor, location);
    }

    // Where a span of the old text lies in the new text, given the changes between them.
    private static TextSpan MapSpan(TextSpan span, IEnumerable<TextChange> changes)
    {
        var delta = 0;
        foreach (var change in changes.OrderBy(c => c.Span.Start))
        {
            if (change.Span.End <= span.Start)
            {
                delta += change.NewText!.Length - change.Span.Length;
            }
        }

        return new TextSpan(span.Start + delta, span.Length);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        var text = tree is null ? string.Empty : tree.GetText().ToString(diagnostic.Location.SourceSpan);
        return $"{diagnostic.Id} {tree?.FilePath} '{text}' {diagnostic.Location.SourceSpan}: {diagnostic.GetMessage()}";
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace("\r", "\n");

    // A line diff (longest common subsequence) with two lines of context, readable in a test log.
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }

        var output = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var near = Enumerable.Range(Math.Max(0, i - 2), Math.Min(lines.Count, i + 3) - Math.Max(0, i - 2)).Any(k => lines[k].Kind != ' ');
            if (near)
            {
                output.Append(lines[i].Kind).Append(' ').AppendLine(lines[i].Text.Replace("\t", "→"));
            }
            else if (i > 0 && output.Length > 0 && !output.ToString().EndsWith("...\n", StringComparison.Ordinal))
            {
                output.AppendLine("...");
            }
        }

        return output.ToString();
    }

    /// <summary>Gives Fix All the analyzer's diagnostics, per document or per project, as the IDE's diagnostic service would.</summary>
    private sealed class AnalyzerDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly DiagnosticAnalyzer _analyzer;

        public AnalyzerDiagnosticProvider(DiagnosticAnalyzer analyzer) => _analyzer = analyzer;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await GetAllDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree == tree);
        }

        // Diagnostics not tied to a document (none of SafeShare's classification rules has any).
        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await GetAllDiagnosticsAsync(project, cancellationToken)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken);
            return await AnalyzerVerifier<TAnalyzer>.GetDiagnosticsAsync(compilation!, _analyzer);
        }
    }
}
