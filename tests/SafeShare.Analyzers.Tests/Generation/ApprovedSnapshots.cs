using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafeShare.Analyzers.Generation;
using SafeShare.Analyzers.Tests.Conventions;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>
/// What the generator writes for a scenario, pinned file by file in Snapshots/{scenario}/{hint name}.approved.cs. A
/// difference writes the file as received beside the approved one (git-ignored) for a person to compare; renaming
/// it over the approved file approves the change. An approved file the generator no longer writes fails too.
/// </summary>
internal static class ApprovedSnapshots
{
    public static void Check(string scenario, GeneratorDriver driver)
    {
        var folder = Path.Combine(RuleCatalogueTests.RepoRoot(), "tests", "SafeShare.Analyzers.Tests", "Generation", "Snapshots", scenario);
        Directory.CreateDirectory(folder);
        var failures = new List<string>();
        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var text = source.SourceText.ToString().Replace("\r\n", "\n").Replace(GeneratedFile.Version, "VERSION");
            var approved = Path.Combine(folder, source.HintName.Replace(".g.cs", ".approved.cs"));
            var received = Path.Combine(folder, source.HintName.Replace(".g.cs", ".received.cs"));
            if (File.Exists(approved) && File.ReadAllText(approved).Replace("\r\n", "\n") == text)
            {
                File.Delete(received);
                continue;
            }

            File.WriteAllText(received, text);
            failures.Add($"{scenario}/{source.HintName}: compare {received} with {approved}; if the change is intended, rename it over the approved file.");
        }

        var written = sources.Select(s => s.HintName.Replace(".g.cs", ".approved.cs")).ToHashSet();
        failures.AddRange(Directory.GetFiles(folder, "*.approved.cs").Select(Path.GetFileName).Where(f => !written.Contains(f!))
            .Select(f => $"{scenario}/{f} is approved but no longer generated; delete it if that is intended."));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
