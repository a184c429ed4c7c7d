namespace System.Runtime.CompilerServices;

// Lets the generator's models be records on netstandard2.0.
internal static class IsExternalInit
{
}
