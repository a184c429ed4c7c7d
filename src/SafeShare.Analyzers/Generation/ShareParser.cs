using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeShare.Analyzers.Classification;

using SafeShare.Text;

namespace SafeShare.Analyzers.Generation;

/// <summary>Turns a <c>[Share]</c> method into a <see cref="ShareModel"/>, or into the diagnostics that explain why it cannot be implemented.</summary>
internal static class ShareParser
{
    /// <summary>A method carrying [Share], as <c>ForAttributeWithMetadataName</c> hands it over.</summary>
    public static ShareResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax syntax || context.Attributes.IsEmpty ||
            SafeShareSymbols.TryCreate(context.SemanticModel.Compilation) is not { } symbols)
        {
            return new ShareResult(null, EquatableArray<GeneratorDiagnostic>.Empty);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = Parse(method, syntax, context.Attributes[0], symbols);
        return result.Share is null && result.Diagnostics.Any(d => d.Id != DiagnosticIds.PayloadHoldsNoPersonalData)
            ? result with { Stub = StubOf(method, syntax) }
            : result;
    }

    /// <summary>
    /// A method declaration carrying [Share] (the first such attribute written on it), read in steps: the partial
    /// declarations around it (SAFE901), its signature (SAFE902, SAFE904), the log it appends to (SAFE903) and the
    /// fields its payload records (SAFE905), then the model the emitter writes from.
    /// </summary>
    public static ShareResult Parse(IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData shareAttribute, SafeShareSymbols symbols)
    {
        var shareName = $"{method.ContainingType.Name}.{method.Name}";
        var location = EquatableLocation.From(syntax.Identifier.GetLocation());
        var diagnostics = new List<GeneratorDiagnostic>();
        void Fail(string id, params string[] arguments) => diagnostics.Add(new GeneratorDiagnostic(id, location, arguments.ToEquatableArray()));

        var containing = Containers(syntax, shareName, Fail);
        if (symbols.DecisionRecord is not { } decisionRecord || symbols.DecisionDetails is not { } decisionDetails || symbols.DecisionLog is not { } decisionLog)
        {
            // The runtime is too old to carry declared shares; nothing can be generated against it.
            return new ShareResult(null, diagnostics.ToEquatableArray());
        }

        var signature = ReadSignature(method, decisionRecord, decisionDetails, decisionLog);
        if (signature.Problems.Count > 0)
        {
            Fail(DiagnosticIds.UnsupportedShareSignature, shareName, string.Join("; ", signature.Problems), method.Name);
        }

        if (signature.Payload is null)
        {
            Fail(DiagnosticIds.ShareHasNoPayload, shareName, method.Name);
        }

        string? logMember = null;
        if (signature.LogParameter is null && (logMember = FindLogMember(method, decisionLog)) is null)
        {
            Fail(DiagnosticIds.ShareHasNoDecisionLog, shareName, method.IsStatic ? "static " : string.Empty, method.ContainingType.Name);
        }

        var classification = new DataClassification(symbols);
        var fields = signature.Payload is { } payload ? RecordedFields(payload, shareAttribute, classification) : EquatableArray<DataField>.Empty;
        if (signature.Payload is not null && fields.Count == 0)
        {
            Fail(DiagnosticIds.PayloadHoldsNoPersonalData, shareName, signature.Payload.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        }

        return diagnostics.Any(d => d.Id != DiagnosticIds.PayloadHoldsNoPersonalData) || signature.Payload is null
            ? new ShareResult(null, diagnostics.ToEquatableArray())
            : new ShareResult(Model(method, shareAttribute, containing, signature, fields, logMember, classification), diagnostics.ToEquatableArray());
    }

    /// <summary>The types around the share, outermost first; each one not partial is reported (SAFE901), as is the method.</summary>
    private static List<ContainingType> Containers(MethodDeclarationSyntax syntax, string shareName, Action<string, string[]> fail)
    {
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            fail(DiagnosticIds.ShareMustBePartial, new[] { shareName, "the method" });
        }

        var containing = new List<ContainingType>();
        foreach (var typeSyntax in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!typeSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                fail(DiagnosticIds.ShareMustBePartial, new[] { shareName, $"its type '{typeSyntax.Identifier.ValueText}'" });
            }

            containing.Insert(0, new ContainingType(Keyword(typeSyntax), typeSyntax.Identifier.ValueText + typeSyntax.TypeParameterList?.ToString()));
        }

        return containing;
    }

    /// <summary>A share's parameters by role (<see cref="ShareRoles"/>), and what is wrong with its signature.</summary>
    private sealed record Signature(List<ShareParameter> Parameters, IParameterSymbol? Payload, string? LogParameter, List<string> Problems);

    private static Signature ReadSignature(IMethodSymbol method, INamedTypeSymbol decisionRecord, INamedTypeSymbol decisionDetails, INamedTypeSymbol decisionLog)
    {
        var problems = new List<string>();
        if (!SymbolEqualityComparer.Default.Equals(method.ReturnType, decisionRecord))
        {
            problems.Add($"it returns '{method.ReturnType.ToDisplayString()}', not DecisionRecord");
        }

        if (method.IsGenericMethod)
        {
            problems.Add("it is generic");
        }

        var roles = ShareRoles.Of(method, decisionDetails, decisionLog);
        var parameters = new List<ShareParameter>();
        IParameterSymbol? payload = null;
        string? logParameter = null;
        var detailsCount = 0;
        var payloadCount = 0;
        for (var i = 0; i < roles.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                problems.Add($"parameter '{parameter.Name}' is ref, out, in or params");
            }

            switch (roles[i])
            {
                case ShareRoles.Details:
                    detailsCount++;
                    break;
                case ShareRoles.Log:
                    logParameter = parameter.Name;
                    break;
                default:
                    payload ??= parameter;
                    payloadCount++;
                    break;
            }

            parameters.Add(new ShareParameter(parameter.Type.ToDisplayString(FullyQualified), parameter.Name, roles[i]));
        }

        if (detailsCount != 1)
        {
            problems.Add(detailsCount == 0 ? "it has no DecisionDetails parameter" : "it has more than one DecisionDetails parameter");
        }

        if (payloadCount > 1)
        {
            problems.Add("it has more than one payload parameter");
        }

        return new Signature(parameters, payload, logParameter, problems);
    }

    /// <summary>The personal fields a decision under this share records: the payload's (limited to Fields when listed).</summary>
    private static EquatableArray<DataField> RecordedFields(IParameterSymbol payload, AttributeData shareAttribute, DataClassification classification)
    {
        var allowed = ShareFieldNames(shareAttribute);
        var fields = PayloadFields(payload.Type, classification, allowed);
        if (fields.Count == 0 && allowed is null && classification.ReadOwn(payload) is { IsPersonal: true } own)
        {
            // A marker on the payload parameter itself ([PersonalData] string childName), as SAFE103 reads it: the value
            // shared is one field, named after the parameter.
            fields = new[] { Field(payload.Name, own, payload, classification) }.ToEquatableArray();
        }

        return fields;
    }

    private static ShareModel Model(
        IMethodSymbol method, AttributeData shareAttribute, List<ContainingType> containing, Signature signature, EquatableArray<DataField> fields, string? logMember, DataClassification classification) =>
        new(
            method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            containing.ToEquatableArray(),
            string.Join(".", containing.Select(c => c.Name)),
            Accessibility(method),
            method.IsStatic,
            method.Name,
            signature.Parameters.ToEquatableArray(),
            signature.Payload!.Type.ToDisplayString(FullyQualified),
            signature.Payload.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            DataClassification.ConstructorArgument(shareAttribute, 0).Value as string ?? string.Empty,
            DataClassification.ConstructorArgument(shareAttribute, 1).Value as string ?? string.Empty,
            InventoryParser.Basis(classification, method),
            fields,
            logMember,
            signature.LogParameter)
        {
            Agreement = classification.ResolveSharingAgreement(method) is { } agreement && DataClassification.ConstructorArgument(agreement, 0).Value is string agreedOn
                ? new SharingAgreement(agreedOn, DataClassification.NamedArgument(agreement, "LastReviewedOn").Value as string, DataClassification.NamedArgument(agreement, "Reference").Value as string)
                : null,
        };

    /// <summary>
    /// A throwing implementation for a partial share the generator refuses. Without one the compiler adds CS8795 (a
    /// partial method with an accessibility modifier must have an implementation) to the SAFE90x error, so a user would
    /// see two errors for one mistake. Null where no implementation can be written: the method or a type around it is not
    /// partial, it already has an implementation, or it is generic or returns by reference.
    /// </summary>
    private static ShareStub? StubOf(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || method.PartialImplementationPart is not null || method.IsGenericMethod ||
            method.ReturnsByRef || method.ReturnsByRefReadonly || syntax.ExplicitInterfaceSpecifier is not null)
        {
            return null;
        }

        if (PartialTypes(syntax.Parent as TypeDeclarationSyntax, out var outside) is not { Count: > 0 } containing ||
            outside is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax))
        {
            return null;
        }

        // The modifiers both parts must agree on, as written (accessibility, static, new, virtual, override, sealed, unsafe...).
        var modifiers = string.Join(" ", syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.AsyncKeyword) && !m.IsKind(SyntaxKind.ExternKeyword)).Select(m => m.Text));
        var parameters = string.Join(", ", method.Parameters.Select((p, i) =>
            (i == 0 && method.IsExtensionMethod ? "this " : string.Empty) +
            (p.ScopedKind == ScopedKind.None ? string.Empty : "scoped ") +
            p.RefKind switch { RefKind.Ref => "ref ", RefKind.Out => "out ", RefKind.In => "in ", RefKind.RefReadOnlyParameter => "ref readonly ", _ => string.Empty } +
            (p.IsParams ? "params " : string.Empty) +
            p.Type.ToDisplayString(FullyQualified) + " " + Identifier(p.Name)));
        return new ShareStub(
            method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            containing.ToEquatableArray(),
            string.Join(".", containing.Select(c => c.Name)),
            method.Name,
            $"{modifiers} {method.ReturnType.ToDisplayString(FullyQualified)} {Identifier(method.Name)}({parameters})",
            string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(FullyQualified))));
    }

    /// <summary>
    /// The type declaration <paramref name="innermost"/> and those enclosing it, outermost first, as the partial
    /// declarations a generated member goes in; null when one of them is not partial. <paramref name="outside"/> is what
    /// encloses the outermost one.
    /// </summary>
    internal static List<ContainingType>? PartialTypes(TypeDeclarationSyntax? innermost, out SyntaxNode? outside)
    {
        var containing = new List<ContainingType>();
        outside = innermost;
        for (var type = innermost; type is not null; type = type.Parent as TypeDeclarationSyntax)
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            containing.Insert(0, new ContainingType(Keyword(type), type.Identifier.ValueText + type.TypeParameterList?.ToString()));
            outside = type.Parent;
        }

        return containing;
    }

    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// What a share of this payload records: the personal members of the payload type (of its elements, for an array or
    /// sequence) that <see cref="DataClassification.PersonalMembers"/> finds, only those the share names when it names
    /// any. A type marked personal as a whole makes every member it sends personal (a type with no data members is one
    /// field named after it).
    /// </summary>
    internal static EquatableArray<DataField> PayloadFields(ITypeSymbol payloadType, DataClassification classification, HashSet<string>? allowed)
    {
        if (Sharing.DeclaredShares.ElementTypeOf(payloadType) is not INamedTypeSymbol type)
        {
            return EquatableArray<DataField>.Empty;
        }

        var fields = new List<DataField>();
        var typeMarkers = classification.ReadType(type, includeBaseTypes: true);
        if (typeMarkers.IsPersonal)
        {
            // A type marked personal as a whole: every member the share sends is personal data, of its own kind if marked.
            var marked = classification.PersonalMembers(type).ToDictionary(p => p.Member.Name, p => p.Markers);
            var seen = new HashSet<string>();
            foreach (var member in classification.DataMembersBaseFirst(type))
            {
                if (!member.IsStatic && (allowed is null || allowed.Contains(member.Name)) && seen.Add(member.Name))
                {
                    fields.Add(Field(member.Name, marked.TryGetValue(member.Name, out var own) ? own : typeMarkers, member, classification));
                }
            }

            if (fields.Count == 0 && allowed is null)
            {
                fields.Add(Field(type.Name, typeMarkers, type, classification));
            }

            return fields.ToEquatableArray();
        }

        foreach (var (member, markers) in classification.PersonalMembers(type))
        {
            if (allowed is null || allowed.Contains(member.Name))
            {
                fields.Add(Field(member.Name, markers, member, classification));
            }
        }

        return fields.ToEquatableArray();
    }

    /// <summary>
    /// The field of a personal member (or payload) <paramref name="holder"/>; criminal offence data carries what authorises
    /// it under Art. 10, resolved for the holder as SAFE005 resolves it.
    /// </summary>
    internal static DataField Field(string name, DataMarkers markers, ISymbol holder, DataClassification classification) =>
        markers.CriminalOffence is { } criminal
            ? new DataField(name, InventorySchema.CriminalOffence, null) { Article10 = classification.ResolveArticle10(holder, criminal) }
            : Field(name, false, markers.SpecialCategories);

    /// <summary>A personal member's field: criminal offence data first, then its first special category, else personal.</summary>
    internal static DataField Field(string name, bool criminalOffence, IReadOnlyList<string> specialCategories) =>
        criminalOffence ? new DataField(name, InventorySchema.CriminalOffence, null)
        : specialCategories.Count > 0 ? new DataField(name, InventorySchema.SpecialCategory, specialCategories[0])
        : new DataField(name, InventorySchema.Personal, null);

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
                if (memberType is null || !ShareRoles.IsDecisionLog(memberType, decisionLog) || (method.IsStatic && !member.IsStatic) ||
                    (member.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Private && !SymbolEqualityComparer.Default.Equals(type, method.ContainingType)))
                {
                    continue;
                }

                return member.IsStatic ? $"{method.ContainingType.Name}.{member.Name}" : $"this.{member.Name}";
            }
        }

        return null;
    }


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
