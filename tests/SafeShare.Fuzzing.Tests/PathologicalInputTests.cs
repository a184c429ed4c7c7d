using System.Linq;
using System.Threading.Tasks;
using SafeShare.Fuzzing;

namespace SafeShare.Fuzzing.Tests;

/// <summary>
/// Large inputs of each kind, each through every analyzer, the generator, and every code fix (the fixes and Fix
/// All on 3 of the diagnostics, spread over the input: applying each of thousands of fixes is a test of the formatter and the batch
/// fixer, not of SafeShare).
/// Nothing here is timed: bench/SafeShare.Fuzzing.Harness measures how the time grows (docs/robustness.md).
/// </summary>
public sealed class PathologicalInputTests
{
    [Fact]
    public Task A_type_with_10000_members() => AssertNoExceptionAsync(PathologicalSources.ManyMembers(10_000));

    [Fact]
    public Task Fifty_deep_nesting() => AssertNoExceptionAsync(PathologicalSources.DeepNesting(50));

    [Fact]
    public Task A_1_MB_string_literal() => AssertNoExceptionAsync(PathologicalSources.HugeLiteral(1 << 20));

    [Fact]
    public Task A_20000_line_method() => AssertNoExceptionAsync(PathologicalSources.LongMethod(20_000));

    private static async Task AssertNoExceptionAsync(string source)
    {
        var counters = new FuzzCounters();
        var failures = await FuzzRunner.CheckAsync(new Mutant(0, "pathological", new[] { "none" }, source), withFixes: true, counters, fixSample: 3);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Select(f => $"{f.Stage} {f.Component}: {f.Exception}")));
        Assert.Equal(1, counters.FixChecked);
        Assert.True(counters.ActionsApplied > 0, "no code action was offered: the input no longer reaches the fixes");
    }
}
