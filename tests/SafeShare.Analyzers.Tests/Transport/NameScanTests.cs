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
    public void Reads_a_file_that_names_one_or_holds_a_unicode_escape(string source, bool expected)
    {
        var tree = CSharpSyntaxTree.ParseText(source);

        Assert.Equal(expected, NameScan.MayHold(tree, new HashSet<string> { "Tls" }, default));
        Assert.Equal(expected, NameScan.MayHold(tree, new NameScan.RareName("Tls", 'l'), default));
        Assert.Equal(expected, NameScan.MayHold(tree, new NameScan.RareName("Tls", 'T'), default));
    }

    [Theory]
    [InlineData("var h = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;", true)]
    [InlineData("DangerousAcceptAnyServerCertificateValidator", true)]
    [InlineData("Validator DangerousAcceptAnyServerCertificateValidator", true)]
    [InlineData("Validator DangerousAcceptAnyServerCertificate Validator", false)]
    [InlineData("DangerousAcceptAnyServerCertificateV", false)]
    [InlineData("Validator", false)]
    [InlineData("var h = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; var p = \"C:\\\\x\";", true)]
    [InlineData("var p = \"C:\\\\x\"; var h = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;", true)]
    [InlineData("var p = \"C:\\\\x\"; var h = HttpClientHandler.DangerousAcceptAnyServerCertificateValidato;", false)]
    [InlineData("var p = \"C:\\\\x\"; var h = \"\\u0041\";", true)]
    [InlineData("var h = \"\\u0041\"; var v = Validator;", true)]
    [InlineData("var h = HttpClientHandler.\\u0044angerousAcceptAnyServerCertificateValidator;", true)]
    public void The_single_pass_finds_the_name_or_an_escape_before_and_after_the_first_backslash(string text, bool expected)
    {
        var tree = CSharpSyntaxTree.ParseText(text);

        Assert.Equal(expected, NameScan.MayHold(tree, new NameScan.RareName("DangerousAcceptAnyServerCertificateValidator", 'V'), default));
        Assert.Equal(expected, NameScan.MayHold(tree, new HashSet<string> { "DangerousAcceptAnyServerCertificateValidator" }, default));
    }

    [Fact]
    public void A_rare_character_the_name_lacks_falls_back_to_its_first_and_the_empty_name_is_never_found()
    {
        var fallback = new NameScan.RareName("Tls", 'Q');
        Assert.Equal(('T', 0), (fallback.Rare, fallback.Offset));
        Assert.True(NameScan.MayHold(CSharpSyntaxTree.ParseText("object p = Protocols.Tls;"), fallback, default));

        var empty = new NameScan.RareName(string.Empty, 'x');
        Assert.False(NameScan.MayHold(CSharpSyntaxTree.ParseText("class C { string p = \"C:\\\\x\"; }"), empty, default));
        Assert.True(NameScan.MayHold(CSharpSyntaxTree.ParseText("class C { string p = \"\\u0041\"; }"), empty, default));
    }

    [Fact]
    public void The_single_pass_answers_as_the_two_searches_do_on_random_text()
    {
        // Texts built from the name's pieces, its rare character, backslashes and escape letters, so that near misses,
        // names straddling the first backslash and escapes on either side of it are common; a quarter also get the name.
        const string Name = "DangerousAcceptAnyServerCertificateValidator";
        var names = new HashSet<string> { Name };
        AgreeOnRandomTexts(
            ["Dangerous", "AcceptAny", "Server", "Certificate", "Validator", "V", "D", "\\", "u", "U", " ", "x", "\\u", "\\\\"], Name, seed: 6,
            tree => NameScan.MayHold(tree, names, default),
            tree => NameScan.MayHold(tree, new NameScan.RareName(Name, 'V'), default),
            tree => NameScan.MayHold(tree, new NameScan.RareName(Name, 'D'), default));
    }

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
        Assert.Equal(expected, NameScan.MayHold(CSharpSyntaxTree.ParseText(text), names, "Protocol", default));
    }

    [Theory]
    [InlineData("var p = SslProtocols.Tls12;", true)]
    [InlineData("ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;", true)]
    [InlineData("ServicePointManager.SecurityProtocol = x;", false)]
    [InlineData("Protocols SslProtocol s SecurityProtocolTyp", false)]
    [InlineData("SslProtocolsSecurityProtocolType", true)]
    [InlineData("ProtocolType", false)]
    [InlineData("Tls", true)]
    [InlineData("ProtocolProtocol", true)]
    [InlineData("xProtocolProtocolx", true)]
    [InlineData("ProtocolProtoco", false)]
    public void Names_sharing_a_part_are_found_around_it(string text, bool expected)
    {
        // "Tls" does not hold the shared part and is searched for by itself; "ProtocolProtocol" holds it twice.
        var names = new HashSet<string> { "SslProtocols", "SecurityProtocolType", "Tls", "ProtocolProtocol" };
        var tree = CSharpSyntaxTree.ParseText(text);

        Assert.Equal(expected, NameScan.MayHold(tree, names, "Protocol", default));
        Assert.Equal(expected, NameScan.MayHold(tree, names, default));
    }

    [Fact]
    public void The_shared_part_search_answers_as_the_per_name_search_does_on_random_text()
    {
        var names = new HashSet<string> { "SslProtocols", "SecurityProtocolType", "Tls" };
        AgreeOnRandomTexts(
            ["Ssl", "Protocol", "Protocols", "s", "Security", "Type", "ProtocolType", "Tl", "x", " ", "\\", "\\u", "P"], "SecurityProtocolType", seed: 204,
            tree => NameScan.MayHold(tree, names, default),
            tree => NameScan.MayHold(tree, names, "Protocol", default));
    }

    /// <summary>
    /// 3,000 texts of up to 24 random pieces, a quarter with <paramref name="inserted"/> put somewhere, on which every
    /// scan must answer as the reference does; between a sixth and five sixths of them must hold a name.
    /// </summary>
    private static void AgreeOnRandomTexts(string[] pieces, string inserted, int seed, System.Func<Microsoft.CodeAnalysis.SyntaxTree, bool> reference, params System.Func<Microsoft.CodeAnalysis.SyntaxTree, bool>[] scans)
    {
        var random = new System.Random(seed);
        var found = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 24)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (random.Next(4) == 0)
            {
                text = text.Insert(random.Next(text.Length + 1), inserted);
            }

            var tree = CSharpSyntaxTree.ParseText(text);
            var expected = reference(tree);
            found += expected ? 1 : 0;
            for (var scan = 0; scan < scans.Length; scan++)
            {
                Assert.True(expected == scans[scan](tree), $"'{text}': the reference says {expected}, scan {scan} does not");
            }
        }

        Assert.InRange(found, 500, 2500);
    }

    [Fact]
    public void Never_searches_for_the_empty_name()
    {
        var names = new HashSet<string> { "SslProtocols", string.Empty, "Tls" };

        Assert.False(NameScan.MayHold(CSharpSyntaxTree.ParseText("class C { }"), names, default));
        Assert.True(NameScan.MayHold(CSharpSyntaxTree.ParseText("class C { object p = Protocols.Tls; }"), names, default));
    }
}
