using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace SafeShare.Cli.Report;

/// <summary>The legal basis recorded for a type, member or share (enum member names, as in the manifest).</summary>
internal sealed record Basis(string? LawfulBasis, string? Gateway, string? Article9Condition, string? Schedule1, int? Schedule1Paragraph, string? BasisInLaw, string? Annex1 = null, int? Annex1Paragraph = null);

/// <summary>What authorises criminal offence data (UK GDPR Art. 10; DPA 2018 s10(5)), as the manifest records it.</summary>
internal sealed record Article10(string? OfficialAuthority, string? Schedule1, int? Schedule1Paragraph)
{
    public override string ToString() => Text.LegalWords.Article10(OfficialAuthority, Schedule1, Schedule1Paragraph);
}

internal sealed record InventoryMember(string Name, string Kind, IReadOnlyList<string> Categories, string? Subject, Basis Basis, Article10? Article10 = null);

internal sealed record InventoryType(string Type, string? Subject, string? Retention, Basis Basis, IReadOnlyList<InventoryMember> Members, Article10? Article10 = null);

internal sealed record InventoryField(string Name, string Kind, string? Category, Article10? Article10 = null);

internal sealed record InventoryShare(string Name, string Recipient, string Purpose, string Payload, Basis Basis, IReadOnlyList<InventoryField> Fields, SharingAgreement? Agreement = null);

/// <summary>The information sharing agreement behind a share: dates as written ("yyyy-MM-dd") and where it is kept.</summary>
internal sealed record SharingAgreement(string AgreedOn, string? LastReviewedOn, string? Reference);

/// <summary>
/// The data inventory SafeShare's generator compiles into an assembly (schema "safeshare-inventory/1",
/// in <c>[assembly: AssemblyMetadata("SafeShare.DataInventory", json)]</c>), read from the file's
/// metadata with System.Reflection.Metadata: the assembly is never loaded or run.
/// </summary>
internal sealed record Inventory(
    string Assembly,
    string AssemblyVersion,
    string? AppropriatePolicyDocument,
    IReadOnlyList<InventoryType> Types,
    IReadOnlyList<InventoryShare> Shares)
{
    public const string MetadataKey = "SafeShare.DataInventory";
    public const string Schema = "safeshare-inventory/1";

    public static Inventory Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ToolException($"'{path}' is a folder; give the assembly (.dll) built from the project.");
        }

        if (!File.Exists(path))
        {
            throw new ToolException($"There is no assembly at '{path}'.");
        }

        string? json = null;
        string? policy = null;
        string name;
        string version;
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new ToolException($"'{path}' is not a .NET assembly (it has no metadata).");
            }

            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                throw new ToolException($"'{path}' is a .NET module, not an assembly.");
            }

            var assembly = metadata.GetAssemblyDefinition();
            name = metadata.GetString(assembly.Name);
            version = assembly.Version.ToString();
            foreach (var handle in assembly.GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                var (ns, type) = AttributeType(metadata, attribute);
                if (ns == "System.Reflection" && type == "AssemblyMetadataAttribute")
                {
                    var blob = metadata.GetBlobReader(attribute.Value);
                    if (blob.ReadUInt16() == 1 && blob.ReadSerializedString() == MetadataKey)
                    {
                        json = blob.ReadSerializedString();
                    }
                }
                else if (ns == "SafeShare" && type == "AppropriatePolicyDocumentAttribute")
                {
                    var blob = metadata.GetBlobReader(attribute.Value);
                    if (blob.ReadUInt16() == 1)
                    {
                        policy = blob.ReadSerializedString();
                    }
                }
            }
        }
        catch (BadImageFormatException)
        {
            throw new ToolException($"'{path}' is not a .NET assembly.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ToolException($"Permission denied reading '{path}'.");
        }

        if (json is null)
        {
            throw new ToolException($"'{path}' ({name}) holds no SafeShare data inventory: build it with the SafeShare package, whose generator writes one for every project with personal-data annotations or declared shares.");
        }

        return Parse(json, name, version, policy, path);
    }

    private static (string Namespace, string Name) AttributeType(MetadataReader metadata, CustomAttribute attribute)
    {
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MemberReference:
                var member = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (member.Parent.Kind == HandleKind.TypeReference)
                {
                    var reference = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
                    return (metadata.GetString(reference.Namespace), metadata.GetString(reference.Name));
                }

                if (member.Parent.Kind == HandleKind.TypeDefinition)
                {
                    var definition = metadata.GetTypeDefinition((TypeDefinitionHandle)member.Parent);
                    return (metadata.GetString(definition.Namespace), metadata.GetString(definition.Name));
                }

                break;
            case HandleKind.MethodDefinition:
                var method = metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
                var type = metadata.GetTypeDefinition(method.GetDeclaringType());
                return (metadata.GetString(type.Namespace), metadata.GetString(type.Name));
        }

        return (string.Empty, string.Empty);
    }

    internal static Inventory Parse(string json, string name, string version, string? policy, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var schema = root.GetProperty("schema").GetString();
            if (schema != Schema)
            {
                throw new ToolException($"'{path}' holds a data inventory in schema '{schema}'; this safeshare reads '{Schema}'.");
            }

            var types = root.GetProperty("types").EnumerateArray().Select(t => new InventoryType(
                Text(t, "type")!,
                Text(t, "subject"),
                Text(t, "retention"),
                ReadBasis(t),
                t.GetProperty("members").EnumerateArray().Select(m => new InventoryMember(
                    Text(m, "name")!,
                    Text(m, "kind")!,
                    m.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray(),
                    Text(m, "subject"),
                    ReadBasis(m),
                    ReadArticle10(m))).ToArray(),
                ReadArticle10(t))).ToArray();
            var shares = root.GetProperty("shares").EnumerateArray().Select(s => new InventoryShare(
                Text(s, "name")!,
                Text(s, "recipient")!,
                Text(s, "purpose")!,
                Text(s, "payload")!,
                ReadBasis(s),
                s.GetProperty("fields").EnumerateArray().Select(f => new InventoryField(Text(f, "name")!, Text(f, "kind")!, Text(f, "category"), ReadArticle10(f))).ToArray(),
                s.TryGetProperty("agreement", out var a) && a.ValueKind == JsonValueKind.Object && Text(a, "agreedOn") is { } agreedOn
                    ? new SharingAgreement(agreedOn, Text(a, "lastReviewedOn"), Text(a, "reference"))
                    : null)).ToArray();
            return new Inventory(name, version, policy, types, shares);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or NullReferenceException)
        {
            throw new ToolException($"The data inventory in '{path}' cannot be read ({SafeShareTool.OneLine(e.Message)}).");
        }
    }

    private static Basis ReadBasis(JsonElement e) => new(
        Text(e, "lawfulBasis"),
        Text(e, "gateway"),
        Text(e, "article9Condition"),
        Text(e, "schedule1"),
        e.TryGetProperty("schedule1Paragraph", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null,
        Text(e, "basisInLaw"),
        Text(e, "annex1"),
        e.TryGetProperty("annex1Paragraph", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32() : null);

    private static Article10? ReadArticle10(JsonElement e) =>
        e.TryGetProperty("article10", out var a) && a.ValueKind == JsonValueKind.Object
            ? new Article10(
                Text(a, "officialAuthority"),
                Text(a, "schedule1"),
                a.TryGetProperty("schedule1Paragraph", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null)
            : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
