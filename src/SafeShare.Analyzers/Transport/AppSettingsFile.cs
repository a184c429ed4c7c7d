using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SafeShare.Analyzers.Transport;

/// <summary>A string value in an appsettings*.json file: the property it belongs to and where its text is.</summary>
internal readonly struct JsonStringValue
{
    public JsonStringValue(string property, int start, string text)
    {
        Property = property;
        Start = start;
        Text = text;
    }

    /// <summary>The name of the property the value belongs to ("" in an array).</summary>
    public string Property { get; }

    /// <summary>Where the value's text starts in the file, just after the opening quote.</summary>
    public int Start { get; }

    /// <summary>The value as written between the quotes (escapes not decoded, so positions stay exact).</summary>
    public string Text { get; }
}

/// <summary>
/// Reads the appsettings*.json files a project gives the compiler as AdditionalFiles. Connection strings
/// and service URLs usually live there rather than in code, so the transport rules read them too.
/// </summary>
internal static class AppSettingsFile
{
    /// <summary>appsettings.json, appsettings.Development.json and the like.</summary>
    public static bool IsAppSettings(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) &&
            name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Every string value in the file. A small tolerant scanner rather than a JSON parser: a half-written
    /// file in the IDE still yields the values before the damage, and nothing throws.
    /// </summary>
    public static IEnumerable<JsonStringValue> StringValues(string json)
    {
        var lastKey = string.Empty;
        var i = 0;
        while (i < json.Length)
        {
            var c = json[i];
            if (c == '/' && i + 1 < json.Length && json[i + 1] == '/')
            {
                // appsettings files allow comments.
                while (i < json.Length && json[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c == '/' && i + 1 < json.Length && json[i + 1] == '*')
            {
                var close = json.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? json.Length : close + 2;
                continue;
            }

            if (c != '"')
            {
                i++;
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < json.Length && json[end] != '"' && json[end] != '\n')
            {
                end += json[end] == '\\' ? 2 : 1;
            }

            end = Math.Min(end, json.Length);
            var text = json.Substring(start, end - start);
            var next = end + 1;
            while (next < json.Length && char.IsWhiteSpace(json[next]))
            {
                next++;
            }

            if (next < json.Length && json[next] == ':')
            {
                lastKey = text;
            }
            else
            {
                yield return new JsonStringValue(lastKey, start, text);
            }

            i = end + 1;
        }
    }

    /// <summary>A location inside an additional file, with line positions, as the compiler reports it.</summary>
    public static Location Location(AdditionalText file, SourceText text, int start, int length)
    {
        var span = new TextSpan(start, length);
        return Microsoft.CodeAnalysis.Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }
}
