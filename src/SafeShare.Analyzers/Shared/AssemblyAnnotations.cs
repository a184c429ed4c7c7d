using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeShare.Analyzers;

/// <summary>The assembly-level SafeShare attributes, computed once per compilation on first use.</summary>
internal sealed class AssemblyAnnotations
{
    private readonly SafeShareSymbols _symbols;
    private readonly IAssemblySymbol _assembly;
    private State? _state;

    public AssemblyAnnotations(SafeShareSymbols symbols, IAssemblySymbol assembly)
    {
        _symbols = symbols;
        _assembly = assembly;
    }

    public ImmutableArray<AttributeData> All => Get().All;
    public AttributeData? LawfulBasis => Get().LawfulBasis;
    public AttributeData? Article9Condition => Get().Article9Condition;
    public bool HasAppropriatePolicyDocument => Get().HasAppropriatePolicyDocument;
    public bool IsPublicAuthority => Get().IsPublicAuthority;
    public AttributeData? SharingAgreement => Get().SharingAgreement;

    /// <summary>
    /// The assembly's attributes written in this file. Only a file with attribute lists at the top can hold one: any other
    /// file is answered from its syntax, without binding the assembly's attributes or making anything.
    /// </summary>
    public ImmutableArray<AttributeData> WrittenIn(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax { AttributeLists.Count: > 0 })
        {
            return ImmutableArray<AttributeData>.Empty;
        }

        var written = ImmutableArray.CreateBuilder<AttributeData>();
        foreach (var attribute in All)
        {
            if (attribute.ApplicationSyntaxReference?.SyntaxTree == tree)
            {
                written.Add(attribute);
            }
        }

        return written.ToImmutable();
    }

    private State Get()
    {
        var state = Volatile.Read(ref _state);
        if (state is null)
        {
            state = new State(_assembly.GetAttributes(), _symbols);
            Interlocked.CompareExchange(ref _state, state, null);
        }

        return state;
    }

    private sealed class State
    {
        public State(ImmutableArray<AttributeData> all, SafeShareSymbols symbols)
        {
            All = all;
            foreach (var attribute in all)
            {
                if (SafeShareSymbols.Is(attribute, symbols.LawfulBasis))
                {
                    LawfulBasis ??= attribute;
                }
                else if (SafeShareSymbols.Is(attribute, symbols.Article9Condition))
                {
                    Article9Condition ??= attribute;
                }
                else if (SafeShareSymbols.Is(attribute, symbols.AppropriatePolicyDocument))
                {
                    HasAppropriatePolicyDocument = true;
                }
                else if (SafeShareSymbols.Is(attribute, symbols.PublicAuthority))
                {
                    IsPublicAuthority = true;
                }
                else if (SafeShareSymbols.Is(attribute, symbols.SharingAgreement))
                {
                    SharingAgreement ??= attribute;
                }
            }
        }

        public ImmutableArray<AttributeData> All { get; }
        public AttributeData? LawfulBasis { get; }
        public AttributeData? Article9Condition { get; }
        public bool HasAppropriatePolicyDocument { get; }
        public bool IsPublicAuthority { get; }
        public AttributeData? SharingAgreement { get; }
    }
}
