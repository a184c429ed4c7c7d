using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Analyzers.Generation;

/// <summary>
/// The declarations of one file the generator may have to look at semantically, found from syntax alone:
/// attributed type declarations and attributed methods, and the file's global alias names. Read once per
/// syntax tree instance; an unchanged file keeps its tree, so it is never read again.
/// </summary>
/// <remarks>
/// Only declarations are walked: compilation unit, namespaces and type members, never a method body
/// (C# has no local types), which is most of a file's nodes.
/// </remarks>
internal sealed class TreeCandidates
{
    private TreeCandidates(ImmutableArray<TypeDeclarationSyntax> types, ImmutableArray<MethodDeclarationSyntax> methods, ImmutableArray<string> globalAliases)
    {
        Types = types;
        Methods = methods;
        GlobalAliases = globalAliases;
    }

    /// <summary>Type declarations with an attribute on themselves, a positional parameter or a member, in document order.</summary>
    public ImmutableArray<TypeDeclarationSyntax> Types { get; }

    /// <summary>Methods with an attribute, in document order.</summary>
    public ImmutableArray<MethodDeclarationSyntax> Methods { get; }

    /// <summary>
    /// The names of the global using aliases the file declares, and the names its top-level statements declare: a
    /// local or local function of a top-level statement is found first by a simple name in every file of the program
    /// (CS8801), so, like a global alias, it can take a name the syntax reader relies on.
    /// </summary>
    public ImmutableArray<string> GlobalAliases { get; }

    public static TreeCandidates Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var types = ImmutableArray.CreateBuilder<TypeDeclarationSyntax>();
        var methods = ImmutableArray.CreateBuilder<MethodDeclarationSyntax>();
        var aliases = ImmutableArray.CreateBuilder<string>();
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        foreach (var directive in root.Usings)
        {
            if (directive.Alias is { } alias && !directive.GlobalKeyword.IsKind(SyntaxKind.None))
            {
                aliases.Add(alias.Name.Identifier.ValueText);
            }
        }

        foreach (var member in root.Members)
        {
            if (member is GlobalStatementSyntax statement)
            {
                AddDeclaredNames(statement, aliases);
            }
        }

        Visit(root.Members, types, methods, cancellationToken);
        return new TreeCandidates(types.ToImmutable(), methods.ToImmutable(), aliases.ToImmutable());
    }

    /// <summary>
    /// Every name a top-level statement declares, at any depth: more than reach the program's scope (a name declared in
    /// a nested block does not), which only sends more declarations to the semantic reader. Top-level statements are in
    /// one file of a program at most, so this walk reads one file's statements.
    /// </summary>
    private static void AddDeclaredNames(GlobalStatementSyntax statement, ImmutableArray<string>.Builder names)
    {
        foreach (var node in statement.DescendantNodesAndSelf())
        {
            var declared = node switch
            {
                VariableDeclaratorSyntax variable => variable.Identifier,
                LocalFunctionStatementSyntax function => function.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ForEachStatementSyntax loop => loop.Identifier,
                CatchDeclarationSyntax caught => caught.Identifier,
                _ => default,
            };
            if (declared.IsKind(SyntaxKind.IdentifierToken) && declared.ValueText.Length > 0)
            {
                names.Add(declared.ValueText);
            }
        }
    }

    private static void Visit(SyntaxList<MemberDeclarationSyntax> members, ImmutableArray<TypeDeclarationSyntax>.Builder types, ImmutableArray<MethodDeclarationSyntax>.Builder methods, CancellationToken cancellationToken)
    {
        foreach (var member in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    Visit(ns.Members, types, methods, cancellationToken);
                    break;
                case TypeDeclarationSyntax type:
                    if (SafeShareGenerator.HasAnyAttribute(type))
                    {
                        types.Add(type);
                    }

                    Visit(type.Members, types, methods, cancellationToken);
                    break;
                case MethodDeclarationSyntax method when method.AttributeLists.Count > 0:
                    methods.Add(method);
                    break;
            }
        }
    }
}
