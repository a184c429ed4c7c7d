using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Analyzers;

/// <summary>Walks every attribute written in source on a type, its members and their parameters.</summary>
internal static class AnnotationSites
{
    /// <summary>
    /// Calls <paramref name="visit"/> for each source attribute on the type itself, its members and
    /// their parameters. Nested types are visited by their own symbol action.
    /// </summary>
    public static void ForEachAttribute(INamedTypeSymbol type, Action<ISymbol, AttributeData> visit)
    {
        Visit(type, visit);
        foreach (var member in type.GetMembers())
        {
            if (member is INamedTypeSymbol)
            {
                continue;
            }

            Visit(member, visit);
            if (member is IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    Visit(parameter, visit);
                }
            }
        }
    }

    /// <summary>
    /// False when the type's source carries no attribute at all — on the type, its members, their
    /// accessors and parameters, or a primary constructor — and none of its properties overrides another:
    /// then no SafeShare marker, basis or condition applies to it or its declared members, and the
    /// classification rules have nothing to read. Most types of a codebase are like that, and this
    /// answers from syntax alone, without binding any attribute. Types not declared in source say true.
    /// </summary>
    public static bool MayHoldAnnotations(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return true;
        }

        // Five classification rules ask this of every type of the compilation, two threads at a time. The answer depends
        // on the syntax alone, so it is worked out once per file, for all its type declarations, and read without a lock
        // (TreeAnswers). A ConditionalWeakTable keyed by declaration, as before, made a weak handle for every type under
        // one lock, and a ConcurrentDictionary still locks to add: CPU profiles at 5,000 files showed the two threads
        // spinning on those locks for 35-50 ms a build.
        var answers = ByCompilation.GetValue(compilation, static c => new TreeAnswers(c));
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration || answers.MayHold(declaration, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly ConditionalWeakTable<Compilation, TreeAnswers> ByCompilation = new();

    /// <summary>
    /// Per syntax tree of a compilation, the answer for each type declaration in its namespaces and types: worked out for
    /// a whole file the first time one of its types is asked about, published without a lock (two threads that race both
    /// work it out, and one result is kept), and only read afterwards. A declaration found elsewhere (broken code can put
    /// one where no namespace or type holds it) is answered on its own.
    /// </summary>
    private sealed class TreeAnswers
    {
        private static readonly Dictionary<SyntaxNode, bool> None = new();
        private readonly Dictionary<SyntaxTree, int> _index = new();
        private readonly Dictionary<SyntaxNode, bool>?[] _byTree;

        public TreeAnswers(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!_index.ContainsKey(tree))
                {
                    _index.Add(tree, _index.Count);
                }
            }

            _byTree = new Dictionary<SyntaxNode, bool>?[_index.Count];
        }

        public bool MayHold(TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
        {
            if (!_index.TryGetValue(declaration.SyntaxTree, out var i))
            {
                return DeclarationMayHoldAnnotations(declaration);
            }

            var answers = Volatile.Read(ref _byTree[i]);
            if (answers is null)
            {
                var found = new Dictionary<SyntaxNode, bool>();
                Collect(declaration.SyntaxTree.GetRoot(cancellationToken), found);
                var mine = found.Count == 0 ? None : found;
                answers = Interlocked.CompareExchange(ref _byTree[i], mine, null) ?? mine;
            }

            return answers.TryGetValue(declaration, out var answer) ? answer : DeclarationMayHoldAnnotations(declaration);
        }

        // Type declarations are found in namespaces and other types only: no member body is walked.
        private static void Collect(SyntaxNode node, Dictionary<SyntaxNode, bool> found)
        {
            var members = node switch
            {
                CompilationUnitSyntax unit => unit.Members,
                BaseNamespaceDeclarationSyntax ns => ns.Members,
                TypeDeclarationSyntax type => type.Members,
                _ => default,
            };
            if (node is TypeDeclarationSyntax declaration)
            {
                found[declaration] = DeclarationMayHoldAnnotations(declaration);
            }

            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                {
                    Collect(member, found);
                }
            }
        }
    }

    private static bool DeclarationMayHoldAnnotations(TypeDeclarationSyntax declaration)
    {
        if (declaration.AttributeLists.Count > 0 || HasAttributes(declaration.ParameterList))
        {
            return true;
        }

        foreach (var member in declaration.Members)
        {
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            {
                continue; // nested types are analysed as types of their own
            }

            // An overriding property takes the markers of the property it overrides (DataClassification.ReadMember); an
            // overriding method or event takes nothing (ToString, Equals and GetHashCode are common in business code).
            if (member.AttributeLists.Count > 0 ||
                (member is PropertyDeclarationSyntax or IndexerDeclarationSyntax && member.Modifiers.Any(SyntaxKind.OverrideKeyword)))
            {
                return true;
            }

            var (parameters, accessors) = member switch
            {
                BaseMethodDeclarationSyntax method => (method.ParameterList, null),
                IndexerDeclarationSyntax indexer => (indexer.ParameterList, indexer.AccessorList),
                BasePropertyDeclarationSyntax property => ((BaseParameterListSyntax?)null, property.AccessorList),
                _ => (null, null),
            };
            if (HasAttributes(parameters))
            {
                return true;
            }

            if (accessors is not null)
            {
                foreach (var accessor in accessors.Accessors)
                {
                    if (accessor.AttributeLists.Count > 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="MayHoldAnnotations"/> for the type and its base types: false only when none of them can
    /// carry a marker (a base type from metadata is assumed to).
    /// </summary>
    public static bool MayHoldAnnotationsOrInherit(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        for (var t = type; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType)
        {
            if (MayHoldAnnotations(t, compilation, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttributes(BaseParameterListSyntax? parameters)
    {
        if (parameters is null)
        {
            return false;
        }

        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.AttributeLists.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The location of an attribute as written, or null when it is not in source.</summary>
    public static Location? LocationOf(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static void Visit(ISymbol symbol, Action<ISymbol, AttributeData> visit)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference is not null)
            {
                visit(symbol, attribute);
            }
        }
    }
}
