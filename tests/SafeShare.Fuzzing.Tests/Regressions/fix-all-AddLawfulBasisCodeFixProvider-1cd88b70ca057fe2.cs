// SafeShare fuzz regression: a mutant that once made SafeShare throw. RegressionTests replays it.
// seed: 0x1cd88b70ca057fe2 (run seed 20250607, mutant 10239)
// origin: tests/SafeShare.Analyzers.Tests/Classification/LawfulBasisAnalyzerTests.cs#4
// mutations: top-level-statements, toggle-modifier
// checks: analyzers, generator and code fixes
// failure: fix-all AddLawfulBasisCodeFixProvider
//   System.InvalidOperationException: Unexpected false - file IndentBlockOperation.cs line 38
//      at Microsoft.CodeAnalysis.Contract.Fail(String message, Int32 lineNumber, String filePath)
//      at Microsoft.CodeAnalysis.Formatting.Rules.IndentBlockOperation..ctor(SyntaxToken baseToken, SyntaxToken startToken, SyntaxToken endToken, TextSpan textSpan, Int32 indentationDelta, IndentBlockOption option)
//      at Microsoft.CodeAnalysis.Formatting.Rules.FormattingOperations.CreateRelativeIndentBlockOperation(SyntaxToken baseToken, SyntaxToken startToken, SyntaxToken endToken, TextSpan textSpan, Int32 indentationDelta, IndentBlockOption option)
//      at Microsoft.CodeAnalysis.Formatting.Rules.FormattingOperations.CreateRelativeIndentBlockOperation(SyntaxToken baseToken, SyntaxToken startToken, SyntaxToken endToken, Int32 indentationDelta, IndentBlockOption option)
//      at Microsoft.CodeAnalysis.CSharp.Formatting.BaseFormattingRule.SetAlignmentBlockOperation(List`1 list, SyntaxToken baseToken, SyntaxToken startToken, SyntaxToken endToken, IndentBlockOption option)
//      at Microsoft.CodeAnalysis.CSharp.Formatting.IndentBlockFormattingRule.AddBracketIndentationOperation(List`1 list, SyntaxNode node)
//      at Microsoft.CodeAnalysis.CSharp.Formatting.IndentBlockFormattingRule.AddIndentBlockOperations(List`1 list, SyntaxNode node, NextIndentBlockOperationAction& nextOperation)
//      at Microsoft.CodeAnalysis.Formatting.Rules.NextIndentBlockOperationAction.Invoke()
//      at Microsoft.CodeAnalysis.CSharp.Formatting.IndentUserSettingsFormattingRule.AddIndentBlockOperations(List`1 list, SyntaxNode node, NextIndentBlockOperationAction& nextOperation)
//      at Microsoft.CodeAnalysis.Formatting.Rules.NextIndentBlockOperationAction.Invoke()
//      at Microsoft.CodeAnalysis.Formatting.ChainedFormattingRules.AddIndentBlockOperations(List`1 list, SyntaxNode currentNode)
//      at Microsoft.CodeAnalysis.Formatting.FormattingContext.InitialContextFinder.<>c__DisplayClass5_0.<GetInitialIndentBlockOperations>b__1(SyntaxNode n)
//      at Roslyn.Utilities.EnumerableExtensions.Do[T](IEnumerable`1 source, Action`1 action)
//      at Microsoft.CodeAnalysis.Formatting.FormattingContext.InitialContextFinder.GetInitialIndentBlockOperations(SyntaxToken startToken, SyntaxToken endToken)
//      at Microsoft.CodeAnalysis.Formatting.FormattingContext.InitialContextFinder.Do(SyntaxToken startToken, SyntaxToken endToken)
//      at Microsoft.CodeAnalysis.Formatting.FormattingContext.Initialize(ChainedFormattingRules formattingRules, SyntaxToken startToken, SyntaxToken endToken, CancellationToken cancellationToken)
//      at Microsoft.CodeAnalysis.Formatting.AbstractFormatEngine.CreateFormattingContext(TokenStream tokenStream, CancellationToken cancellationToken)
//      at Microsoft.CodeAnalysis.Formatting.AbstractFormatEngine.Format(CancellationToken cancellationToken)
//      at Microsoft.CodeAnalysis.CSharp.Formatting.CSharpSyntaxFormatting.Format(SyntaxNode node, SyntaxFormattingOptions options, ImmutableArray`1 formattingRules, SyntaxToken startToken, SyntaxToken endToken, CancellationToken cancellationToken)
//      at Microsoft.CodeAnalysis.Formatting.AbstractSyntaxFormatting.GetFormattingResult(SyntaxNode node, IEnumerable`1 spans, SyntaxFormattingOptions options, ImmutableArray`1 rules, CancellationToken cancellationToken)
//      at Microsoft.CodeAnalysis.Formatting.Formatter.GetFormattingResult(SyntaxNode node, IEnumerable`1 spans, SolutionServices services, SyntaxFormattingOptions options, ImmutableArray`1 rules, CancellationToken cancellationToken)
//      at Microsoft.CodeAnalysis.Formatting.Formatter.Format(SyntaxNode node, IEnumerable`1 spans, SolutionServices services, SyntaxFormattingOptions options, ImmutableArray`1 rules, CancellationToken cancellationToken)
//      at Microsoft.CodeAnalysis.Formatting.Formatter.Format(SyntaxNode node, SyntaxAnnotation annotation, SolutionServices services, SyntaxFormattingOptions options, ImmutableArray`1 rules, CancellationToken cancellationToken)
//      at Microsoft.CodeAnalysis.Formatting.Formatter.FormatAsync(Document document, SyntaxAnnotation annotation, SyntaxFormattingOptions options, ImmutableArray`1 rules, CancellationToken cancellationToken)
//==== mutant source (everything below this line, exactly) ====
using SafeShare;new[P;[class C{[PersonalData]?e