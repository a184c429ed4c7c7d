using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SafeShare.Fuzzing;
using SafeShare.Tests.Packaging;

/// <summary>
/// Mutants in a real build against the packed package: SafeShare is packed with a version no cache holds, every
/// mutant becomes a small project of its own (its source, and its broken appsettings.json as an additional file
/// when it has one) referencing that package, and all of them are built by one <c>dotnet build</c> of a
/// generated solution. The compiler the SDK ships loads the analyzers and the generator from the package, as in
/// a user's build; the run fails on any AD0001 (analyzer exception), CS8784/CS8785 (generator failed to
/// initialise or threw) or CS8032/CS8033 (analyzer or generator could not be loaded). Code fixes need an IDE
/// host and are not run by a build; the in-process fuzzer applies them to the same mutants.
/// </summary>
internal static partial class PackageBuild
{
    /// <param name="withSyntaxErrors">
    /// Also build mutants that do not parse. The compiler reports syntax errors and stops before running analyzers,
    /// so by default only mutants that parse are built (those still have binding errors of every kind: they reach
    /// the analyzers and the generator, as in a build); the IDE runs analyzers on the rest, which the in-process
    /// fuzzer covers.
    /// </param>
    public static int Run(Corpus corpus, ulong seed, long first, long count, string? keep, bool withSyntaxErrors)
    {
        var root = keep ?? Path.Combine(Path.GetTempPath(), "safeshare-fuzz-build-" + Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(root, "feed");
        var packages = Path.Combine(root, "packages");
        Directory.CreateDirectory(feed);
        var version = $"0.1.0-fuzz.{DateTime.UtcNow.Ticks}";
        var clock = Stopwatch.StartNew();
        var repository = Corpus.RepositoryRoot();
        try
        {
            Console.WriteLine($"Packing SafeShare {version} ...");
            var pack = Dotnet(repository, "pack", Path.Combine(repository, "src", "SafeShare", "SafeShare.csproj"), "-c", "Release", "-o", feed,
                "--artifacts-path", Path.Combine(root, "artifacts"), $"-p:Version={version}", "-nodeReuse:false", "-tl:off", "-v:q");
            if (pack.ExitCode != 0)
            {
                Console.Error.WriteLine("error: dotnet pack failed:\n" + pack.Output);
                return 2;
            }

            var projects = new List<string>();
            var appSettings = 0;
            long scanned = 0;
            foreach (var (index, mutant) in BuildableMutants.Take(corpus, seed, first, count, withSyntaxErrors))
            {
                scanned = index - first + 1;
                var name = $"m{index:D6}";
                var directory = Path.Combine(root, "mutants", name);
                Directory.CreateDirectory(directory);
                File.WriteAllText(Path.Combine(directory, "Mutant.cs"), mutant.Source);
                var additional = string.Empty;
                if (mutant.AppSettings is { } json)
                {
                    File.WriteAllText(Path.Combine(directory, "appsettings.json"), json);
                    additional = "<ItemGroup><AdditionalFiles Include=\"appsettings.json\" /></ItemGroup>";
                    appSettings++;
                }

                File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <!-- mutant {index} of run seed {seed}: {string.Join(", ", mutant.Mutations)} of {mutant.Origin} -->
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                        <Nullable>enable</Nullable>
                        <ImplicitUsings>disable</ImplicitUsings>
                        <RestorePackagesPath>{packages}</RestorePackagesPath>
                        <NuGetAudit>false</NuGetAudit>
                        <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                        <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                      </PropertyGroup>
                      <ItemGroup>
                        <Compile Include="Mutant.cs" />
                        <PackageReference Include="SafeShare" Version="[{version}]" />
                      </ItemGroup>
                      {additional}
                    </Project>
                    """);
                projects.Add(Path.Combine(directory, name + ".csproj"));
            }

            // Nothing above the mutants' folder may leak repository settings in; the packed folder joins the machine's sources.
            var mutants = Path.Combine(root, "mutants");
            ConsumerFolder.Isolate(mutants, feed);
            var traversal = Path.Combine(mutants, "All.proj");
            File.WriteAllText(traversal, """
                <Project>
                  <!-- Builds every mutant project; a project that does not compile does not stop the others. -->
                  <ItemGroup>
                    <Mutant Include="m*/*.csproj" />
                  </ItemGroup>
                  <Target Name="Restore">
                    <MSBuild Projects="@(Mutant)" Targets="Restore" BuildInParallel="true" />
                  </Target>
                  <Target Name="Build">
                    <MSBuild Projects="@(Mutant)" Targets="Build" BuildInParallel="true" ContinueOnError="true" />
                  </Target>
                </Project>
                """);

            Console.WriteLine($"Restoring {projects.Count} mutant projects ...");
            var restore = Dotnet(mutants, "msbuild", traversal, "-t:Restore", "-m", "-nodeReuse:false", "-v:q", "-nologo");
            if (restore.ExitCode != 0)
            {
                Console.Error.WriteLine("error: restore failed:\n" + Tail(restore.Output, 40));
                return 2;
            }

            Console.WriteLine($"Building {projects.Count} mutant projects ...");
            var build = Dotnet(mutants, "msbuild", traversal, "-t:Build", "-m", "-nodeReuse:false", "-v:m", "-nologo", "-clp:NoSummary");
            File.WriteAllText(Path.Combine(root, "build.log"), build.Output);

            var lines = build.Output.Split('\n');
            var byProject = new Dictionary<string, (bool Errors, bool SafeShare)>(StringComparer.Ordinal);
            var forbidden = new List<string>();
            foreach (var line in lines)
            {
                var match = DiagnosticLine().Match(line);
                if (!match.Success)
                {
                    continue;
                }

                var project = match.Groups["project"].Value;
                var id = match.Groups["id"].Value;
                var seen = byProject.GetValueOrDefault(project);
                byProject[project] = (seen.Errors || (match.Groups["severity"].Value == "error" && id.StartsWith("CS", StringComparison.Ordinal)), seen.SafeShare || id.StartsWith("SAFE", StringComparison.Ordinal));
                if (BuildableMutants.Forbidden.Any(f => f.Id == id))
                {
                    forbidden.Add(line.Trim());
                }
            }

            var built = projects.Count(p => File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "obj", "Debug", "net10.0", Path.GetFileNameWithoutExtension(p) + ".dll")));
            var withErrors = byProject.Count(p => p.Value.Errors);
            var withFindings = byProject.Count(p => p.Value.SafeShare);
            Console.WriteLine($"{projects.Count} mutants (run seed {seed}, from {first}, {(withSyntaxErrors ? "all" : $"those that parse: {projects.Count} of {scanned}")}; {appSettings} with a mutated appsettings.json) built against SafeShare {version} in {clock.Elapsed.TotalMinutes:F1} min:");
            Console.WriteLine($"  {built} compiled, {withErrors} with compiler errors (as most mutants are), {withFindings} with SafeShare findings");
            foreach (var (id, meaning) in BuildableMutants.Forbidden)
            {
                Console.WriteLine($"  {id} ({meaning}): {forbidden.Count(l => l.Contains(id + ":", StringComparison.Ordinal))}");
            }

            foreach (var line in forbidden.Distinct().Take(20))
            {
                Console.WriteLine("  " + line);
            }

            if (withFindings == 0)
            {
                Console.Error.WriteLine("error: no mutant got a SafeShare finding, so the analyzers may not have run; build log: " + Path.Combine(root, "build.log"));
                return 2;
            }

            return forbidden.Count == 0 ? 0 : 1;
        }
        finally
        {
            if (keep is null)
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
            else
            {
                Console.WriteLine("kept " + root);
            }
        }
    }

    [GeneratedRegex(@"^(?<file>[^\s].*?)\(\d+,\d+(?:,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>[A-Z]+\d+): .*\[(?<project>[^\]]+\.csproj)", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticLine();

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    private static DotnetResult Dotnet(string directory, params string[] arguments) => DotnetCommand.Run(directory, TimeSpan.FromHours(2), arguments);
}
