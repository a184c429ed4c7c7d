using Microsoft.CodeAnalysis.CSharp;
using SafeShare.Analyzers.Transport;

namespace SafeShare.Analyzers.Tests.Transport;

/// <summary>
/// The text test SAFE203 and SAFE204 make of each file before reading it: a file is read when its text holds one of the
/// names, or a unicode escape (\u or \U), which could spell one in an identifier.
/// </summary>
public class NameScanTests
{
    [Theory]
    [InlineData("class C { }", false)]
    [InlineData("class C { string p = \"C:\\\\data\\\\reports\"; }", false)]
    [InlineData("class C { string s = \"a backslash at the end\\\\\"; }", false)]
    [InlineData("\\", false)]
    [InlineData("class C { string s = \"\\u0041\"; }", true)]
    [InlineData("class C { string s = \"\\U00000041\"; }", true)]
    [InlineData("class C { int \\u0054ls; }", true)]
    [InlineData("class C { string p = \"C:\\\\users\"; }", true)]
    [InlineData("class C { object p = Protocols.Tls; }", true)]
    public void Reads_a_file_that_names_one_or_holds_a_unicode_escape(string source, bool expected) =>
        Assert.Equal(expected, NameScan.MayHold(CSharpSyntaxTree.ParseText(source), new[] { "Tls" }, default));
}
