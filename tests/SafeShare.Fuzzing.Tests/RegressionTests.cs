using System.Linq;
using System.Threading.Tasks;
using SafeShare.Fuzzing;

namespace SafeShare.Fuzzing.Tests;

/// <summary>Every mutant that ever made SafeShare throw, replayed: each must now pass every check it failed.</summary>
public sealed class RegressionTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Regression.Files(Regression.Folder(Corpus.RepositoryRoot())))
        {
            data.Add(System.IO.Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Replays_without_exception(string file)
    {
        var regression = Regression.Load(System.IO.Path.Combine(Regression.Folder(Corpus.RepositoryRoot()), file));
        var failures = await FuzzRunner.CheckAsync(regression.ToMutant(), withFixes: true);
        Assert.True(failures.Count == 0, $"{file}:\n" + string.Join("\n\n", failures.Select(f => $"{f.Stage} {f.Component}: {f.Exception}")));
    }

    [Fact]
    public async Task A_saved_regression_reads_back_as_it_was_written()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safeshare-fuzz-" + System.Guid.NewGuid().ToString("N"));
        try
        {
            var mutant = new Mutant(0xABCDEF, "origin", new[] { "truncate" }, "class C { [PersonalData(\n\n", "{ \"a\": \"b\" }\n", "class C { }\n")
            {
                Companions = new[] { new Mutant(1, "other", new[] { "splice" }, "partial class D { }"), new Mutant(2, "third", new[] { "truncate" }, "partial class D { [Personal") },
            };
            var path = Regression.Save(folder, mutant, new FuzzFailure("analyzer", "X", "System.Exception: boom\n   at SafeShare.X()"), withFixes: true, "test");
            var read = Regression.Load(path);
            Assert.Equal(mutant.Source, read.Source);
            Assert.Equal(mutant.AppSettings, read.AppSettings);
            Assert.Equal(mutant.Before, read.Before);
            Assert.Equal(mutant.Companions.Select(c => c.Source), read.OtherFiles);
            Assert.True(read.WithFixes);
            Assert.Empty(await FuzzRunner.CheckAsync(read.ToMutant(), withFixes: true));
        }
        finally
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }
}
