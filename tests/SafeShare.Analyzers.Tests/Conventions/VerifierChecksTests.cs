using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SafeShare.Analyzers.Classification;
using SafeShare.Testing;
using Xunit;
using Xunit.Sdk;

namespace SafeShare.Analyzers.Tests.Conventions;

/// <summary>The verifier's message and severity checks fail when they should, so a passing rule test means something.</summary>
public class VerifierChecksTests
{
#pragma warning disable RS2008 // A descriptor for the checks, not a shipped rule.
    private static readonly DiagnosticDescriptor Rule = new("TEST001", "Test", "'{0}' is sent to {1}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    [Fact]
    public void A_complete_message_at_the_default_severity_passes() =>
        AnalyzerVerifier<LawfulBasisAnalyzer>.CheckMessages(new[] { Diagnostic.Create(Rule, Location.None, "Child.Name", "the police") }, ImmutableArray.Create(Rule));

    [Fact]
    public void A_blank_argument_fails() =>
        Assert.Throws<TrueException>(() => AnalyzerVerifier<LawfulBasisAnalyzer>.CheckMessages(new[] { Diagnostic.Create(Rule, Location.None, " ", "the police") }, ImmutableArray.Create(Rule)));

    [Fact]
    public void A_missing_argument_fails() =>
        Assert.Throws<TrueException>(() => AnalyzerVerifier<LawfulBasisAnalyzer>.CheckMessages(new[] { Diagnostic.Create(Rule, Location.None, "Child.Name") }, ImmutableArray.Create(Rule)));

    [Fact]
    public void A_severity_other_than_the_rule_default_fails()
    {
#pragma warning disable RS2008
        var asError = new DiagnosticDescriptor(Rule.Id, "Test", Rule.MessageFormat, "Test", DiagnosticSeverity.Error, isEnabledByDefault: true);
#pragma warning restore RS2008
        Assert.Throws<TrueException>(() => AnalyzerVerifier<LawfulBasisAnalyzer>.CheckMessages(new[] { Diagnostic.Create(asError, Location.None, "Child.Name", "the police") }, ImmutableArray.Create(Rule)));
    }
}
