using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeShare.Testing;

/// <summary>
/// .editorconfig settings as a build hands them to analyzers: the same key-value pairs for every file, and as the
/// project's global options.
/// </summary>
public sealed class TestConfigOptions : AnalyzerConfigOptionsProvider
{
    private static readonly Options None = new(ImmutableDictionary<string, string>.Empty);

    private readonly Options _options;
    private readonly Options _global;

    public TestConfigOptions(params (string Key, string Value)[] settings)
        : this(global: true, settings)
    {
    }

    private TestConfigOptions(bool global, (string Key, string Value)[] settings)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
        foreach (var (key, value) in settings)
        {
            builder[key] = value;
        }

        _options = new Options(builder.ToImmutable());
        _global = global ? _options : None;
    }

    /// <summary>Settings of a <c>[*.cs]</c> section only, as an .editorconfig gives them: none of them global.</summary>
    public static TestConfigOptions ForSourceFiles(params (string Key, string Value)[] settings) => new(global: false, settings);

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = null!;
            return false;
        }

        public override IEnumerable<string> Keys => _values.Keys;
    }
}
