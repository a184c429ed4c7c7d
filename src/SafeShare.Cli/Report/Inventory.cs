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
internal sealed record Basis(string? LawfulBasis, string? Gateway, string? Article9Condition, string? Schedule1, int? Schedule1Paragraph, string? BasisInLaw, string? Annex1 = null, int? Annex1Paragraph = null);

/// <summary>What authorises criminal offence data (UK GDPR Art. 10; DPA 2018 s10(5)), as the manifest records it.</summary>
internal sealed record Article10(string? OfficialAuthority, string? Schedule1, int? Schedule1Paragraph)
{
    public override string ToString() => Text.LegalWords.Article10(OfficialAuthority, Schedule1, Schedule1Paragraph);
}

internal sealed record InventoryMember(string Name, string Kind, IReadOnlyList<string> Categories, string? Subject, Basis Basis, Article10? Article10 = null);

/// <summary>A type holding personal data; <see cref="Assembly"/> is where it is defined, and <see cref="InheritedFrom"/> the base type whose personal members it inherits when its own assembly's inventory does not list it.</summary>
internal sealed record InventoryType(string Type, string? Subject, string? Retention, Basis Basis, IReadOnlyList<InventoryMember> Members, Article10? Article10 = null)
{
    public string Assembly { get; init; } = "";

    public string? InheritedFrom { get; init; }
}

internal sealed record InventoryField(string Name, string Kind, string? Category, Article10? Article10 = null);

internal sealed record InventoryShare(string Name, string Recipient, string Purpose, string Payload, Basis Basis, IReadOnlyList<InventoryField> Fields, SharingAgreement? Agreement = null)
{
    /// <summary>The assembly that declares the share.</summary>
    public string Assembly { get; init; } = "";
}

/// <summary>The information sharing agreement behind a share: dates as written ("yyyy-MM-dd") and where it is kept.</summary>
internal sealed record SharingAgreement(string AgreedOn, string? LastReviewedOn, string? Reference);

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
    /// <summary>Every assembly read into this inventory with its version (one, unless it is a system's).</summary>
    public IReadOnlyList<(string Name, string Version)> Assemblies { get; init; } = Array.Empty<(string, string)>();

    /// <summary>Each type defined in the assembly and its base type, by full name: how inherited members are found across assemblies.</summary>
    internal IReadOnlyList<(string Type, string BaseType)> BaseTypes { get; init; } = Array.Empty<(string, string)>();

    /// <summary>
    /// The inventory of a system: every path given, each an assembly or a folder of them (in a folder, assemblies with
    /// no SafeShare inventory, such as the framework's and packages', are passed over). One path reads as before.
    /// </summary>
    public static Inventory ReadSystem(IReadOnlyList<string> paths)
    {
        var parts = new List<Inventory>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                parts.Add(Read(path));
                continue;
            }

            var found = Directory.GetFiles(path, "*.dll").OrderBy(f => f, StringComparer.Ordinal)
                .Select(TryRead).Where(i => i is not null).Select(i => i!).ToList();
            if (found.Count == 0)
            {
                throw new ToolException($"'{path}' holds no assembly with a SafeShare data inventory; build the projects with the SafeShare package, or give their assemblies (.dll).");
            }

            parts.AddRange(found);
        }

        var distinct = parts.GroupBy(p => p.Assembly, StringComparer.Ordinal).Select(g => g.First()).ToList();
        return distinct.Count == 1 ? distinct[0] : Merge(distinct);
    }

    // In a folder: an assembly without an inventory (or not an assembly) is not part of the system's record.
    private static Inventory? TryRead(string path)
    {
        try
        {
            return Read(path);
        }
        catch (ToolException)
        {
            return null;
        }
    }

    /// <summary>
    /// One record for several assemblies: each type once, with the assembly it comes from; every share; and the types
    /// that inherit personal members from a base type in another assembly, which their own inventory cannot list.
    /// </summary>
    public static Inventory Merge(IReadOnlyList<Inventory> parts)
    {
        var types = new Dictionary<string, InventoryType>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var type in part.Types)
            {
                if (!types.ContainsKey(type.Type))
                {
                    types.Add(type.Type, type);
                }
            }
        }

        // Follow base types until nothing new is found: a type two levels below a listed one is found on the second pass.
        var links = parts.SelectMany(p => p.BaseTypes.Select(b => (b.Type, b.BaseType, p.Assembly))).ToList();
        for (var added = true; added;)
        {
            added = false;
            foreach (var (type, baseType, assembly) in links)
            {
                if (!types.ContainsKey(type) && types.TryGetValue(baseType, out var inherited))
                {
                    types.Add(type, inherited with { Type = type, Assembly = assembly, InheritedFrom = baseType });
                    added = true;
                }
            }
        }

        return new Inventory(
            string.Join(", ", parts.Select(p => p.Assembly)),
            string.Join(", ", parts.Select(p => p.AssemblyVersion)),
            parts.Select(p => p.AppropriatePolicyDocument).FirstOrDefault(d => d is not null),
            types.Values.OrderBy(t => t.Type, StringComparer.Ordinal).ToArray(),
            parts.SelectMany(p => p.Shares).GroupBy(s => s.Name, StringComparer.Ordinal).Select(g => g.First()).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray())
        {
            Assemblies = parts.SelectMany(p => p.Assemblies).ToArray(),
        };
    }

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
        var baseTypes = new List<(string, string)>();
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
            baseTypes.AddRange(BaseTypesOf(metadata));
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

        return Parse(json, name, version, policy, path) with { Assemblies = new[] { (name, version) }, BaseTypes = baseTypes };
    }

    // Non-generic types only: the inventory names types as C# does, and a generic's metadata name ("Box`1") is not that.
    private static IEnumerable<(string Type, string BaseType)> BaseTypesOf(MetadataReader metadata)
    {
        foreach (var handle in metadata.TypeDefinitions)
        {
            var definition = metadata.GetTypeDefinition(handle);
            if (definition.BaseType.IsNil || FullName(metadata, handle) is not { } type)
            {
                continue;
            }

            var baseType = definition.BaseType.Kind switch
            {
                HandleKind.TypeDefinition => FullName(metadata, (TypeDefinitionHandle)definition.BaseType),
                HandleKind.TypeReference => FullName(metadata, (TypeReferenceHandle)definition.BaseType),
                _ => null,
            };
            if (baseType is not null)
            {
                yield return (type, baseType);
            }
        }
    }

    private static string? FullName(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var definition = metadata.GetTypeDefinition(handle);
        var name = metadata.GetString(definition.Name);
        if (name.Contains('`') || name.StartsWith("<", StringComparison.Ordinal))
        {
            return null;
        }

        var declaring = definition.GetDeclaringType();
        return declaring.IsNil
            ? Qualified(metadata.GetString(definition.Namespace), name)
            : FullName(metadata, declaring) is { } outer ? outer + "." + name : null;
    }

    private static string? FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var reference = metadata.GetTypeReference(handle);
        var name = metadata.GetString(reference.Name);
        if (name.Contains('`'))
        {
            return null;
        }

        return reference.ResolutionScope.Kind == HandleKind.TypeReference
            ? FullName(metadata, (TypeReferenceHandle)reference.ResolutionScope) is { } outer ? outer + "." + name : null
            : Qualified(metadata.GetString(reference.Namespace), name);
    }

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

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
                    ReadBasis(m),
                    ReadArticle10(m))).ToArray(),
                ReadArticle10(t)) { Assembly = name }).ToArray();
            var shares = root.GetProperty(S.Shares).EnumerateArray().Select(s => new InventoryShare(
                Text(s, S.Name)!,
                Text(s, S.Recipient)!,
                Text(s, S.Purpose)!,
                Text(s, S.Payload)!,
                ReadBasis(s),
                s.GetProperty(S.Fields).EnumerateArray().Select(f => new InventoryField(Text(f, S.Name)!, Text(f, S.Kind)!, Text(f, S.Category), ReadArticle10(f))).ToArray(),
                s.TryGetProperty(S.Agreement, out var a) && a.ValueKind == JsonValueKind.Object && Text(a, S.AgreedOn) is { } agreedOn
                    ? new SharingAgreement(agreedOn, Text(a, S.LastReviewedOn), Text(a, S.Reference))
                    : null) { Assembly = name }).ToArray();
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
        Text(e, S.BasisInLaw),
        Text(e, S.Annex1),
        e.TryGetProperty(S.Annex1Paragraph, out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32() : null);

    private static Article10? ReadArticle10(JsonElement e) =>
        e.TryGetProperty(S.Article10, out var a) && a.ValueKind == JsonValueKind.Object
            ? new Article10(
                Text(a, S.OfficialAuthority),
                Text(a, S.Schedule1),
                a.TryGetProperty(S.Schedule1Paragraph, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null)
            : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
