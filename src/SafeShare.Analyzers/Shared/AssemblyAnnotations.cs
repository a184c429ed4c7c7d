using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

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
            }
        }

        public ImmutableArray<AttributeData> All { get; }
        public AttributeData? LawfulBasis { get; }
        public AttributeData? Article9Condition { get; }
        public bool HasAppropriatePolicyDocument { get; }
    }
}
