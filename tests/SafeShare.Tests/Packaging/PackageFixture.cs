using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SafeShare.Tests.Packaging;

/// <summary>
/// Packs SafeShare once per test run, with a version no cache or feed can already hold, into a
/// temporary folder outside the repository, and builds small consuming projects against it.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Lazy<DotnetResult>> builds = new();

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Version = $"0.1.0-test.{DateTime.UtcNow.Ticks}";
        TempRoot = Path.Combine(Path.GetTempPath(), "safeshare-package-tests-" + Guid.NewGuid().ToString("N"));
        FeedDirectory = Path.Combine(TempRoot, "feed");
        PackagesDirectory = Path.Combine(TempRoot, "packages");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);

        // Build into the temp folder (artifacts path) so the pack neither reads nor disturbs the
        // repository's own bin/ and obj/.
        Pack = DotnetCommand.Run(
            RepositoryRoot,
            PackTimeout,
            "pack", Path.Combine(RepositoryRoot, "src", "SafeShare", "SafeShare.csproj"),
            "-c", "Release",
            "-o", FeedDirectory,
            "--artifacts-path", Path.Combine(TempRoot, "artifacts"),
            $"-p:Version={Version}",
            "-nodeReuse:false",
            "--disable-build-servers",
            "-tl:off");

        PackagePath = Path.Combine(FeedDirectory, $"SafeShare.{Version}.nupkg");
    }

    public string RepositoryRoot { get; }

    public string Version { get; }

    public string TempRoot { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string PackagePath { get; }

    public DotnetResult Pack { get; }

    /// <summary>Fails the calling test, with the pack's full output, if packing did not produce the package.</summary>
    public void AssertPacked()
    {
        Assert.True(Pack.Succeeded, "dotnet pack failed:" + Environment.NewLine + Pack.Describe());
        Assert.True(File.Exists(PackagePath), $"Expected {PackagePath} after pack:{Environment.NewLine}{Pack.Describe()}");
    }

    /// <summary>
    /// Builds (once) a fresh consuming project named <paramref name="name"/> holding
    /// <paramref name="source"/> and referencing the packed SafeShare.
    /// </summary>
    public DotnetResult Build(string name, string source, bool strict = false, bool executable = false) =>
        Build(name, new[] { ("Model.cs", source) }, Array.Empty<(string, string)>(), strict, executable);

    /// <summary>
    /// Builds (once) a fresh consuming project named <paramref name="name"/> holding <paramref name="sources"/>
    /// (relative path, text) and <paramref name="additionalFiles"/> (given to the analyzers as AdditionalFiles);
    /// <paramref name="buildArguments"/> are added to its <c>dotnet build</c> command line; it references the consumers
    /// named in <paramref name="projectReferences"/> (build those first: they are not built again), and the packages
    /// in <paramref name="packageReferences"/> (id, version) from the machine's package sources.
    /// </summary>
    public DotnetResult Build(string name, IReadOnlyList<(string Path, string Text)> sources, IReadOnlyList<(string Path, string Text)> additionalFiles, bool strict = false, bool executable = false, IReadOnlyList<string>? buildArguments = null, IReadOnlyList<string>? projectReferences = null, IReadOnlyList<(string Id, string Version)>? packageReferences = null) =>
        builds.GetOrAdd(name, _ => new Lazy<DotnetResult>(() => CreateAndBuild(name, sources, additionalFiles, strict, executable, buildArguments ?? Array.Empty<string>(), projectReferences ?? Array.Empty<string>(), packageReferences ?? Array.Empty<(string, string)>()))).Value;

    /// <summary>The folder of the consuming project named <paramref name="name"/>.</summary>
    public string ProjectDirectory(string name) => Path.Combine(TempRoot, name);

    /// <summary>Runs a consumer built with <c>executable: true</c>.</summary>
    public DotnetResult Run(string name) =>
        DotnetCommand.Run(Path.Combine(TempRoot, name), BuildTimeout, Path.Combine(TempRoot, name, "bin", "Debug", "net10.0", name + ".dll"));

    /// <summary>Every build output so far, the pack's included.</summary>
    public DotnetResult[] AllResults() =>
        new[] { Pack }.Concat(builds.Values.Where(b => b.IsValueCreated).Select(b => b.Value)).ToArray();

    private DotnetResult CreateAndBuild(string name, IReadOnlyList<(string Path, string Text)> sources, IReadOnlyList<(string Path, string Text)> additionalFiles, bool strict, bool executable, IReadOnlyList<string> buildArguments, IReadOnlyList<string> projectReferences, IReadOnlyList<(string Id, string Version)> packageReferences)
    {
        AssertPacked();
        var projectDirectory = ProjectDirectory(name);
        Directory.CreateDirectory(projectDirectory);

        ConsumerFolder.Isolate(projectDirectory, FeedDirectory);
        File.WriteAllText(Path.Combine(projectDirectory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RestorePackagesPath>{PackagesDirectory}</RestorePackagesPath>
                <NuGetAudit>false</NuGetAudit>
                {(strict ? "<SafeShareStrict>true</SafeShareStrict>" : "")}
                {(executable ? "<OutputType>Exe</OutputType>" : "")}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SafeShare" Version="[{Version}]" />
                {string.Concat(packageReferences.Select(p => $"<PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />"))}
              </ItemGroup>
              <ItemGroup>
                {string.Concat(additionalFiles.Select(f => $"<AdditionalFiles Include=\"{f.Path}\" />"))}
                {string.Concat(projectReferences.Select(r => $"<ProjectReference Include=\"../{r}/{r}.csproj\" />"))}
              </ItemGroup>
            </Project>
            """);
        foreach (var (path, text) in sources.Concat(additionalFiles))
        {
            var full = Path.Combine(projectDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return DotnetCommand.Run(
            projectDirectory,
            BuildTimeout,
            new[]
            {
                "build", Path.Combine(projectDirectory, name + ".csproj"),
                "-nodeReuse:false",
                "--disable-build-servers",
                "-tl:off",
                "-v:minimal",
            }.Concat(projectReferences.Count > 0 ? new[] { "-p:BuildProjectReferences=false" } : Array.Empty<string>()).Concat(buildArguments).ToArray());
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Analyzers.sln above {AppContext.BaseDirectory}.");
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("SAFESHARE_KEEP_PACKAGE_TESTS") == "1")
        {
            return;
        }
        try
        {
            Directory.Delete(TempRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a stray file lock must not turn a passing run into a failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
