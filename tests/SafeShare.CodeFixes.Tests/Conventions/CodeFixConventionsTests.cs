using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeShare.CodeFixes.Classification;

namespace SafeShare.CodeFixes.Tests.Conventions;

/// <summary>Every code fix is discoverable by the IDE's MEF catalogue and supports Fix All.</summary>
public sealed class CodeFixConventionsTests
{
    private static Type[] ProviderTypes() =>
        typeof(AddArticle9ConditionCodeFixProvider).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

    public static TheoryData<Type> Providers() => new(ProviderTypes());

    [Fact]
    public void EveryFixOfTheClassificationRulesIsFound() =>
        Assert.Equal(
            new[] { nameof(AddArticle9ConditionCodeFixProvider), nameof(AddLawfulBasisCodeFixProvider), nameof(AddRetentionRuleCodeFixProvider) },
            ProviderTypes().Where(t => t.Namespace!.EndsWith(".Classification", StringComparison.Ordinal)).Select(t => t.Name).ToArray());

    [Fact]
    public void EveryFixOfTheSharingRulesIsFound() =>
        Assert.Equal(
            new[] { "LogIdentifierCodeFixProvider" },
            ProviderTypes().Where(t => t.Namespace!.EndsWith(".Sharing", StringComparison.Ordinal)).Select(t => t.Name).ToArray());

    [Fact]
    public void EveryFixOfTheTransportRulesIsFound() =>
        Assert.Equal(
            new[] { "EnableSslCodeFixProvider", "RemoveObsoleteProtocolCodeFixProvider", "TurnEncryptionOnCodeFixProvider", "UseEncryptedSchemeCodeFixProvider" },
            ProviderTypes().Where(t => t.Namespace!.EndsWith(".Transport", StringComparison.Ordinal)).Select(t => t.Name).ToArray());

    [Theory]
    [MemberData(nameof(Providers))]
    public void IsExportedSharedAndSupportsFixAll(Type type)
    {
        var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
        Assert.NotNull(export);
        Assert.Equal(new[] { LanguageNames.CSharp }, export!.Languages);
        Assert.Equal(type.Name, export.Name);
        Assert.NotNull(type.GetCustomAttribute<System.Composition.SharedAttribute>());
        Assert.True(type.IsPublic && type.IsSealed);

        var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
        Assert.NotEmpty(provider.FixableDiagnosticIds);
        Assert.All(provider.FixableDiagnosticIds, id => Assert.Matches("^SAFE[0-9]{3}$", id));
        var fixAll = provider.GetFixAllProvider();
        Assert.NotNull(fixAll);
        Assert.Contains(FixAllScope.Document, fixAll!.GetSupportedFixAllScopes());
        Assert.Contains(FixAllScope.Project, fixAll.GetSupportedFixAllScopes());
        Assert.Contains(FixAllScope.Solution, fixAll.GetSupportedFixAllScopes());
    }
}
