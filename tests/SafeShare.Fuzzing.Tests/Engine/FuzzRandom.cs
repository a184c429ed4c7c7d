using System;
using System.Collections.Generic;

namespace SafeShare.Fuzzing;

/// <summary>
/// SplitMix64: a seeded generator whose sequence is fixed by this file alone, so a seed written into a
/// regression file or the README means the same mutant on every runtime (System.Random does not promise that).
/// </summary>
public sealed class FuzzRandom
{
    private ulong _state;

    public FuzzRandom(ulong seed) => _state = seed;

    /// <summary>The seed of mutant <paramref name="index"/> in the run started from <paramref name="runSeed"/>.</summary>
    public static ulong MutantSeed(ulong runSeed, long index) => new FuzzRandom(runSeed ^ (0x9E3779B97F4A7C15UL * (ulong)(index + 1))).NextULong();

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>); 0 when the range is empty.</summary>
    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : (int)(NextULong() % (ulong)maxExclusive);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
