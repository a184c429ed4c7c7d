using System.IO;

namespace SafeShare.Tests.Packaging;

/// <summary>Makes a folder outside the repository a home for projects that consume a freshly packed SafeShare.</summary>
public static class ConsumerFolder
{
    /// <summary>
    /// Stops MSBuild and NuGet from walking further up for repository-wide settings, and adds
    /// <paramref name="feedDirectory"/> (where the package was packed) to the machine-wide package sources.
    /// </summary>
    public static void Isolate(string directory, string feedDirectory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="safeshare-packed" value="{feedDirectory}" />
              </packageSources>
            </configuration>
            """);
    }
}
