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
    private readonly Options _options;

    public TestConfigOptions(params (string Key, string Value)[] settings)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
        foreach (var (key, value) in settings)
        {
            builder[key] = value;
        }

        _options = new Options(builder.ToImmutable());
    }

    public override AnalyzerConfigOptions GlobalOptions => _options;

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
