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
