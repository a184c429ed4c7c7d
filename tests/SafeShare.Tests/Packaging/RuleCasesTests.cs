using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SafeShare.Tests.Packaging;

/// <summary>
/// Every sharing (SAFE1xx, SAFE206) and generator (SAFE9xx) rule as a user's CI meets it: case projects built with a
/// plain <c>dotnet build</c> against the packed SafeShare, their diagnostics read from the SARIF log the compiler writes
/// (which holds Info diagnostics too) and compared, line by line, with the <c>// expect: ID, ID</c> comments in the case
/// files under Packaging/Cases/&lt;project&gt;/. Every expected diagnostic must be reported on its line, and no other
/// SafeShare diagnostic or compiler diagnostic anywhere.
/// </summary>
public sealed class RuleCasesTests : IClassFixture<PackageFixture>
{
    // AD0001: an analyzer threw. CS8032/CS8033: an analyzer could not be loaded. CS8784/CS8785: the generator failed.
    private static readonly string[] FailureIds = { "AD0001", "CS8032", "CS8033", "CS8784", "CS8785" };

    private readonly PackageFixture package;

    public RuleCasesTests(PackageFixture package) => this.package = package;

    [Fact]
    public void Declared_shares_fire_every_sharing_rule_where_expected_and_nowhere_else()
    {
        var build = BuildCase("DeclaredSharesFire");

        build.AssertExactlyExpected();
        // SAFE206 is an error by default, so this project does not build.
        Assert.True(build.Result.ExitCode != 0, "SAFE206 is an error: the build should fail." + Environment.NewLine + build.Result.Describe());
    }

    [Fact]
    public void Refused_shares_report_SAFE90x_on_their_name_and_no_compiler_error()
    {
        var build = BuildCase("DeclaredSharesRejected");

        build.AssertExactlyExpected();
        Assert.True(build.Result.ExitCode != 0, "SAFE901-904 are errors: the build should fail." + Environment.NewLine + build.Result.Describe());
    }

    [Fact]
    public void Classification_rules_fire_where_expected_and_nowhere_else()
    {
        var build = BuildCase("ClassificationFire");

        build.AssertExactlyExpected();
        // SAFE007 is an error by default.
        Assert.True(build.Result.ExitCode != 0, "SAFE007 is an error: the build should fail." + Environment.NewLine + build.Result.Describe());
    }

    [Fact]
    public void A_library_and_an_app_that_references_it_are_judged_as_one_system()
    {
        // The library's own rules fire in its own build; the app reads its annotations from its metadata.
        var library = BuildCase("SystemDomain");
        library.AssertExactlyExpected();
        Assert.True(library.Result.ExitCode == 0, library.Result.Describe());

        var app = BuildCase("SystemApp", "SystemDomain");
        app.AssertExactlyExpected();
    }

    [Fact]
    public void Personal_data_written_to_logs_and_telemetry_is_reported_where_it_is_written()
    {
        // The logging libraries at the versions the analyzer tests compile against.
        var build = BuildCase("LoggingFire", Array.Empty<string>(), new[] { CentralPackage("Microsoft.Extensions.Logging.Abstractions"), CentralPackage("Serilog") });

        build.AssertExactlyExpected();
        Assert.True(build.Result.ExitCode == 0, "SAFE110 is a warning: the build should succeed." + Environment.NewLine + build.Result.Describe());
    }

    private (string Id, string Version) CentralPackage(string id)
    {
        var props = File.ReadAllText(Path.Combine(package.RepositoryRoot, "Directory.Packages.props"));
        var match = Regex.Match(props, $@"<PackageVersion Include=""{Regex.Escape(id)}"" Version=""(?<version>[^""]+)""");
        Assert.True(match.Success, $"{id} has no version in Directory.Packages.props");
        return (id, match.Groups["version"].Value);
    }

    private CaseBuild BuildCase(string project, params string[] references) =>
        BuildCase(project, references, Array.Empty<(string, string)>());

    private CaseBuild BuildCase(string project, string[] references, IReadOnlyList<(string Id, string Version)> packages)
    {
        var caseDirectory = Path.Combine(package.RepositoryRoot, "tests", "SafeShare.Tests", "Packaging", "Cases", project);
        var sources = Directory.EnumerateFiles(caseDirectory, "*.cs", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path: Path.GetRelativePath(caseDirectory, p).Replace('\\', '/'), Text: File.ReadAllText(p)))
            .ToArray();
        Assert.NotEmpty(sources);

        // The comma of ",version=2.1" is escaped: MSBuild splits -p values on commas.
        var sarifPath = Path.Combine(package.ProjectDirectory(project), project + ".sarif");
        var result = package.Build(project, sources, Array.Empty<(string, string)>(), buildArguments: new[] { $"-p:ErrorLog={sarifPath}%2Cversion=2.1" }, projectReferences: references, packageReferences: packages);
        Assert.False(result.TimedOut, result.Describe());
        Assert.True(File.Exists(sarifPath), $"The compiler wrote no SARIF log at {sarifPath}:{Environment.NewLine}{result.Describe()}");

        return new CaseBuild(
            result,
            Expectations(sources),
            Sarif.Read(sarifPath, package.ProjectDirectory(project)),
            BuildOutput.Diagnostics(result.Output, package.ProjectDirectory(project)));
    }

    /// <summary>One diagnostic as the tests compare them: the file relative to the project, the line (1-based), the ID.</summary>
    private readonly record struct Site(string File, int Line, string Id)
    {
        public override string ToString() => $"{File}:{Line} {Id}";
    }

    private sealed record Reported(Site Site, string Level, string Message);

    private static readonly Regex ExpectComment = new(@"//\s*expect:\s*(?<ids>.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex DiagnosticId = new(@"^[A-Z]{2,}[0-9]+$", RegexOptions.CultureInvariant);

    /// <summary>The <c>// expect: ID, ID</c> comments: IDs up to the first token that is not one (an explanation may follow).</summary>
    private static HashSet<Site> Expectations(IEnumerable<(string Path, string Text)> sources)
    {
        var expected = new HashSet<Site>();
        foreach (var (path, text) in sources)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var match = ExpectComment.Match(lines[i].TrimEnd('\r'));
                if (!match.Success)
                {
                    continue;
                }

                var ids = match.Groups["ids"].Value.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                    .TakeWhile(id => DiagnosticId.IsMatch(id))
                    .ToArray();
                Assert.True(ids.Length > 0, $"{path}:{i + 1}: an expect comment names no diagnostic ID");
                foreach (var id in ids)
                {
                    expected.Add(new Site(path, i + 1, id));
                }
            }
        }

        return expected;
    }

    private static bool IsCompared(string id) =>
        id.StartsWith("SAFE", StringComparison.Ordinal) || id.StartsWith("CS", StringComparison.Ordinal);

    private static string RelativeTo(string projectDirectory, string path) =>
        Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');

    private sealed record CaseBuild(DotnetResult Result, HashSet<Site> Expected, IReadOnlyList<Reported> Sarif, IReadOnlyList<Reported> Printed)
    {
        public void AssertExactlyExpected()
        {
            var everything = Environment.NewLine + "Reported (SARIF):" + Environment.NewLine +
                string.Join(Environment.NewLine, Sarif.OrderBy(r => r.Site.File, StringComparer.Ordinal).ThenBy(r => r.Site.Line).Select(r => $"  {r.Site} [{r.Level}] {r.Message}")) +
                Environment.NewLine + Environment.NewLine + Result.Describe();

            foreach (var id in FailureIds)
            {
                Assert.False(Result.Output.Contains(id, StringComparison.Ordinal) || Sarif.Any(r => r.Site.Id == id), $"{id} in the build:{everything}");
            }

            // Level "none" is a hidden diagnostic: nothing a user or CI sees.
            var actual = Sarif.Where(r => IsCompared(r.Site.Id) && r.Level != "none").Select(r => r.Site).ToHashSet();
            var missing = Expected.Except(actual).OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line).ToArray();
            var unexpected = actual.Except(Expected).OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line).ToArray();
            Assert.True(
                missing.Length == 0 && unexpected.Length == 0,
                "Expected but not reported:" + Environment.NewLine + string.Join(Environment.NewLine, missing.Select(s => "  " + s)) + Environment.NewLine +
                "Reported but not expected:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected.Select(s => "  " + s)) + everything);

            // What the build prints (warnings and errors; Info is not printed) says the same as the SARIF log.
            var printed = Printed.Where(r => IsCompared(r.Site.Id)).Select(r => r.Site).ToHashSet();
            var logged = Sarif.Where(r => IsCompared(r.Site.Id) && r.Level is "warning" or "error").Select(r => r.Site).ToHashSet();
            Assert.True(
                printed.SetEquals(logged),
                "The build output and the SARIF log disagree." + Environment.NewLine +
                "Printed only: " + string.Join(", ", printed.Except(logged)) + Environment.NewLine +
                "Logged only: " + string.Join(", ", logged.Except(printed)) + everything);
        }
    }

    /// <summary>Reads the results of a SARIF 2.1 log written by the compiler (<c>ErrorLog=path,version=2.1</c>).</summary>
    private static class Sarif
    {
        public static IReadOnlyList<Reported> Read(string path, string projectDirectory)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
            var reported = new List<Reported>();
            foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results))
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    // A diagnostic suppressed in source (#pragma, [SuppressMessage]) is logged with its suppression; it did not fire.
                    if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0)
                    {
                        continue;
                    }

                    var id = result.GetProperty("ruleId").GetString() ?? "";
                    var level = result.TryGetProperty("level", out var l) ? l.GetString() ?? "warning" : "warning";
                    var message = result.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
                    var (file, line) = ("", 0);
                    if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0 &&
                        locations[0].TryGetProperty("physicalLocation", out var physical))
                    {
                        var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "";
                        file = RelativeTo(projectDirectory, Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : uri);
                        line = physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var start) ? start.GetInt32() : 0;
                    }

                    reported.Add(new Reported(new Site(file, line, id), level, message));
                }
            }

            return reported;
        }
    }

    /// <summary>The diagnostics <c>dotnet build</c> prints: <c>path(line,col): warning|error|info ID: message [project]</c>.</summary>
    private static class BuildOutput
    {
        private static readonly Regex Line = new(
            @"^\s*(?<path>.+?)\((?<line>\d+),\d+(?:,\d+,\d+)?\): (?<level>warning|error|info) (?<id>[A-Z]+[0-9]+): (?<message>.*?)(?: \[[^\]]+\])?$",
            RegexOptions.CultureInvariant);

        public static IReadOnlyList<Reported> Diagnostics(string output, string projectDirectory)
        {
            var reported = new List<Reported>();
            foreach (var raw in output.Split('\n'))
            {
                var match = Line.Match(raw.TrimEnd('\r'));
                if (match.Success)
                {
                    reported.Add(new Reported(
                        new Site(RelativeTo(projectDirectory, match.Groups["path"].Value), int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["id"].Value),
                        match.Groups["level"].Value,
                        match.Groups["message"].Value));
                }
            }

            return reported;
        }
    }
}
