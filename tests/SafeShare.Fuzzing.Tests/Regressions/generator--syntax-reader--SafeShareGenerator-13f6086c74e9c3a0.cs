// SafeShare fuzz regression: a mutant that once made SafeShare throw. RegressionTests replays it.
// seed: 0x13f6086c74e9c3a0 (run seed 20250607, mutant 1383)
// origin: tests/SafeShare.Analyzers.Tests/Generation/HintNameTests.cs#0
// mutations: odd-identifier
// checks: analyzers, generator and code fixes
// failure: generator (syntax reader) SafeShareGenerator
//   the inventory read from syntax differs from the semantic one:
//   --- semantic
//   InventoryType { FullName = N.@record, Subject = , Basis = LegalBasis { LawfulBasis = , Gateway = , Article9Condition = , Schedule1 = , Schedule1Paragraph = 0, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = N.Other, Subject = , Basis = LegalBasis { LawfulBasis = , Gateway = , Article9Condition = , Schedule1 = , Schedule1Paragraph = 0, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   --- with the syntax reader
//   InventoryType { FullName = N.record, Subject = , Basis = LegalBasis { LawfulBasis = , Gateway = , Article9Condition = , Schedule1 = , Schedule1Paragraph = 0, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = N.Other, Subject = , Basis = LegalBasis { LawfulBasis = , Gateway = , Article9Condition = , Schedule1 = , Schedule1Paragraph = 0, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//==== mutant source (everything below this line, exactly) ====
using SafeShare class record{[PersonalData]g t;}