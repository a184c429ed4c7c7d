using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeShare.Analyzers.Classification;

/// <summary>
/// SAFE007: a SafeShare attribute whose arguments cannot be right — a retention anchor that is not a
/// date member, a period that is not positive, an empty gateway or reference, an undefined enum value.
/// Arguments that do not compile are left to the compiler.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AnnotationValidityAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] TextArguments = { "Gateway", "BasisInLaw", "OfficialAuthority" };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.InvalidAnnotation);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (SafeShareSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var enums = new DefinedEnumValues();

            // The type's event comes before its members are complete: reading their attributes in a
            // symbol action binds them on the analyzer's clock. At the symbol's end the compiler has
            // bound them already, so the attributes are read, not bound. Types with no attribute in
            // their source (most of a codebase) register nothing.
            start.RegisterSymbolStartAction(
                s =>
                {
                    var type = (INamedTypeSymbol)s.Symbol;
                    if (AnnotationSites.MayHoldAnnotations(type, s.Compilation, s.CancellationToken))
                    {
                        s.RegisterSymbolEndAction(c =>
                        {
                            // One delegate for the type: a method group of the context (a struct) would box it for every attribute.
                            Action<Diagnostic> report = d => c.ReportOutsideGeneratedCode(d);
                            var cancellationToken = c.CancellationToken;
                            AnnotationSites.ForEachAttribute(type, (target, attribute) => Check(attribute, target, symbols, enums, report, cancellationToken));
                        });
                    }
                },
                SymbolKind.NamedType);
            // Assembly attributes are read from the symbols once; a file is looked at only when its
            // syntax has attribute lists at the top (a syntax tree action needs no semantic model).
            start.RegisterSyntaxTreeAction(c =>
            {
                var attributes = symbols.Assembly.WrittenIn(c.Tree, c.CancellationToken);
                if (!attributes.IsEmpty)
                {
                    CheckAssemblyAttributes(c, attributes, symbols, enums);
                }
            });
        });
    }

    // In a method of its own: the closure over the context is made only for a file that holds assembly attributes.
    private static void CheckAssemblyAttributes(SyntaxTreeAnalysisContext context, ImmutableArray<AttributeData> attributes, SafeShareSymbols symbols, DefinedEnumValues enums)
    {
        Action<Diagnostic> report = d => context.ReportOutsideGeneratedCode(d);
        foreach (var attribute in attributes)
        {
            Check(attribute, symbols.Compilation.Assembly, symbols, enums, report, context.CancellationToken);
        }
    }

    private static void Check(AttributeData attribute, ISymbol target, SafeShareSymbols symbols, DefinedEnumValues enums, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var attributeType = attribute.AttributeClass;
        if (attributeType is null || attribute.AttributeConstructor is null || attributeType.ContainingNamespace?.Name != "SafeShare")
        {
            return;
        }

        // "[Name] on 'Type.Member'" is only written when something is reported (most attributes are fine).
        string? onText = null;
        string On()
        {
            if (onText is null)
            {
                var name = attributeType.Name.EndsWith("Attribute", StringComparison.Ordinal)
                    ? attributeType.Name.Substring(0, attributeType.Name.Length - "Attribute".Length)
                    : attributeType.Name;
                onText = $"[{name}] on '{DataClassification.DisplayName(target)}'";
            }

            return onText;
        }

        void Report(string message, string? namedArgument = null, int constructorIndex = -1) =>
            report(Diagnostic.Create(Rules.InvalidAnnotation, ArgumentLocation(attribute, namedArgument, constructorIndex, cancellationToken), message));

        // Enum arguments outside their defined members, e.g. (LawfulBasis)42.
        for (var i = 0; i < attribute.ConstructorArguments.Length; i++)
        {
            if (enums.Undefined(attribute.ConstructorArguments[i]) is { } message)
            {
                Report($"{On()}: {message}", constructorIndex: i);
            }
        }

        foreach (var pair in attribute.NamedArguments)
        {
            if (enums.Undefined(pair.Value) is { } message)
            {
                Report($"{On()}: {pair.Key} {message}", pair.Key);
            }
            else if (Array.IndexOf(TextArguments, pair.Key) >= 0 && pair.Value.Kind == TypedConstantKind.Primitive && string.IsNullOrWhiteSpace(pair.Value.Value as string))
            {
                Report($"{On()} has an empty {pair.Key}; {Example(pair.Key)}, or leave {pair.Key} out", pair.Key);
            }
        }

        if (SafeShareSymbols.Is(attribute, symbols.AppropriatePolicyDocument) &&
            DataClassification.ConstructorArgument(attribute, 0) is { Kind: TypedConstantKind.Primitive } reference &&
            string.IsNullOrWhiteSpace(reference.Value as string))
        {
            Report("[AppropriatePolicyDocument] has an empty reference; say where the appropriate policy document is kept, e.g. [assembly: AppropriatePolicyDocument(\"IG policy 14: special category data (intranet/ig/apd)\")]", constructorIndex: 0);
        }

        if (SafeShareSymbols.Is(attribute, symbols.RetainUntil) && target is INamedTypeSymbol type)
        {
            CheckRetention(attribute, type, symbols, On, Report);
        }
    }

    private static void CheckRetention(AttributeData attribute, INamedTypeSymbol type, SafeShareSymbols symbols, Func<string> onText, Action<string, string?, int> report)
    {
        // The example and the "[RetainUntil] on 'Type'" text are only needed for a message.
        string Example() => FirstDateMember(type, symbols) is { } first
            ? $"e.g. [RetainUntil(nameof({first.Name}), Years = 6)]"
            : "e.g. add a DateOnly member such as CaseClosedOn and write [RetainUntil(nameof(CaseClosedOn), Years = 6)]";
        var anchorArgument = DataClassification.ConstructorArgument(attribute, 0);
        if (anchorArgument.Kind == TypedConstantKind.Primitive || anchorArgument.IsNull)
        {
            var anchor = anchorArgument.Value as string;
            if (string.IsNullOrWhiteSpace(anchor))
            {
                report($"{onText()} names no anchor member; name the date the retention period runs from, {Example()}", null, 0);
            }
            else if (FindMember(type, anchor!) is not { } member)
            {
                report($"{onText()} names '{anchor}', which is not a member of '{type.Name}'; name one of its date members, {Example()}", null, 0);
            }
            else if ((member is IPropertySymbol p ? p.Type : member is IFieldSymbol f ? f.Type : null) is var anchorType &&
                     anchorType?.TypeKind != TypeKind.Error && !symbols.IsDate(anchorType))
            {
                var memberType = member is IPropertySymbol p2 ? p2.Type.ToDisplayString() : member is IFieldSymbol f2 ? f2.Type.ToDisplayString() : member.Kind.ToString().ToLowerInvariant();
                report($"{onText()} names '{anchor}', which is a {memberType}, not a date; name a DateOnly, DateTime or DateTimeOffset member, {Example()}", null, 0);
            }
        }

        var years = DataClassification.NamedArgument(attribute, "Years").Value as int? ?? 0;
        var months = DataClassification.NamedArgument(attribute, "Months").Value as int? ?? 0;
        if (years < 0)
        {
            report($"{onText()} has Years = {years}; a retention period cannot be negative, e.g. Years = 6", "Years", -1);
        }

        if (months < 0)
        {
            report($"{onText()} has Months = {months}; a retention period cannot be negative, e.g. Months = 6", "Months", -1);
        }

        var review = DataClassification.NamedArgument(attribute, "ReviewEveryYears").Value as int? ?? 0;
        if (review < 0)
        {
            report($"{onText()} has ReviewEveryYears = {review}; use a positive number of years, or 0 for no scheduled review", "ReviewEveryYears", -1);
        }

        // The North East Lincolnshire guidance §4 allows records kept indefinitely in rare cases, if reviewed at regular intervals:
        // no period is valid only with a scheduled review.
        if (years == 0 && months == 0 && review <= 0)
        {
            report($"{onText()} has no retention period; set Years and/or Months to how long the record is kept after the anchor date, e.g. Years = 6, or ReviewEveryYears for a record kept under regular review", null, -1);
        }
    }

    private static ISymbol? FirstDateMember(INamedTypeSymbol type, SafeShareSymbols symbols)
    {
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if ((member is IPropertySymbol { IsIndexer: false } property && symbols.IsDate(property.Type)) ||
                    (member is IFieldSymbol { IsImplicitlyDeclared: false } field && symbols.IsDate(field.Type)))
                {
                    return member;
                }
            }
        }

        return null;
    }

    private static ISymbol? FindMember(INamedTypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name))
            {
                if (member is IPropertySymbol or IFieldSymbol or IMethodSymbol)
                {
                    return member;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The values each SafeShare enum defines, read once per compilation: every enum argument of every attribute is
    /// checked, and reading the enum's members for each one made its member list anew each time.
    /// </summary>
    private sealed class DefinedEnumValues
    {
        private readonly ConcurrentDictionary<ITypeSymbol, (HashSet<object> Values, string Names)> _byType = new(SymbolEqualityComparer.Default);

        /// <summary>A message when the constant is an enum value its enum does not define; otherwise null.</summary>
        public string? Undefined(TypedConstant constant)
        {
            if (constant.Kind != TypedConstantKind.Enum || constant.Type is not INamedTypeSymbol enumType || constant.Value is null)
            {
                return null;
            }

            var (values, names) = _byType.GetOrAdd(enumType, static type =>
            {
                var defined = new HashSet<object>();
                var list = new List<string>();
                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value } field)
                    {
                        defined.Add(value);
                        list.Add(field.Name);
                    }
                }

                return (defined, string.Join(", ", list));
            });
            return values.Contains(constant.Value) ? null : $"'{constant.Value}' is not a defined {enumType.Name}; use one of {names}";
        }
    }

    private static string Example(string argument) => argument switch
    {
        "Gateway" => "name the statutory gateway, e.g. Gateway = \"Children Act 1989 s47\"",
        "BasisInLaw" => "name the law, e.g. BasisInLaw = \"Children Act 2004 s11\"",
        _ => "name the authority, e.g. OfficialAuthority = \"Police Act 1996 s30\"",
    };

    /// <summary>The argument as written, so the squiggle sits on what needs changing; else the attribute.</summary>
    private static Location? ArgumentLocation(AttributeData attribute, string? namedArgument, int constructorIndex, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        if (syntax.ArgumentList is { } list)
        {
            var positional = 0;
            foreach (var argument in list.Arguments)
            {
                if (argument.NameEquals is { } nameEquals)
                {
                    if (nameEquals.Name.Identifier.ValueText == namedArgument)
                    {
                        return argument.GetLocation();
                    }
                }
                else if (argument.NameColon is null && positional++ == constructorIndex)
                {
                    return argument.GetLocation();
                }
            }
        }

        return syntax.GetLocation();
    }
}
