using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Analyzers.Generation;

/// <summary>
/// What the generator looks for: the attributes it finds with <c>ForAttributeWithMetadataName</c>, and the type
/// declarations no attribute lookup can find. Syntax and names only, so that the benchmark can run the same inputs
/// without the generator's reading of them.
/// </summary>
internal static class GeneratorInputs
{
    /// <summary>The attribute that declares a share.</summary>
    internal const string ShareAttribute = "SafeShare.ShareAttribute";

    /// <summary>The attribute that gives a type its retention rule.</summary>
    internal const string RetainUntilAttribute = "SafeShare.RetainUntilAttribute";

    /// <summary>The attributes that mark personal data: SafeShare's three and ASP.NET Core Identity's two.</summary>
    internal static readonly string[] MarkerAttributes =
    {
        "SafeShare.PersonalDataAttribute",
        "SafeShare.SpecialCategoryAttribute",
        "SafeShare.CriminalOffenceDataAttribute",
        "Microsoft.AspNetCore.Identity.PersonalDataAttribute",
        "Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute",
    };

    /// <summary>
    /// Whether a type declaration may hold personal data no marker input finds: a positional record whose parameters
    /// carry attributes (a <c>[property: ...]</c> marker sits on the property, which has no declaration to find it on),
    /// or a class or record that may derive from another and carries attributes of its own. Syntax only.
    /// </summary>
    internal static bool MayHoldPersonalDataUnmarked(TypeDeclarationSyntax type)
    {
        if (type.ParameterList is { } parameters && type is RecordDeclarationSyntax)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.AttributeLists.Count > 0)
                {
                    return true;
                }
            }
        }

        return type.BaseList is not null &&
               type is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword } &&
               HasAnyAttribute(type);
    }

    /// <summary>Whether a file declares a type <see cref="MayHoldPersonalDataUnmarked"/> accepts. Syntax only.</summary>
    internal static bool HasUnmarkedCandidates(SyntaxTree tree)
    {
        var found = false;
        UnmarkedCandidates(tree, _ => found = true, CancellationToken.None);
        return found;
    }

    /// <summary>The type declarations of a file <see cref="MayHoldPersonalDataUnmarked"/> accepts, in order. Syntax only.</summary>
    /// <remarks>Type declarations sit only in a file, a namespace or another type: the walk reads nothing else.</remarks>
    internal static void UnmarkedCandidates(SyntaxTree tree, System.Action<TypeDeclarationSyntax> found, CancellationToken cancellationToken)
    {
        if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax root)
        {
            Visit(root.Members);
        }

        void Visit(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                {
                    Visit(ns.Members);
                }
                else if (member is TypeDeclarationSyntax type)
                {
                    if (MayHoldPersonalDataUnmarked(type))
                    {
                        found(type);
                    }

                    Visit(type.Members);
                }
            }
        }
    }

    internal static bool HasAnyAttribute(TypeDeclarationSyntax type)
    {
        if (type.AttributeLists.Count > 0 || (type.ParameterList?.Parameters.Any(p => p.AttributeLists.Count > 0) ?? false))
        {
            return true;
        }

        foreach (var member in type.Members)
        {
            if (member.AttributeLists.Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
