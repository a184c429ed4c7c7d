using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeShare.Analyzers.Generation;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>Runs the SafeShare generator over sources the way the compiler does.</summary>
internal static class GeneratorHost
{
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(params string[] sources)
    {
        var compilation = TestCompilation.Create(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new SafeShareGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Compiles the generator's output with the sources and loads it, failing on any error.</summary>
    public static Assembly CompileAndLoad(Compilation output)
    {
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The generated code does not compile:\n" + string.Join("\n", errors));
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true).LoadFromStream(stream);
    }
}
