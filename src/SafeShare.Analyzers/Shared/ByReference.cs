using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SafeShare.Analyzers;

/// <summary>
/// Symbols compared by reference: a method or type definition is one object however many operations name it, so a cache
/// in front of the symbol-equality ones answers most lookups without hashing a symbol's name and containers.
/// </summary>
internal sealed class ByReference<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ByReference<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}

/// <summary>
/// An answer computed once per symbol definition and found again by reference: what a called method is to a rule
/// depends only on its definition, which is one object however many calls name it.
/// </summary>
internal sealed class PerDefinition<TKey, TValue>
    where TKey : class
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TKey, TValue> _answers = new(ByReference<TKey>.Instance);
    private readonly System.Func<TKey, TValue> _compute;

    public PerDefinition(System.Func<TKey, TValue> compute) => _compute = compute;

    /// <summary>The answer for a definition (the caller passes the definition, not a constructed or reduced symbol).</summary>
    public TValue this[TKey definition] => _answers.TryGetValue(definition, out var known) ? known : _answers.GetOrAdd(definition, _compute);
}
