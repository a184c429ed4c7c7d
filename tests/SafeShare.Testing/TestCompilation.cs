using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SafeShare.Testing;

/// <summary>Builds compilations the way a user's project compiles: the framework plus the SafeShare runtime.</summary>
public static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
    {
        var tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        return tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path =>
            {
                var name = Path.GetFileName(path);
                return name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll";
            })
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>The framework and the SafeShare runtime assembly.</summary>
    public static ImmutableArray<MetadataReference> References { get; } =
        FrameworkReferences.Value.Add(MetadataReference.CreateFromFile(typeof(PersonalDataAttribute).Assembly.Location));

    public static CSharpCompilation Create(params string[] sources) => Create(sources, References);

    /// <summary>The framework, the SafeShare runtime, and the assemblies of <paramref name="types"/> (a library the project uses).</summary>
    public static ImmutableArray<MetadataReference> ReferencesWith(params Type[] types) =>
        References.AddRange(types.Select(t => t.Assembly.Location).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)));

    public static CSharpCompilation Create(string[] sources, ImmutableArray<MetadataReference> references, string assemblyName = "TestProject") =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"/0/Test{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
