using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Analyzers.Generation;

/// <summary>Everything the generator reads from a compilation: plain values with value equality.</summary>
/// <param name="Shares">Each method carrying [Share], parsed, in file and document order.</param>
/// <param name="Retention">Each partial type carrying [RetainUntil] whose rule resolved.</param>
/// <param name="Types">Each type declaration holding personal data, described (a partial type once per marked part).</param>
internal sealed record AnalysisModel(EquatableArray<ShareResult> Shares, EquatableArray<RetentionModel> Retention, EquatableArray<InventoryType> Types)
{
    public static AnalysisModel Empty { get; } = new(EquatableArray<ShareResult>.Empty, EquatableArray<RetentionModel>.Empty, EquatableArray<InventoryType>.Empty);
}

/// <summary>
/// The generator's semantic work, done again only where an edit can have changed its result.
/// </summary>
/// <remarks>
/// <para>
/// Roslyn re-runs every semantic transform (<c>ForAttributeWithMetadataName</c>'s and <c>CreateSyntaxProvider</c>'s)
/// for every matching node on each new compilation, so one keystroke in any file cost about a third of a full
/// run (issue 6). Here the results of the previous run are kept, per syntax tree, with the trees each result
/// was read from, and each run does only this:
/// </para>
/// <list type="number">
/// <item>Trees the compilation still holds (the same instances: an unchanged file keeps its tree) keep their
/// candidates, found once from syntax (<see cref="TreeCandidates"/>).</item>
/// <item>When every changed file still declares the same things (<see cref="DeclarationSkeleton"/>: only bodies,
/// initialisers or private constants changed), with the same references and options, only the declarations in the
/// changed files, and those whose type has a part in them, are read again. A body edit in an unrelated file
/// reads nothing.</item>
/// <item>Otherwise (a declaration, a file, a reference or an option changed) every candidate is read again, as
/// on the first run, against the new compilation.</item>
/// </list>
/// <para>
/// The results hold no symbol, syntax or compilation; the state kept between runs holds the current trees and
/// the candidate nodes in them. One instance belongs to one pipeline (one generator driver), and a run may
/// overlap another: each run reads a published snapshot and publishes a new one, and every check is made
/// against its own compilation, so the result never depends on which snapshot it started from.
/// </para>
/// </remarks>
internal sealed class IncrementalAnalysis
{
    private readonly bool _syntaxReader;
    private Snapshot? _last;

    /// <param name="syntaxReader">Whether the common case of an inventory entry is read from syntax (<see cref="SyntaxInventory"/>);
    /// false reads every declaration semantically, which the tests compare it with.</param>
    public IncrementalAnalysis(bool syntaxReader = true) => _syntaxReader = syntaxReader;

    /// <summary>How many declarations the last run on this thread read (from syntax or semantically): for tests.</summary>
    [System.ThreadStatic]
    private static int s_readOnThisThread;

    internal static int ReadOnThisThread => s_readOnThisThread;

    public AnalysisModel Analyze(Compilation compilation, CancellationToken cancellationToken)
    {
        s_readOnThisThread = 0;
        var previous = Volatile.Read(ref _last);
        var trees = compilation.SyntaxTrees.ToList();
        var changedBefore = new HashSet<SyntaxTree>();
        var reuse = previous is not null && SameContext(previous, compilation) && OnlyBodiesChanged(previous, trees, changedBefore, cancellationToken);
        if (reuse && changedBefore.Count == 0 && trees.SequenceEqual(previous!.Order))
        {
            return previous.Model;
        }

        var reader = new Reader(compilation, _syntaxReader, cancellationToken);
        var entries = new Dictionary<SyntaxTree, TreeEntry>(trees.Count);
        // Each tree's entry from the previous run (null for a new tree): its candidates are reused whatever changed,
        // its results only when the edit was body-only and they do not depend on a changed tree.
        var known = new TreeEntry?[trees.Count];
        var candidates = new TreeCandidates[trees.Count];
        for (var i = 0; i < trees.Count; i++)
        {
            known[i] = previous is not null && previous.Entries.TryGetValue(trees[i], out var entry) ? entry : null;
            candidates[i] = known[i]?.Candidates ?? TreeCandidates.Read(trees[i], cancellationToken);
        }

        var globalAliases = reuse ? previous!.GlobalAliases : GlobalAliasesOf(candidates);
        var shares = new List<ShareResult>();
        var retention = new List<RetentionModel>();
        var types = new List<InventoryType>();
        for (var i = 0; i < trees.Count; i++)
        {
            var old = reuse ? known[i] : null;
            var methodResults = new MethodResult[candidates[i].Methods.Length];
            for (var m = 0; m < methodResults.Length; m++)
            {
                methodResults[m] = old is not null && !old.Methods[m].DependsOn(changedBefore) ? old.Methods[m] : reader.Method(candidates[i].Methods[m], globalAliases);
                if (methodResults[m].Share is { } share)
                {
                    shares.Add(share);
                }
            }

            var typeResults = new TypeResult[candidates[i].Types.Length];
            for (var t = 0; t < typeResults.Length; t++)
            {
                typeResults[t] = old is not null && !old.Types[t].DependsOn(changedBefore) ? old.Types[t] : reader.Type(candidates[i].Types[t], globalAliases);
                if (typeResults[t].Retention is { } rule)
                {
                    retention.Add(rule);
                }

                if (typeResults[t].Inventory is { } entry)
                {
                    types.Add(entry);
                }
            }

            entries[trees[i]] = new TreeEntry(candidates[i], methodResults, typeResults);
        }

        var model = new AnalysisModel(shares.ToEquatableArray(), retention.ToEquatableArray(), types.ToEquatableArray());
        if (previous is not null && model.Equals(previous.Model))
        {
            // The same value object as before, so that the next step's comparison is by reference.
            model = previous.Model;
        }

        Volatile.Write(ref _last, new Snapshot(compilation.ExternalReferences, compilation.Options, compilation.AssemblyName, trees.ToImmutableArray(), entries, globalAliases, model));
        return model;
    }

    private static bool SameContext(Snapshot previous, Compilation compilation) =>
        previous.AssemblyName == compilation.AssemblyName &&
        (ReferenceEquals(previous.Options, compilation.Options) || previous.Options.Equals(compilation.Options)) &&
        previous.References.SequenceEqual(compilation.ExternalReferences);

    /// <summary>
    /// Whether every file that changed since the previous run still declares the same things; the old trees of
    /// the changed files are collected. A file added or removed, or two changed files with one path, counts as a
    /// declaration change.
    /// </summary>
    private static bool OnlyBodiesChanged(Snapshot previous, List<SyntaxTree> trees, HashSet<SyntaxTree> changedBefore, CancellationToken cancellationToken)
    {
        var current = new HashSet<SyntaxTree>(trees);
        var added = new Dictionary<string, SyntaxTree>();
        foreach (var tree in trees)
        {
            if (!previous.Entries.ContainsKey(tree))
            {
                if (added.ContainsKey(tree.FilePath))
                {
                    return false;
                }

                added.Add(tree.FilePath, tree);
            }
        }

        var removed = 0;
        foreach (var tree in previous.Order)
        {
            if (current.Contains(tree))
            {
                continue;
            }

            removed++;
            if (!added.TryGetValue(tree.FilePath, out var after) || !changedBefore.Add(tree) || !DeclarationSkeleton.Same(tree, after, cancellationToken))
            {
                return false;
            }
        }

        return removed == added.Count;
    }

    private static EquatableArray<string> GlobalAliasesOf(TreeCandidates[] candidates) =>
        candidates.SelectMany(c => c.GlobalAliases).Distinct(System.StringComparer.Ordinal).OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray();

    /// <summary>Reads candidates against one compilation; the SafeShare symbols and semantic models are made on first use.</summary>
    private sealed class Reader
    {
        private readonly Compilation _compilation;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();
        private readonly bool _syntaxReader;
        private bool _resolved;
        private SafeShareSymbols? _symbols;
        private SyntaxInventory? _syntaxInventory;

        public Reader(Compilation compilation, bool syntaxReader, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _syntaxReader = syntaxReader;
            _cancellationToken = cancellationToken;
        }

        public MethodResult Method(MethodDeclarationSyntax syntax, EquatableArray<string> globalAliases)
        {
            if (!SafeShareGenerator.MayCarry(syntax, syntax.AttributeLists, SafeShareGenerator.ShareNames, globalAliases))
            {
                return new MethodResult(null, ImmutableArray.Create(syntax.SyntaxTree));
            }

            s_readOnThisThread++;
            if (_syntaxReader && Symbols() is { Share: not null } known && SyntaxInventoryFor(known, globalAliases).TryShare(syntax, out var fromSyntax))
            {
                return new MethodResult(fromSyntax, ImmutableArray.Create(syntax.SyntaxTree));
            }

            if (Symbols() is not { Share: { } shareType } symbols || Model(syntax.SyntaxTree).GetDeclaredSymbol(syntax, _cancellationToken) is not IMethodSymbol method)
            {
                return new MethodResult(null, ImmutableArray.Create(syntax.SyntaxTree));
            }

            var dependencies = Dependencies(method.ContainingType, syntax.SyntaxTree);
            return AppliedHere(method, shareType, syntax.AttributeLists) is { } attribute
                ? new MethodResult(ShareParser.Parse(method, syntax, attribute, symbols, _syntaxReader ? SyntaxInventoryFor(symbols, globalAliases) : null), dependencies)
                : new MethodResult(null, dependencies);
        }

        public TypeResult Type(TypeDeclarationSyntax syntax, EquatableArray<string> globalAliases)
        {
            var mayHold = SafeShareGenerator.MayHoldPersonalData(syntax, globalAliases);
            var mayRetain = SafeShareGenerator.MayCarry(syntax, syntax.AttributeLists, SafeShareGenerator.RetainUntilNames, globalAliases);
            if (!mayHold && !mayRetain)
            {
                return new TypeResult(null, null, ImmutableArray.Create(syntax.SyntaxTree));
            }

            s_readOnThisThread++;
            if (Symbols() is not { } symbols)
            {
                return new TypeResult(null, null, ImmutableArray.Create(syntax.SyntaxTree));
            }

            // The common case from syntax: a plain type in one declaration whose attributes need no binding (a partial one's
            // retention model too).
            if (mayHold && _syntaxReader && SyntaxInventoryFor(symbols, globalAliases).TryDescribe(syntax, out var fromSyntax, out var retained))
            {
                return new TypeResult(fromSyntax, retained, ImmutableArray.Create(syntax.SyntaxTree));
            }

            if (Model(syntax.SyntaxTree).GetDeclaredSymbol(syntax, _cancellationToken) is not INamedTypeSymbol type)
            {
                return new TypeResult(null, null, ImmutableArray.Create(syntax.SyntaxTree));
            }

            var inventory = mayHold ? InventoryParser.Describe(type, new Classification.DataClassification(symbols), _cancellationToken) : null;
            var retention = mayRetain && symbols.RetainUntil is { } retainUntil && AppliedHere(type, retainUntil, syntax.AttributeLists) is not null
                ? SafeShareGenerator.ParseRetention(type, syntax, symbols)
                : null;
            return new TypeResult(inventory, retention, Dependencies(type, syntax.SyntaxTree));
        }

        private SyntaxInventory SyntaxInventoryFor(SafeShareSymbols symbols, EquatableArray<string> globalAliases) =>
            _syntaxInventory ??= new SyntaxInventory(_compilation, symbols, globalAliases, Model, _cancellationToken);

        private SafeShareSymbols? Symbols()
        {
            if (!_resolved)
            {
                _symbols = SafeShareSymbols.TryCreate(_compilation);
                _resolved = true;
            }

            return _symbols;
        }

        private SemanticModel Model(SyntaxTree tree)
        {
            if (!_models.TryGetValue(tree, out var model))
            {
                model = _compilation.GetSemanticModel(tree);
                _models.Add(tree, model);
            }

            return model;
        }

        // The first attribute of the given class written in these lists (not on another part of a partial declaration).
        private static AttributeData? AppliedHere(ISymbol symbol, INamedTypeSymbol attributeType, SyntaxList<AttributeListSyntax> lists)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (SafeShareSymbols.Is(attribute, attributeType) && attribute.ApplicationSyntaxReference is { } reference &&
                    lists.Any(list => list.SyntaxTree == reference.SyntaxTree && list.Span.Contains(reference.Span)))
                {
                    return attribute;
                }
            }

            return null;
        }

        // What a result can read that a body-only edit elsewhere could change: the private constants of its type and
        // of the types enclosing it, wherever their parts are declared. Any other change is a declaration change.
        private static ImmutableArray<SyntaxTree> Dependencies(INamedTypeSymbol? type, SyntaxTree own)
        {
            var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
            trees.Add(own);
            for (var t = type; t is not null; t = t.ContainingType)
            {
                foreach (var reference in t.DeclaringSyntaxReferences)
                {
                    if (!trees.Contains(reference.SyntaxTree))
                    {
                        trees.Add(reference.SyntaxTree);
                    }
                }
            }

            return trees.ToImmutable();
        }
    }

    /// <summary>A result and the trees it was read from that a body-only edit could still affect.</summary>
    private abstract record Result(ImmutableArray<SyntaxTree> Dependencies)
    {
        public bool DependsOn(HashSet<SyntaxTree> changed)
        {
            if (changed.Count == 0)
            {
                return false;
            }

            foreach (var tree in Dependencies)
            {
                if (changed.Contains(tree))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed record MethodResult(ShareResult? Share, ImmutableArray<SyntaxTree> Dependencies) : Result(Dependencies);

    private sealed record TypeResult(InventoryType? Inventory, RetentionModel? Retention, ImmutableArray<SyntaxTree> Dependencies) : Result(Dependencies);

    /// <summary>One file's candidates and what was read from each (aligned with the candidates' lists).</summary>
    private sealed record TreeEntry(TreeCandidates Candidates, MethodResult[] Methods, TypeResult[] Types);

    /// <summary>What a run published: its compilation's context, trees in order, what each tree gave, and the model.</summary>
    private sealed record Snapshot(
        ImmutableArray<MetadataReference> References,
        CompilationOptions Options,
        string? AssemblyName,
        ImmutableArray<SyntaxTree> Order,
        Dictionary<SyntaxTree, TreeEntry> Entries,
        EquatableArray<string> GlobalAliases,
        AnalysisModel Model);
}
