using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeShare.Testing;

namespace SafeShare.Tests.PublicApi;

/// <summary>
/// Pins the public API of the SafeShare runtime — names that samples, docs and users' code compile
/// against (DESIGN §2). Does what PublicApiGenerator does, from Roslyn symbols. A change fails until
/// SafeShare.approved.txt is updated: copy SafeShare.received.txt over it and review the diff.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file()
    {
        var actual = Render(typeof(PersonalDataAttribute).Assembly.Location);
        var folder = Path.Combine(RepoRoot(), "tests", "SafeShare.Tests", "PublicApi");
        var approvedPath = Path.Combine(folder, "SafeShare.approved.txt");
        var receivedPath = Path.Combine(folder, "SafeShare.received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : string.Empty;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var approvedLines = approved.Split('\n');
        var actualLines = actual.Split('\n');
        var diff = new StringBuilder();
        foreach (var line in approvedLines.Except(actualLines))
        {
            diff.AppendLine("- " + line);
        }

        foreach (var line in actualLines.Except(approvedLines))
        {
            diff.AppendLine("+ " + line);
        }

        Assert.Fail($"The public API of SafeShare changed. If intended, copy {receivedPath} over {approvedPath}.\n{diff}");
    }

    [Fact]
    public void Rendering_sees_the_contract()
    {
        var api = Render(typeof(PersonalDataAttribute).Assembly.Location);
        Assert.Contains("public sealed class SafeShare.PersonalDataAttribute : System.Attribute", api);
        Assert.Contains("SafeguardingOfChildrenAndIndividualsAtRisk = 18", api);
        Assert.DoesNotContain("internal", api);
    }

    private static readonly SymbolDisplayFormat TypeFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints | SymbolDisplayGenericsOptions.IncludeVariance,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static readonly SymbolDisplayFormat MemberFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeModifiers |
                       SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeConstantValue | SymbolDisplayMemberOptions.IncludeRef,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue |
                          SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>One line per public type and member, in a stable order.</summary>
    internal static string Render(string assemblyPath)
    {
        var reference = MetadataReference.CreateFromFile(assemblyPath);
        var compilation = CSharpCompilation.Create("PublicApi", references: TestCompilation.References.Add(reference));
        var assembly = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(reference)!;
        var text = new StringBuilder();
        foreach (var type in AllTypes(assembly.GlobalNamespace).Where(IsVisible).OrderBy(t => t.ToDisplayString(TypeFormat), StringComparer.Ordinal))
        {
            text.Append(Header(type)).Append('\n');
            var members = type.GetMembers().Where(m => IsVisible(m) && !m.IsImplicitlyDeclared && m is not INamedTypeSymbol &&
                                                       m is not IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove });
            var ordered = type.TypeKind == TypeKind.Enum
                ? members.OrderBy(m => Convert.ToInt64(((IFieldSymbol)m).ConstantValue))
                : members.OrderBy(m => m.ToDisplayString(MemberFormat), StringComparer.Ordinal);
            foreach (var member in ordered)
            {
                var line = type.TypeKind == TypeKind.Enum ? $"{member.Name} = {((IFieldSymbol)member).ConstantValue}" : member.ToDisplayString(MemberFormat);
                text.Append("    ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Header(INamedTypeSymbol type)
    {
        var usage = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "AttributeUsageAttribute");
        var prefix = usage is null ? string.Empty : $"[AttributeUsage({string.Join(", ", usage.ConstructorArguments.Select(a => a.ToCSharpString()).Concat(usage.NamedArguments.Select(n => $"{n.Key} = {n.Value.ToCSharpString()}")))})] ";
        var modifiers = type.TypeKind switch
        {
            TypeKind.Enum => "enum",
            TypeKind.Interface => "interface",
            TypeKind.Struct => (type.IsRecord ? "record struct" : type.IsReadOnly ? "readonly struct" : "struct"),
            _ => (type.IsStatic ? "static " : type.IsSealed ? "sealed " : type.IsAbstract ? "abstract " : string.Empty) + (type.IsRecord ? "record" : "class"),
        };
        var bases = type.TypeKind is TypeKind.Enum or TypeKind.Struct || type.BaseType is null || type.BaseType.SpecialType == SpecialType.System_Object
            ? type.AllInterfaces.Select(i => i.ToDisplayString(TypeFormat))
            : new[] { type.BaseType.ToDisplayString(TypeFormat) }.Concat(type.Interfaces.Select(i => i.ToDisplayString(TypeFormat)));
        var inheritance = string.Join(", ", bases);
        return $"{prefix}public {modifiers} {type.ToDisplayString(TypeFormat)}{(inheritance.Length > 0 ? " : " + inheritance : string.Empty)}";
    }

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal &&
        (symbol.ContainingType is null || IsVisible(symbol.ContainingType));

    private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            foreach (var nested in WithNested(type))
            {
                yield return nested;
            }
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in AllTypes(child))
            {
                yield return type;
            }
        }
    }

    private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers().SelectMany(WithNested))
        {
            yield return nested;
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
