using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SafeShare.Analyzers.Generation;
using SafeShare.Bench.LookupOnly;

namespace SafeShare.Bench.Hosting;

/// <summary>One configuration of the compile: which analyzers and generators run, and which rules are on.</summary>
public sealed class AnalyzerSet
{
    public AnalyzerSet(
        string name,
        string description,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableArray<ISourceGenerator> generators,
        ImmutableDictionary<string, ReportDiagnostic> ruleOptions,
        ImmutableArray<AdditionalText> additionalFiles,
        ImmutableArray<string> measuredRules)
    {
        Name = name;
        Description = description;
        Analyzers = analyzers;
        Generators = generators;
        RuleOptions = ruleOptions;
        AdditionalFiles = additionalFiles;
        MeasuredRules = measuredRules;
    }

    public string Name { get; }
    public string Description { get; }
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }
    public ImmutableArray<ISourceGenerator> Generators { get; }

    /// <summary>CompilationOptions.SpecificDiagnosticOptions: the measured rules on, every other rule of the loaded analyzers off.</summary>
    public ImmutableDictionary<string, ReportDiagnostic> RuleOptions { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles { get; }

    /// <summary>The rules this configuration is measured for (the peers' are restricted to these).</summary>
    public ImmutableArray<string> MeasuredRules { get; }

    /// <summary>The rule ids an analyzer is counted for: the measured rules it supports.</summary>
    public ImmutableArray<string> RulesOf(DiagnosticAnalyzer analyzer) =>
        analyzer.SupportedDiagnostics.Select(d => d.Id).Where(MeasuredRules.Contains).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
}

/// <summary>
/// Builds the five configurations compared. Peer analyzers are loaded from their restored packages
/// through <see cref="AnalyzerFileReference"/> and restricted to the rules that do the same jobs as
/// SafeShare's transport rules.
/// </summary>
public static class AnalyzerSets
{
    public const string Bare = "a. no analyzers";
    public const string SafeShare = "b. SafeShare";
    public const string Sonar = "c. Sonar";
    public const string NetAnalyzers = "d. NetAnalyzers";
    public const string SecurityCodeScan = "e. SecurityCodeScan";
    public const string Baseline = "b0. SafeShare baseline";
    public const string AttributeLookup = "g. attribute lookup alone";

    public static readonly ImmutableArray<string> SonarRules = ImmutableArray.Create("S5332", "S4423", "S4830");
    public static readonly ImmutableArray<string> NetAnalyzersRules = ImmutableArray.Create("CA5359", "CA5364", "CA5397");
    public static readonly ImmutableArray<string> SecurityCodeScanRules = ImmutableArray.Create("SCS0004");

    /// <summary>Each SafeShare transport rule and the peer rules that do the same job.</summary>
    public static readonly ImmutableArray<(string SafeShareRule, ImmutableArray<string> PeerRules)> Pairs = ImmutableArray.Create(
        ("SAFE201", ImmutableArray.Create("S5332")),
        ("SAFE204", ImmutableArray.Create("S4423", "CA5364", "CA5397")),
        ("SAFE203", ImmutableArray.Create("S4830", "CA5359", "SCS0004")));

    /// <summary>
    /// Another build of SafeShare.Analyzers (e.g. from before a fix), in a load context of its own so it
    /// can sit next to the current one; measured like b, for before/after comparisons in the same run.
    /// </summary>
    public static AnalyzerSet CreateBaseline(string path, string label)
    {
        var reference = new AnalyzerFileReference(Path.GetFullPath(path), new IsolatedAssemblyLoader());
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        var rules = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
        return new AnalyzerSet(Baseline, $"SafeShare analyzers and generator as built at {label}",
            analyzers, reference.GetGenerators(LanguageNames.CSharp), ImmutableDictionary<string, ReportDiagnostic>.Empty, ImmutableArray<AdditionalText>.Empty, rules);
    }

    /// <summary>The generator's inputs without SafeShare's work (see <see cref="AttributeLookupOnly"/>): run by the generator measurement only.</summary>
    public static AnalyzerSet CreateAttributeLookupOnly() =>
        new(AttributeLookup, "the SafeShare generator's inputs alone: the same attribute lookups and reading of each file's type declarations, each transform returning a position",
            ImmutableArray<DiagnosticAnalyzer>.Empty, ImmutableArray.Create(new AttributeLookupOnly().AsSourceGenerator()),
            ImmutableDictionary<string, ReportDiagnostic>.Empty, ImmutableArray<AdditionalText>.Empty, ImmutableArray<string>.Empty);

    public static ImmutableArray<AnalyzerSet> Create()
    {
        var loader = new PeerAssemblyLoader();
        var safeShareAssembly = typeof(SafeShareGenerator).Assembly.Location;
        var safeShareReference = new AnalyzerFileReference(safeShareAssembly, loader);
        var safeShareAnalyzers = safeShareReference.GetAnalyzers(LanguageNames.CSharp);
        var safeShareRules = safeShareAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();

        return ImmutableArray.Create(
            new AnalyzerSet(Bare, "parse + bind + emit, no analyzers", ImmutableArray<DiagnosticAnalyzer>.Empty, ImmutableArray<ISourceGenerator>.Empty,
                ImmutableDictionary<string, ReportDiagnostic>.Empty, ImmutableArray<AdditionalText>.Empty, ImmutableArray<string>.Empty),
            new AnalyzerSet(SafeShare, $"all {safeShareAnalyzers.Length} SafeShare analyzers (every rule at its default) and the SafeShare generator",
                safeShareAnalyzers, safeShareReference.GetGenerators(LanguageNames.CSharp),
                ImmutableDictionary<string, ReportDiagnostic>.Empty, ImmutableArray<AdditionalText>.Empty, safeShareRules),
            Peer(Sonar, PeerPath("Sonar", "analyzers/SonarAnalyzer.CSharp.dll"), SonarRules, loader,
                ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/bench/.sonarlint/SonarLint.xml", SonarLintXml(SonarRules)))),
            Peer(NetAnalyzers, PeerPath("NetAnalyzers", "analyzers/dotnet/cs/Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"), NetAnalyzersRules, loader,
                ImmutableArray<AdditionalText>.Empty,
                PeerPath("NetAnalyzers", "analyzers/dotnet/cs/Microsoft.CodeAnalysis.NetAnalyzers.dll")),
            Peer(SecurityCodeScan, PeerPath("SecurityCodeScan", "analyzers/dotnet/SecurityCodeScan.VS2019.dll"), SecurityCodeScanRules, loader,
                ImmutableArray<AdditionalText>.Empty));
    }

    private static AnalyzerSet Peer(string name, string path, ImmutableArray<string> rules, PeerAssemblyLoader loader, ImmutableArray<AdditionalText> additionalFiles, params string[] extraPaths)
    {
        var analyzers = new[] { path }.Concat(extraPaths)
            .SelectMany(p => new AnalyzerFileReference(p, loader).GetAnalyzers(LanguageNames.CSharp))
            .Where(a => a.SupportedDiagnostics.Any(d => rules.Contains(d.Id)))
            .ToImmutableArray();
        var missing = rules.Where(r => !analyzers.Any(a => a.SupportedDiagnostics.Any(d => d.Id == r))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{name}: no analyzer in {path} supports {string.Join(", ", missing)}.");
        }

        // Only the measured rules run: every other rule the kept analyzers support is suppressed, so
        // Roslyn skips the callbacks that serve nothing else, as it would in a project configured this way.
        var options = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>();
        foreach (var id in analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct())
        {
            options[id] = rules.Contains(id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
        }

        var package = Path.GetFileNameWithoutExtension(path);
        var version = FileVersionInfoOf(path);
        return new AnalyzerSet(name, $"{package} {version}: {string.Join(", ", rules)} only ({analyzers.Length} analyzer type(s))",
            analyzers, ImmutableArray<ISourceGenerator>.Empty, options.ToImmutable(), additionalFiles, rules);
    }

    private static string FileVersionInfoOf(string path) =>
        System.Diagnostics.FileVersionInfo.GetVersionInfo(path).ProductVersion?.Split('+')[0] ?? "?";

    /// <summary>Where a peer package was restored (written into the assembly at build time).</summary>
    private static string PeerPath(string peer, string relative)
    {
        var root = typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SafeShare.Bench.Peer." + peer)?.Value;
        if (string.IsNullOrEmpty(root))
        {
            throw new InvalidOperationException($"The {peer} package path is unknown: restore bench/SafeShare.Bench first.");
        }

        var path = Path.Combine(root, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{peer} analyzer not found", path);
    }

    /// <summary>SonarLint.xml: Sonar's security hotspot rules (S5332) run only when listed here.</summary>
    private static string SonarLintXml(IEnumerable<string> rules) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AnalysisInput>\n  <Settings />\n  <Rules>\n" +
        string.Concat(rules.Select(r => $"    <Rule>\n      <Key>{r}</Key>\n    </Rule>\n")) +
        "  </Rules>\n  <Files />\n</AnalysisInput>\n";
}

/// <summary>An additional file held in memory.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// Loads analyzer assemblies into the default context, so that their references to Roslyn bind to the
/// host's Roslyn, and resolves their private dependencies (YamlDotNet for SecurityCodeScan) next to them.
/// </summary>
public sealed class PeerAssemblyLoader : IAnalyzerAssemblyLoader
{
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    public PeerAssemblyLoader()
    {
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            lock (_directories)
            {
                foreach (var directory in _directories)
                {
                    var candidate = Path.Combine(directory, name.Name + ".dll");
                    if (File.Exists(candidate))
                    {
                        return context.LoadFromAssemblyPath(candidate);
                    }
                }
            }

            return null;
        };
    }

    public void AddDependencyLocation(string fullPath)
    {
        lock (_directories)
        {
            _directories.Add(Path.GetDirectoryName(fullPath)!);
        }
    }

    public Assembly LoadFromPath(string fullPath)
    {
        AddDependencyLocation(fullPath);
        var name = AssemblyName.GetAssemblyName(fullPath);
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) && a.GetName().Version == name.Version);
        return loaded ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}

/// <summary>Loads an analyzer assembly into a context of its own; Roslyn and the framework come from the host.</summary>
public sealed class IsolatedAssemblyLoader : IAnalyzerAssemblyLoader
{
    private readonly AssemblyLoadContext _context = new("safeshare-baseline");

    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);
}
