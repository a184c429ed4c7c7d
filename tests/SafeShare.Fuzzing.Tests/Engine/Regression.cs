using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace SafeShare.Fuzzing;

/// <summary>
/// A saved failing mutant: a file under Regressions/ with the seed, the mutations and the exception in a
/// comment header, then the (minimised) source after a marker line, then the appsettings.json it was given, if
/// any. The source is stored rather than regenerated from the seed because the corpus grows with the tests.
/// </summary>
public sealed record Regression(string Name, string Header, string Source, string? AppSettings, string? Before, IReadOnlyList<string> OtherFiles, bool WithFixes)
{
    public const string SourceMarker = "//==== mutant source (everything below this line, exactly) ====";
    public const string AppSettingsMarker = "//==== appsettings.json ====";
    public const string OtherFileMarker = "//==== another file of the same project ====";
    public const string BeforeMarker = "//==== the text before the mutation (the generator sees it first) ====";
    private const string FixesLine = "// checks: analyzers, generator and code fixes";

    public static string Folder(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "SafeShare.Fuzzing.Tests", "Regressions");

    public Mutant ToMutant() => new(0, Name, Array.Empty<string>(), Source, AppSettings, Before)
    {
        Companions = OtherFiles.Select((text, i) => new Mutant(0, $"{Name} file {i + 1}", Array.Empty<string>(), text)).ToList(),
    };

    public static string Save(string folder, Mutant mutant, FuzzFailure failure, bool withFixes, string note)
    {
        Directory.CreateDirectory(folder);
        // A hand-made case (seed 0) is named by a hash of its text instead.
        var id = mutant.Seed != 0 ? mutant.Seed : mutant.Source.Aggregate(14695981039346656037UL, (h, c) => (h ^ c) * 1099511628211UL);
        var name = $"{Sanitize(failure.Stage)}-{Sanitize(failure.Component)}-{id:x16}.cs";
        var header = new StringBuilder();
        header.AppendLine("// SafeShare fuzz regression: a mutant that once made SafeShare throw. RegressionTests replays it.");
        header.AppendLine($"// seed: 0x{mutant.Seed:x16} ({note})");
        header.AppendLine($"// origin: {mutant.Origin}");
        header.AppendLine($"// mutations: {string.Join(", ", mutant.Mutations)}");
        header.AppendLine(withFixes ? FixesLine : "// checks: analyzers and generator");
        header.AppendLine($"// failure: {failure.Stage} {failure.Component}");
        foreach (var line in failure.Exception.Split('\n').Take(25))
        {
            header.AppendLine("//   " + line.TrimEnd('\r'));
        }

        var text = new StringBuilder(header.ToString());
        foreach (var other in mutant.Companions)
        {
            text.Append(OtherFileMarker).Append('\n').Append(other.Source).Append('\n');
        }

        if (mutant.Before is not null)
        {
            text.Append(BeforeMarker).Append('\n').Append(mutant.Before).Append('\n');
        }

        if (mutant.AppSettings is not null)
        {
            text.Append(AppSettingsMarker).Append('\n').Append(mutant.AppSettings).Append('\n');
        }

        text.Append(SourceMarker).Append('\n').Append(mutant.Source);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    public static Regression Load(string path)
    {
        var text = File.ReadAllText(path);
        var sourceAt = text.IndexOf(SourceMarker + "\n", StringComparison.Ordinal);
        if (sourceAt < 0)
        {
            throw new FormatException($"{path} has no '{SourceMarker}' line.");
        }

        var header = text.Substring(0, sourceAt);
        var source = text.Substring(sourceAt + SourceMarker.Length + 1);
        var appSettings = TakeSection(ref header, AppSettingsMarker);
        var before = TakeSection(ref header, BeforeMarker);
        var others = new List<string>();
        while (TakeSection(ref header, OtherFileMarker) is { } other)
        {
            others.Insert(0, other);
        }

        return new Regression(Path.GetFileName(path), header, source, appSettings, before, others, header.Contains(FixesLine, StringComparison.Ordinal));
    }

    // Sections come in the order other files, before, appsettings, source; each is cut off the end of the header.
    private static string? TakeSection(ref string header, string marker)
    {
        var at = header.LastIndexOf(marker + "\n", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var section = header.Substring(at + marker.Length + 1);
        header = header.Substring(0, at);
        return section.EndsWith('\n') ? section.Substring(0, section.Length - 1) : section;
    }

    public static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs").OrderBy(p => p, StringComparer.Ordinal)
            : Enumerable.Empty<string>();

    private static string Sanitize(string text) => new(text.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
