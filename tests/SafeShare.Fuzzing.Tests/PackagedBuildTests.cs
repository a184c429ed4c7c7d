using System;
using System.Collections.Generic;
using System.Linq;
using SafeShare.Fuzzing;
using SafeShare.Tests.Packaging;

namespace SafeShare.Fuzzing.Tests;

/// <summary>
/// Mutants in a real build: SafeShare is packed, and one fresh project holding forty mutants of a seed the in-process
/// run does not use (those that parse and declare nothing twice: the compiler stops before the analyzers on syntax or
/// declaration errors, so the set is chosen with BuildableMutants.TakeTogether) is built with the
/// SDK's own compiler, which loads the analyzers and the generator from the package. Longer: the harness's
/// <c>build</c> command builds every mutant as a project of its own (docs/robustness.md).
/// </summary>
public sealed class PackagedBuildTests : IClassFixture<PackageFixture>
{
    private const ulong BuildSeed = 424242;
    private const int Mutants = 40;

    private readonly PackageFixture _package;

    public PackagedBuildTests(PackageFixture package) => _package = package;

    [Fact]
    public void Forty_mutants_built_against_the_packed_package_make_no_analyzer_or_generator_throw()
    {
        var corpus = Corpus.Load();
        var sources = new List<(string Path, string Text)>();
        var additional = new List<(string Path, string Text)>();
        foreach (var (index, mutant) in BuildableMutants.TakeTogether(corpus, BuildSeed, first: 0, Mutants))
        {
            sources.Add(($"Mutants/M{index:D5}.cs", mutant.Source));
            if (mutant.AppSettings is { } json && additional.Count == 0)
            {
                additional.Add(("appsettings.json", json));
            }
        }

        Assert.Equal(Mutants, sources.Count);
        var build = _package.Build("FuzzedConsumer", sources, additional);
        var output = build.Output;
        Assert.False(build.TimedOut, build.Describe());
        foreach (var (id, _) in BuildableMutants.Forbidden)
        {
            Assert.False(output.Contains(id + ":", StringComparison.Ordinal), $"{id} in the build of the mutants:{Environment.NewLine}{build.Describe()}");
        }

        // The analyzers ran: mutants of annotated test cases keep some findings.
        Assert.True(output.Contains(" warning SAFE", StringComparison.Ordinal), build.Describe());
    }
}
