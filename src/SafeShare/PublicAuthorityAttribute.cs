using System;

namespace SafeShare;

/// <summary>
/// Declares that the controller is a public authority (a local authority, an NHS body, a police force, a maintained
/// school). UK GDPR Art. 6(1), final subparagraph: points (ea) recognised legitimate interest and (f) legitimate interests
/// do not apply to processing carried out by public authorities in the performance of their tasks, so SafeShare reports
/// either basis in an assembly that declares this.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PublicAuthorityAttribute : Attribute
{
}
