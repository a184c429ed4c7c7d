using System;

namespace SafeShare;

/// <summary>
/// Marks a method whose return value is safe to write to a log or telemetry: it masks, hashes or drops the personal
/// data passed to it. SafeShare's logging rule (SAFE110) does not report a value returned by such a method, whatever it
/// was made from (UK GDPR Art. 5(1)(c), data minimisation).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RedactorAttribute : Attribute
{
}
