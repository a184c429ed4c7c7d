using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SafeShare.Analyzers.Transport;

/// <summary>
/// A telnet client: a type, namespace or method whose name has the word "Telnet" (not "TelNet", "Telnetwork").
/// Every invocation and creation in the compilation is asked, so the compilation's type and namespace names
/// are looked through once: when none of them holds "Telnet", only a method's own name can.
/// </summary>
internal sealed class TelnetNames
{
    private const string Word = "Telnet";
    private static readonly ConditionalWeakTable<IAssemblySymbol, object> AssemblyNamesTelnet = new();
    private static readonly object Yes = new();
    private static readonly object No = new();
    private readonly bool _anyTypeOrNamespace;

    public TelnetNames(bool anyTypeOrNamespace) => _anyTypeOrNamespace = anyTypeOrNamespace;

    public bool Of(ISymbol symbol)
    {
        if (!_anyTypeOrNamespace)
        {
            // No type or namespace has the word, so neither this symbol (if it is one) nor its containers do.
            return symbol is not INamespaceOrTypeSymbol && HasTelnetWord(symbol.Name);
        }

        if (HasTelnetWord(symbol.Name))
        {
            return true;
        }

        for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (HasTelnetWord(type.Name))
            {
                return true;
            }
        }

        for (var ns = symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (HasTelnetWord(ns.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The telnet client's own implementation is not a use of it.</summary>
    public bool IsInsideTelnetCode(ISymbol containing) => containing.ContainingType is { } type && Of(type);

    /// <summary>Whether a type or namespace declared in the source or a referenced assembly has "Telnet" in its name.</summary>
    public static bool AnyTypeOrNamespaceIn(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        if (compilation.ContainsSymbolsWithName(static name => name.IndexOf(Word, StringComparison.Ordinal) >= 0, SymbolFilter.Namespace | SymbolFilter.Type, cancellationToken))
        {
            return true;
        }

        foreach (var reference in compilation.References)
        {
            switch (compilation.GetAssemblyOrModuleSymbol(reference))
            {
                case IAssemblySymbol assembly:
                    // An assembly's symbol is shared by the compilations that reference it: it is looked through once.
                    if (AssemblyNamesTelnet.GetValue(assembly, static a => Any(a.TypeNames) || Any(a.NamespaceNames) ? Yes : No) == Yes)
                    {
                        return true;
                    }

                    break;
                case null:
                    break;
                default:
                    return true; // a module: its names are not listed; look at every container
            }
        }

        return false;
    }

    private static bool Any(System.Collections.Generic.IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (name.IndexOf(Word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasTelnetWord(string name)
    {
        for (var i = name.IndexOf("Telnet", StringComparison.Ordinal); i >= 0; i = name.IndexOf("Telnet", i + 1, StringComparison.Ordinal))
        {
            var next = i + "Telnet".Length;
            if (next == name.Length || !char.IsLower(name[next]))
            {
                return true;
            }
        }

        return false;
    }
}
