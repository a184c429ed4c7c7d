using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Sharing;

/// <summary>
/// The logging and telemetry APIs SAFE110 reads, resolved once per compilation: Microsoft.Extensions.Logging's
/// <c>ILogger</c>, its extension methods and <c>[LoggerMessage]</c>; System.Diagnostics' <c>Debug</c>, <c>Trace</c>,
/// <c>EventLog</c> and <c>Activity</c> tags and baggage; <c>Console</c>; Serilog's <c>ILogger</c>, <c>Log</c> and
/// <c>LogContext</c>; and the project's <c>[Redactor]</c> methods. A type the compilation does not reference is not read.
/// </summary>
internal sealed class LoggingSinks
{
    private readonly Dictionary<INamedTypeSymbol, SinkFamily> _families = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _loggerMessages = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _exceptions = new(SymbolEqualityComparer.Default);

    // Each method definition is asked once.
    private readonly PerDefinition<IMethodSymbol, SinkFamily> _methodFamilies;
    private readonly PerDefinition<IMethodSymbol, bool> _redactors;

#pragma warning disable RS0030 // The one place SAFE110 looks types up by name: once per compilation.
    public LoggingSinks(Compilation compilation)
    {
        _methodFamilies = new(FamilyOfDefinition);
        // Asked only when the project references SafeShare's [Redactor] (IsRedactor checks first).
        _redactors = new(definition => HasAttribute(definition, Redactor!));
        Add(compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions"), SinkFamily.MicrosoftLogger);
        Add(compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger"), SinkFamily.MicrosoftLogger);
        Add(compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger`1"), SinkFamily.MicrosoftLogger);
        Add(compilation.GetTypeByMetadataName("Serilog.ILogger"), SinkFamily.Serilog);
        Add(compilation.GetTypeByMetadataName("Serilog.Log"), SinkFamily.Serilog);
        Add(compilation.GetTypeByMetadataName("Serilog.Context.LogContext"), SinkFamily.Serilog);
        Add(compilation.GetTypeByMetadataName("System.Diagnostics.Debug"), SinkFamily.Diagnostics);
        Add(compilation.GetTypeByMetadataName("System.Diagnostics.Trace"), SinkFamily.Diagnostics);
        Add(compilation.GetTypeByMetadataName("System.Diagnostics.EventLog"), SinkFamily.Diagnostics);
        Add(compilation.GetTypeByMetadataName("System.Diagnostics.Activity"), SinkFamily.Telemetry);
        Add(compilation.GetTypeByMetadataName("System.Diagnostics.ActivityTagsCollection"), SinkFamily.Telemetry);
        Add(compilation.GetTypeByMetadataName("System.Diagnostics.TagList"), SinkFamily.Telemetry);
        Add(compilation.GetTypeByMetadataName("System.Console"), SinkFamily.Console);
        Add(compilation.GetTypeByMetadataName("System.IO.TextWriter"), SinkFamily.ConsoleWriter);

        Console = compilation.GetTypeByMetadataName("System.Console");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
        LoggerMessage = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        Redactor = compilation.GetTypeByMetadataName("SafeShare.RedactorAttribute");
        TestFramework = ReferencesTestFramework(compilation);
    }
#pragma warning restore RS0030

    /// <summary>How a sink's arguments are read and named.</summary>
    public enum SinkFamily
    {
        None,
        MicrosoftLogger,
        Serilog,
        Diagnostics,
        Telemetry,
        Console,

        /// <summary><c>Console.Out</c> and <c>Console.Error</c>: a <c>TextWriter</c> write is a sink only on those.</summary>
        ConsoleWriter,

        /// <summary>A call of a <c>[LoggerMessage]</c> method (recognised by its attribute, not its type).</summary>
        LoggerMessage,

        /// <summary>A new exception's message (any type derived from <c>Exception</c>).</summary>
        ExceptionMessage,
    }

    public INamedTypeSymbol? Console { get; }
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? LoggerMessage { get; }
    public INamedTypeSymbol? Redactor { get; }

    /// <summary>
    /// Whether the compilation references any logging or telemetry API the rule reads. Without one nothing is registered:
    /// an exception's message is read because it reaches a log through one of them.
    /// </summary>
    public bool Any => _families.Count > 0 || LoggerMessage is not null;

    /// <summary>The compilation references xUnit, NUnit or MSTest: it is a test project.</summary>
    public bool TestFramework { get; }

    /// <summary>The family of the method's type, or None: one dictionary lookup for most calls of a program.</summary>
    public SinkFamily FamilyOf(IMethodSymbol method)
    {
        return _methodFamilies[(method.ReducedFrom ?? method).OriginalDefinition];
    }

    private SinkFamily FamilyOfDefinition(IMethodSymbol definition) =>
        definition.ContainingType?.OriginalDefinition is { } type && _families.TryGetValue(type, out var family) ? family : SinkFamily.None;

    /// <summary>A <c>[LoggerMessage]</c> method (source-generated logging): only partial methods are read.</summary>
    public bool IsLoggerMessage(IMethodSymbol method)
    {
        if (LoggerMessage is null)
        {
            return false;
        }

        var definition = method.PartialDefinitionPart ?? method;
        if (!definition.IsPartialDefinition)
        {
            return false;
        }

        return _loggerMessages.GetOrAdd(definition, m => HasAttribute(m, LoggerMessage));
    }

    /// <summary>A method the project declares returns text that is safe to log.</summary>
    public bool IsRedactor(IMethodSymbol method) =>
        Redactor is not null && _redactors[(method.ReducedFrom ?? method).OriginalDefinition];

    /// <summary>An exception type (System.Exception or a type derived from it).</summary>
    public bool IsException(ITypeSymbol? type)
    {
        if (Exception is null || type is null)
        {
            return false;
        }

        var definition = type.OriginalDefinition;
        return _exceptions.TryGetValue(definition, out var known) ? known : _exceptions.GetOrAdd(definition, t => SharingSymbols.Is(t, Exception));
    }

    private void Add(INamedTypeSymbol? type, SinkFamily family)
    {
        if (type is not null)
        {
            _families[type] = family;
        }
    }

    private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReferencesTestFramework(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (assembly.Name is "xunit.core" or "xunit.v3.core" or "xunit.assert" or "nunit.framework" or
                "Microsoft.VisualStudio.TestPlatform.TestFramework" or "MSTest.TestFramework")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the value is the <c>Console.Out</c> or <c>Console.Error</c> writer.</summary>
    public bool IsConsoleWriter(IOperation? instance) =>
        MethodFlow.Unwrap(instance) is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } property &&
        SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, Console);
}
