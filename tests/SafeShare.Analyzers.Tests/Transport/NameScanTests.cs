using System.Collections.Generic;
using System.Linq;
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
    [InlineData("class C { string a = \"\\\\n\\\\t\"; string b = \"\\\\\\\\\"; int \\u0054ls; }", true)]
    [InlineData("class C { string a = \"\\\\n\\\\t\\\\\"; string b = \"x\"; int \\U00000054ls; }", true)]
    [InlineData("class C { string a = \"\\\\n\\\\t\\\\r\\\\\\\\\"; }", false)]
    [InlineData("class C { string a = \"u\\\\\"; string U = \"\\\\n\"; }", false)]
    public void Reads_a_file_that_names_one_or_holds_a_unicode_escape(string source, bool expected) =>
        Assert.Equal(expected, NameScan.MayHold(CSharpSyntaxTree.ParseText(source), new HashSet<string> { "Tls" }, default));

    [Theory]
    [InlineData("var h = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;", true)]
    [InlineData("DangerousAcceptAnyServerCertificateValidator", true)]
    [InlineData("x DangerousAcceptAnyServerCertificateValidator", true)]
    [InlineData("Validator DangerousAcceptAnyServerCertificate Validator", false)]
    [InlineData("DangerousAcceptAnyServerCertificateValidato", false)]
    [InlineData("angerousAcceptAnyServerCertificateValidator", false)]
    [InlineData("var p = SslProtocols.Tls12;", true)]
    [InlineData("ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;", true)]
    [InlineData("var p = Protocols.Tls12; var t = SecurityProtocol;", false)]
    [InlineData("Ssl3", true)]
    [InlineData("x Ssl", false)]
    [InlineData("int x = 123;", true)]
    [InlineData("int x = 12;", false)]
    [InlineData("", false)]
    public void Finds_each_name_wherever_it_is_written(string text, bool expected)
    {
        var names = new HashSet<string> { "DangerousAcceptAnyServerCertificateValidator", "SslProtocols", "SecurityProtocolType", "Ssl3", "123", string.Empty };

        Assert.Equal(expected, NameScan.MayHold(CSharpSyntaxTree.ParseText(text), names, default));
    }

    [Fact]
    public void Never_searches_for_the_empty_name()
    {
        var names = new HashSet<string> { "SslProtocols", string.Empty, "Tls" };

        Assert.False(NameScan.MayHold(CSharpSyntaxTree.ParseText("class C { }"), names, default));
        Assert.True(NameScan.MayHold(CSharpSyntaxTree.ParseText("class C { object p = Protocols.Tls; }"), names, default));
    }
}
