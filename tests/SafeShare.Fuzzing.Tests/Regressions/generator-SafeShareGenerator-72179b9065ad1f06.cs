// SafeShare fuzz regression: a mutant that once made SafeShare throw. RegressionTests replays it.
// seed: 0x0000000000000000 (one --file)
// origin: hand-made: [RetainUntil] on two parts of one partial type (the duplicate-member mutation on a partial type)
// mutations: file
// checks: analyzers, generator and code fixes
// failure: generator SafeShareGenerator
//   System.ArgumentException: The hintName 'N.C.Retention.g.cs' of the added source file must be unique within a generator. (Parameter 'hintName')
//      at Microsoft.CodeAnalysis.AdditionalSourcesCollection.Add(String hintName, SourceText source)
//      at Microsoft.CodeAnalysis.SourceOutputNode`1.AppendOutputs(IncrementalExecutionContext context, CancellationToken cancellationToken)
//==== mutant source (everything below this line, exactly) ====
using SafeShare;
namespace N;
[RetainUntil(nameof(D), Years = 1)] public partial class C { public System.DateTime D { get; set; } [PersonalData] public string? Name { get; set; } }
[RetainUntil(nameof(D), Years = 2)] public partial class C { }
