using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeShare.Analyzers.Classification;

namespace SafeShare.Analyzers.Generation;

/// <summary>Turns a <c>[Share]</c> method into a <see cref="ShareModel"/>, or into the diagnostics that explain why it cannot be implemented.</summary>
internal static class ShareParser
{
    public const string PayloadRole = "Payload";
    public const string DetailsRole = "Details";
    public const string LogRole = "Log";

    /// <summary>
    /// A method declaration carrying [Share] (the first such attribute written on it). With a
    /// <paramref name="syntaxInventory"/>, a payload type that reader can read from syntax is not bound (issue 6).
    /// </summary>
    public static ShareResult Parse(IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData shareAttribute, SafeShareSymbols symbols, SyntaxInventory? syntaxInventory = null)
    {
        var shareName = $"{method.ContainingType.Name}.{method.Name}";
        var location = EquatableLocation.From(syntax.Identifier.GetLocation());
        GeneratorDiagnostic Fail(string id, params string[] arguments) => new(id, location, arguments.ToEquatableArray());

        var diagnostics = new List<GeneratorDiagnostic>();
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(Fail(DiagnosticIds.ShareMustBePartial, shareName, "the method"));
        }

        var containing = new List<ContainingType>();
        foreach (var typeSyntax in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!typeSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(Fail(DiagnosticIds.ShareMustBePartial, shareName, $"its type '{typeSyntax.Identifier.ValueText}'"));
            }

            containing.Insert(0, new ContainingType(Keyword(typeSyntax), typeSyntax.Identifier.ValueText + typeSyntax.TypeParameterList?.ToString()));
        }

        var decisionRecord = symbols.DecisionRecord;
        var decisionDetails = symbols.DecisionDetails;
        var decisionLog = symbols.DecisionLog;
        if (decisionRecord is null || decisionDetails is null || decisionLog is null)
        {
            // The runtime is too old to carry declared shares; nothing can be generated against it.
            return new ShareResult(null, diagnostics.ToEquatableArray());
        }

        var problems = new List<string>();
        if (!SymbolEqualityComparer.Default.Equals(method.ReturnType, decisionRecord))
        {
            problems.Add($"it returns '{method.ReturnType.ToDisplayString()}', not DecisionRecord");
        }

        if (method.IsGenericMethod)
        {
            problems.Add("it is generic");
        }

        var parameters = new List<ShareParameter>();
        IParameterSymbol? payload = null;
        string? logParameter = null;
        var detailsCount = 0;
        var payloadCount = 0;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                problems.Add($"parameter '{parameter.Name}' is ref, out, in or params");
            }

            string role;
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, decisionDetails))
            {
                role = DetailsRole;
                detailsCount++;
            }
            else if (IsDecisionLog(parameter.Type, decisionLog) && logParameter is null)
            {
                role = LogRole;
                logParameter = parameter.Name;
            }
            else
            {
                role = PayloadRole;
                payload ??= parameter;
                payloadCount++;
            }

            parameters.Add(new ShareParameter(parameter.Type.ToDisplayString(FullyQualified), parameter.Name, role));
        }

        if (detailsCount != 1)
        {
            problems.Add(detailsCount == 0 ? "it has no DecisionDetails parameter" : "it has more than one DecisionDetails parameter");
        }

        if (payloadCount > 1)
        {
            problems.Add("it has more than one payload parameter");
        }

        if (problems.Count > 0)
        {
            diagnostics.Add(Fail(DiagnosticIds.UnsupportedShareSignature, shareName, string.Join("; ", problems), method.Name));
        }

        if (payload is null)
        {
            diagnostics.Add(Fail(DiagnosticIds.ShareHasNoPayload, shareName, method.Name));
        }

        string? logMember = null;
        if (logParameter is null)
        {
            logMember = FindLogMember(method, decisionLog);
            if (logMember is null)
            {
                diagnostics.Add(Fail(DiagnosticIds.ShareHasNoDecisionLog, shareName, method.IsStatic ? "static " : string.Empty, method.ContainingType.Name));
            }
        }

        var classification = new DataClassification(symbols);
        var allowed = ShareFieldNames(shareAttribute);
        var fields = payload is null ? EquatableArray<DataField>.Empty
            : syntaxInventory?.PayloadFields(payload.Type, allowed) ?? PayloadFields(payload.Type, classification, allowed);
        if (payload is not null && fields.Count == 0)
        {
            diagnostics.Add(Fail(DiagnosticIds.PayloadHoldsNoPersonalData, shareName, payload.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }

        if (diagnostics.Any(d => d.Id != DiagnosticIds.PayloadHoldsNoPersonalData) || payload is null)
        {
            return new ShareResult(null, diagnostics.ToEquatableArray());
        }

        var model = new ShareModel(
            method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            containing.ToEquatableArray(),
            string.Join(".", containing.Select(c => c.Name)),
            Accessibility(method),
            method.IsStatic,
            method.Name,
            parameters.ToEquatableArray(),
            payload.Type.ToDisplayString(FullyQualified),
            payload.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            DataClassification.ConstructorArgument(shareAttribute, 0).Value as string ?? string.Empty,
            DataClassification.ConstructorArgument(shareAttribute, 1).Value as string ?? string.Empty,
            InventoryParser.Basis(classification, method),
            fields,
            logMember,
            logParameter);
        return new ShareResult(model, diagnostics.ToEquatableArray());
    }

    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The payload's personal members in declaration order, base type first; only those the share names when it names any.</summary>
    internal static EquatableArray<DataField> PayloadFields(ITypeSymbol payloadType, DataClassification classification, HashSet<string>? allowed)
    {
        if (payloadType is not INamedTypeSymbol type)
        {
            return EquatableArray<DataField>.Empty;
        }

        var chain = new List<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var fields = new List<DataField>();
        var seen = new HashSet<string>();
        foreach (var t in chain)
        {
            foreach (var member in t.GetMembers())
            {
                if (member is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsImplicitlyDeclared: false }) || member.IsStatic)
                {
                    continue;
                }

                var markers = classification.ReadMember(member);
                if (!markers.IsPersonal || (allowed is not null && !allowed.Contains(member.Name)) || !seen.Add(member.Name))
                {
                    continue;
                }

                fields.Add(Field(member.Name, markers));
            }
        }

        var typeMarkers = classification.ReadType(type, includeBaseTypes: true);
        if (fields.Count == 0 && typeMarkers.IsPersonal && allowed is null)
        {
            fields.Add(Field(type.Name, typeMarkers));
        }

        return fields.ToEquatableArray();
    }

    internal static DataField Field(string name, DataMarkers markers) =>
        Field(name, markers.CriminalOffence is not null, markers.SpecialCategories);

    /// <summary>A personal member's field: criminal offence data first, then its first special category, else personal.</summary>
    internal static DataField Field(string name, bool criminalOffence, IReadOnlyList<string> specialCategories) =>
        criminalOffence ? new DataField(name, "CriminalOffence", null)
        : specialCategories.Count > 0 ? new DataField(name, "SpecialCategory", specialCategories[0])
        : new DataField(name, "Personal", null);

    private static HashSet<string>? ShareFieldNames(AttributeData shareAttribute)
    {
        var fields = DataClassification.NamedArgument(shareAttribute, "Fields");
        if (fields.Kind != TypedConstantKind.Array || fields.IsNull)
        {
            return null;
        }

        return new HashSet<string>(fields.Values.Select(v => v.Value as string).Where(v => !string.IsNullOrEmpty(v))!);
    }

    private static string? FindLogMember(IMethodSymbol method, INamedTypeSymbol decisionLog)
    {
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol { IsImplicitlyDeclared: false } f => f.Type,
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } p => p.Type,
                    _ => null,
                };
                if (memberType is null || !IsDecisionLog(memberType, decisionLog) || (method.IsStatic && !member.IsStatic) ||
                    (member.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Private && !SymbolEqualityComparer.Default.Equals(type, method.ContainingType)))
                {
                    continue;
                }

                return member.IsStatic ? $"{method.ContainingType.Name}.{member.Name}" : $"this.{member.Name}";
            }
        }

        return null;
    }

    internal static bool IsDecisionLog(ITypeSymbol type, INamedTypeSymbol decisionLog) =>
        SymbolEqualityComparer.Default.Equals(type, decisionLog) || type.AllInterfaces.Contains(decisionLog, SymbolEqualityComparer.Default);

    /// <summary>How a partial declaration of the type is written: "class", "record", "record struct"...</summary>
    internal static string Keyword(TypeDeclarationSyntax type) => type switch
    {
        RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    private static string Accessibility(IMethodSymbol method) => method.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
