#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

// Lets init-only properties compile for netstandard2.0; the type is internal, so no API leaks.
internal static class IsExternalInit
{
}
#endif
