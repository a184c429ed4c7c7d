using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeShare.Analyzers.Generation;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>
/// The inventory's JSON is written straight into the generated constant's literal. That literal must be the
/// one Roslyn's own escaping makes of the JSON, and must read back as the JSON, whatever a declared purpose, recipient
/// or gateway holds: quotes, backslashes, line breaks, control characters, separators, surrogates.
/// </summary>
public class InventoryJsonTests
{
    private static readonly string[] Texts =
    [
        "plain",
        string.Empty,
        "say \"yes\"",
        @"C:\shares\police",
        "line\nbreak\r\nand\ttab",
        "bell\a nul\0 unit\u001f",
        "del\u007f",
        "café, naïve, Ærø",
        "line\u2028separator\u2029paragraph\u0085next",
        "emoji \U0001F600 pair",
        "lone high \uD83D end",
        "lone low \uDE00 end",
        "\uDE00\uD83D reversed",
        "unassigned \u0378 and private \uE000 and BOM \uFEFF",
        "mixed \" \\ \u2028 \U0001F600 \n é",
    ];

    public static TheoryData<string> Awkward => new(Texts);

    [Theory]
    [MemberData(nameof(Awkward))]
    public void A_string_written_as_a_literal_is_the_literal_Roslyn_makes_of_its_JSON(string value)
    {
        var plain = new StringBuilder();
        new JsonText(plain, asCSharpLiteral: false).Str(value);
        var literal = new StringBuilder();
        new JsonText(literal, asCSharpLiteral: true).Quote().Str(value).Quote();

        Assert.Equal(LegalText.Literal(plain.ToString()), literal.ToString());
        Assert.Equal(value, JsonSerializer.Deserialize<string>(plain.ToString()));
    }

    [Fact]
    public void The_generated_constant_reads_back_as_the_inventory_JSON()
    {
        var model = Model(Texts);

        var json = InventoryEmitter.Json(model);
        var source = InventoryEmitter.Emit(model);

        Assert.Contains($"public const string Json = {LegalText.Literal(json)};\n", source);
        var constant = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.ValueText == "Json");
        Assert.Equal(json, ((LiteralExpressionSyntax)constant.Initializer!.Value).Token.ValueText);

        // A lone surrogate stays as it is in the JSON, as before (the compiler writes it to the metadata as U+FFFD, which
        // the CLI reads); the rest is read back by a JSON parser.
        model = Model(Texts.Where(t => !t.Contains("lone") && !t.Contains("reversed")).ToArray());
        json = InventoryEmitter.Json(model);
        using var document = JsonDocument.Parse(json);
        var shares = document.RootElement.GetProperty("shares").EnumerateArray().ToList();
        Assert.Equal(model.Shares.Select(s => s.Purpose), shares.Select(s => s.GetProperty("purpose").GetString()));
        Assert.Equal(model.Shares.Select(s => s.Recipient), shares.Select(s => s.GetProperty("recipient").GetString()));
        var types = document.RootElement.GetProperty("types").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, types[0].GetProperty("subject").ValueKind);
        Assert.Equal(["Health", "Ethnicity"], types[0].GetProperty("members")[0].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(3, types[0].GetProperty("schedule1Paragraph").GetInt32());
    }

    [Fact]
    public void An_empty_inventory_is_valid_JSON_in_a_valid_literal()
    {
        var model = new InventoryModel("Empty", EquatableArray<InventoryType>.Empty, EquatableArray<InventoryShare>.Empty);

        var json = InventoryEmitter.Json(model);

        Assert.Equal("""{"schema":"safeshare-inventory/1","assembly":"Empty","types":[],"shares":[]}""", json);
        Assert.Contains($"public const string Json = {LegalText.Literal(json)};\n", InventoryEmitter.Emit(model));
    }

    private static InventoryModel Model(string[] texts)
    {
        var basis = new LegalBasis("PublicTask", "Children Act 1989 s47", "SubstantialPublicInterest", "SafeguardingOfChildrenAndIndividualsAtRisk", 3, texts[^1]);
        var member = new InventoryMember("HealthNeeds", "SpecialCategory", new[] { "Health", "Ethnicity" }.ToEquatableArray(), null, basis);
        var type = new InventoryType("N.ChildRecord", null, basis, "22 years after DateOfBirth", new[] { member }.ToEquatableArray());
        var shares = texts.Select((text, i) => new InventoryShare(
            "N.Referrals.Refer" + i, text, text + " (purpose)", "global::N.ChildRecord", basis,
            new[] { new DataField("HealthNeeds", "SpecialCategory", "Health"), new DataField(text, "Personal", null) }.ToEquatableArray()));
        return new InventoryModel("Council \"Children\"", new[] { type }.ToEquatableArray(), shares.ToEquatableArray());
    }
}
