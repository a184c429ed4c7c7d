using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

using S = SafeShare.Text.InventorySchema;

namespace SafeShare.Cli.Report;

/// <summary>The legal basis recorded for a type, member or share (enum member names, as in the manifest).</summary>
internal sealed record Basis(string? LawfulBasis, string? Gateway, string? Article9Condition, string? Schedule1, int? Schedule1Paragraph, string? BasisInLaw);

internal sealed record InventoryMember(string Name, string Kind, IReadOnlyList<string> Categories, string? Subject, Basis Basis);

internal sealed record InventoryType(string Type, string? Subject, string? Retention, Basis Basis, IReadOnlyList<InventoryMember> Members);

internal sealed record InventoryField(string Name, string Kind, string? Category);

internal sealed record InventoryShare(string Name, string Recipient, string Purpose, string Payload, Basis Basis, IReadOnlyList<InventoryField> Fields);

/// <summary>
/// The data inventory SafeShare's generator compiles into an assembly (<see cref="S"/>, in
/// <c>[assembly: AssemblyMetadata("SafeShare.DataInventory", json)]</c>), read from the file's
/// metadata with System.Reflection.Metadata: the assembly is never loaded or run.
/// </summary>
internal sealed record Inventory(
    string Assembly,
    string AssemblyVersion,
    string? AppropriatePolicyDocument,
    IReadOnlyList<InventoryType> Types,
    IReadOnlyList<InventoryShare> Shares)
{
    public const string MetadataKey = S.MetadataKey;
    public const string Schema = S.Version;

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

    private static Inventory Parse(string json, string name, string version, string? policy, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var schema = root.GetProperty(S.Schema).GetString();
            if (schema != Schema)
            {
                throw new ToolException($"'{path}' holds a data inventory in schema '{schema}'; this safeshare reads '{Schema}'.");
            }

            var types = root.GetProperty(S.Types).EnumerateArray().Select(t => new InventoryType(
                Text(t, S.Type)!,
                Text(t, S.Subject),
                Text(t, S.Retention),
                ReadBasis(t),
                t.GetProperty(S.Members).EnumerateArray().Select(m => new InventoryMember(
                    Text(m, S.Name)!,
                    Text(m, S.Kind)!,
                    m.GetProperty(S.Categories).EnumerateArray().Select(c => c.GetString()!).ToArray(),
                    Text(m, S.Subject),
                    ReadBasis(m))).ToArray())).ToArray();
            var shares = root.GetProperty(S.Shares).EnumerateArray().Select(s => new InventoryShare(
                Text(s, S.Name)!,
                Text(s, S.Recipient)!,
                Text(s, S.Purpose)!,
                Text(s, S.Payload)!,
                ReadBasis(s),
                s.GetProperty(S.Fields).EnumerateArray().Select(f => new InventoryField(Text(f, S.Name)!, Text(f, S.Kind)!, Text(f, S.Category))).ToArray())).ToArray();
            return new Inventory(name, version, policy, types, shares);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or NullReferenceException)
        {
            throw new ToolException($"The data inventory in '{path}' cannot be read ({SafeShareTool.OneLine(e.Message)}).");
        }
    }

    private static Basis ReadBasis(JsonElement e) => new(
        Text(e, S.LawfulBasis),
        Text(e, S.Gateway),
        Text(e, S.Article9Condition),
        Text(e, S.Schedule1),
        e.TryGetProperty(S.Schedule1Paragraph, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null,
        Text(e, S.BasisInLaw));

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
