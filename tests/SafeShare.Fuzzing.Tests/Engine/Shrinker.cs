using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace SafeShare.Fuzzing;

/// <summary>
/// Delta debugging: removes chunks of lines, then of characters (whole code points, so no lone surrogate is saved), while the mutant still fails with the same
/// signature, so a saved regression shows the few lines that matter rather than a 400-line sample file.
/// </summary>
public static class Shrinker
{
    public static async Task<Mutant> ShrinkAsync(Mutant mutant, Func<Mutant, Task<bool>> stillFails, int budget = 250, TimeSpan? time = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = time ?? TimeSpan.FromSeconds(60);
        var tries = 0;
        bool Spent() => tries >= budget || clock.Elapsed > limit;

        async Task<List<string>> Reduce(List<string> parts, Func<List<string>, string> join)
        {
            var chunk = Math.Max(1, parts.Count / 2);
            while (chunk >= 1 && !Spent())
            {
                var removedAny = false;
                for (var start = 0; start < parts.Count && !Spent();)
                {
                    var candidate = parts.Take(start).Concat(parts.Skip(start + chunk)).ToList();
                    tries++;
                    if (candidate.Count < parts.Count && await stillFails(mutant with { Source = join(candidate) }).ConfigureAwait(false))
                    {
                        parts = candidate;
                        removedAny = true;
                    }
                    else
                    {
                        start += chunk;
                    }
                }

                if (!removedAny)
                {
                    chunk /= 2;
                }
            }

            return parts;
        }

        var lines = await Reduce(mutant.Source.Split('\n').ToList(), l => string.Join("\n", l)).ConfigureAwait(false);
        var source = string.Join("\n", lines);
        if (source.Length <= 4000)
        {
            var chars = await Reduce(source.EnumerateRunes().Select(r => r.ToString()).ToList(), c => string.Concat(c)).ConfigureAwait(false);
            source = string.Concat(chars);
        }

        return mutant with { Source = source };
    }
}
