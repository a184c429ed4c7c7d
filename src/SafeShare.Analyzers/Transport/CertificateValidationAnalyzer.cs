using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// SAFE203: server certificate validation disabled. A callback shaped like a certificate check
/// (sender, certificate, chain, SslPolicyErrors) → bool that returns true on every path — lambda,
/// anonymous method, local function or method group, directly or through a local, a field, a method that
/// returns it, or a parameter a caller fills with one — and
/// <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>. Covers
/// ServerCertificateCustomValidationCallback, RemoteCertificateValidationCallback (SocketsHttpHandler.SslOptions,
/// SslClientAuthenticationOptions, ClientWebSocket.Options), ServicePointManager, HttpWebRequest and SslStream.
/// Guidance: Berkshire protocol Appendix B 1.3 and Solihull protocol §5.3.4 (secure email domains), North East Lincolnshire guidance §7 (secure transfer).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationAnalyzer : DiagnosticAnalyzer
{
    internal const string DangerousValidator = "DangerousAcceptAnyServerCertificateValidator";
    internal const int MaxDepth = 6;
    private static readonly HashSet<string> DangerousValidatorName = new(StringComparer.Ordinal) { DangerousValidator };

    // The scan of every file stops at each capital V: the name's rarest character in C# source, about 0.1 % of the
    // characters of this repository's sources and tests, against 0.3-0.4 % for D, the next.
    private static readonly NameScan.RareName DangerousValidatorScan = new(DangerousValidator, 'V');

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.CertificateValidationDisabled);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            // Nothing is looked up here, or for a delegate: a certificate check's parameter types are matched by name
            // (TransportSymbols.IsCertificateValidator), and HttpClientHandler is looked up only for a file naming the
            // dangerous validator.
            var symbols = TransportSymbols.Get(start.Compilation);
            // Every value a sink can resolve to accepting everything ends at a lambda, method group or the dangerous
            // validator written in the sink's own file (locals, fields' initializers and returning methods are followed
            // within a file). So the assignments and arguments of a file are read only when such a callback is found in
            // it written where it can travel from (InstalledWhereWritten), once per file, instead of an action on every
            // argument and assignment of the program.
            var filesRead = new ConcurrentDictionary<SyntaxTree, bool>();
            start.RegisterOperationAction(c => AnalyzeDelegateCreation(c, symbols, filesRead), OperationKind.DelegateCreation);

            // Property references are everywhere; this one is written by name. A file is read only when its text holds the
            // name (or a unicode escape, which could spell it), and HttpClientHandler is looked up only then: most
            // compilations never name the validator, and the lookup searches every reference.
            start.RegisterSemanticModelAction(c => AnalyzeDangerousValidator(c, symbols, filesRead));
        });
    }

    private static void AnalyzeDelegateCreation(OperationAnalysisContext context, TransportSymbols symbols, ConcurrentDictionary<SyntaxTree, bool> filesRead)
    {
        // Every lambda and method group of the program comes here: the rare finding is handled in another method, so that
        // the closure reporting through the context (a copy of a struct of a dozen fields) is made only then.
        var creation = (IDelegateCreationOperation)context.Operation;
        if (symbols.IsCertificateValidator(creation.Type) && AcceptingCallback.AcceptsAll(creation.Target, creation.SemanticModel, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), 0, context.CancellationToken))
        {
            ReportAcceptingCallback(context, creation, symbols, filesRead);
        }
    }

    private static void ReportAcceptingCallback(OperationAnalysisContext context, IDelegateCreationOperation creation, TransportSymbols symbols, ConcurrentDictionary<SyntaxTree, bool> filesRead)
    {
        var what = creation.Target is IMethodReferenceOperation method ? $"'{method.Method.Name}'" : "This callback";
        context.ReportOutsideGeneratedCode(Diagnostic.Create(Rules.CertificateValidationDisabled, creation.Syntax.GetLocation(), what));
        if (creation.SemanticModel is { } model && !InstalledWhereWritten(creation, model.SyntaxTree) && filesRead.TryAdd(model.SyntaxTree, true))
        {
            CertificateSinks.AnalyzeSinks(model, symbols, d => context.ReportOutsideGeneratedCode(d), context.CancellationToken);
        }
    }

    private static void AnalyzeDangerousValidator(SemanticModelAnalysisContext context, TransportSymbols symbols, ConcurrentDictionary<SyntaxTree, bool> filesRead)
    {
        // Generated files are scanned too: telling them apart (name, header) cost more than scanning them, 6.3 against
        // 5.5 ms for every file of a 5,000-file program in a harness.
        var model = context.SemanticModel;
        if (!NameScan.MayHold(model.SyntaxTree, DangerousValidatorScan, context.CancellationToken) || symbols.HttpClientHandler is null)
        {
            return;
        }

        ReadDangerousValidators(context, symbols, filesRead);
    }

    // Only for a file whose text can name the validator: the closures below copy the context.
    private static void ReadDangerousValidators(SemanticModelAnalysisContext context, TransportSymbols symbols, ConcurrentDictionary<SyntaxTree, bool> filesRead)
    {
        var model = context.SemanticModel;
        foreach (var node in NameScan.References(model.SyntaxTree, DangerousValidatorName, context.CancellationToken))
        {
            if (model.GetOperation(node, context.CancellationToken) is IPropertyReferenceOperation reference &&
                reference.Property.Name == DangerousValidator && TransportSymbols.IsOrDerives(reference.Property.ContainingType, symbols.HttpClientHandler))
            {
                if (ReportDangerousValidator(reference, d => context.ReportOutsideGeneratedCode(d)) &&
                    !InstalledWhereWritten(reference, model.SyntaxTree) && filesRead.TryAdd(model.SyntaxTree, true))
                {
                    CertificateSinks.AnalyzeSinks(model, symbols, d => context.ReportOutsideGeneratedCode(d), context.CancellationToken);
                }
            }
        }
    }

    /// <summary>Reports the dangerous validator unless it is only compared with; true when reported.</summary>
    private static bool ReportDangerousValidator(IPropertyReferenceOperation reference, Action<Diagnostic> report)
    {
        var parent = reference.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals })
        {
            return false;
        }

        report(Diagnostic.Create(Rules.CertificateValidationDisabled, reference.Syntax.GetLocation(), "HttpClientHandler." + DangerousValidator));
        return true;
    }

    /// <summary>
    /// True when a callback accepting everything goes nowhere but the sink it is written at: what an assignment to a
    /// property, field or event installs (<see cref="CertificateSinks.Installs"/>), or an argument to a method with no body in this file
    /// (the framework's SslStream, say).
    /// It is reported where it is written, and nothing in the file can carry it further, so the file's sinks need not be
    /// read for it (reading them binds every member of the file). Anything else — a local, a field's initializer,
    /// a returned value, an argument to a method of this file, or a shape not listed here — may reach a sink elsewhere in
    /// the file.
    /// </summary>
    internal static bool InstalledWhereWritten(IOperation callback, SyntaxTree tree)
    {
        var value = callback;
        while (value.Parent is IConversionOperation conversion)
        {
            value = conversion;
        }

        switch (value.Parent)
        {
            case IArgumentOperation argument:
                if (CertificateSinks.Callee(argument) is not { } callee)
                {
                    return false;
                }

                foreach (var reference in callee.OriginalDefinition.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == tree)
                    {
                        return false;
                    }
                }

                return true;
            case { } parent when CertificateSinks.Installs(parent) is ({ } target, var installed) && installed == value:
                return target is not ILocalReferenceOperation;
            default:
                return false;
        }
    }
}
