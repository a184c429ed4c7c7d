// SafeShare fuzz regression: a mutant that once made SafeShare throw. RegressionTests replays it.
// seed: 0x91b773cb65abd497 (run seed 20250607, mutant 128)
// origin: tests/SafeShare.Analyzers.Tests/Classification/SpecialCategoryAnalyzerTests.cs#2
// mutations: preprocessor, delete-lines
// checks: analyzers, generator and code fixes
// failure: generator (syntax reader) SafeShareGenerator
//   the inventory read from syntax differs from the semantic one:
//   --- semantic
//   InventoryType { FullName = OnMember, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = OnType, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = ExplicitConsent, Schedule1 = , Schedule1Paragraph = 0, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = Child, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = ExplicitConsent, Schedule1 = , Schedule1Paragraph = 0, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = Carer, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = Assessment, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = Person, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = ExplicitConsent, Schedule1 = , Schedule1Paragraph = 0, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = Carer, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5.N6, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5.N6.N7, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5.N6.N7.N8, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5.N6.N7.N8.N9, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5.N6.N7.N8.N9.N10, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5.N6.N7.N8.N9.N10.N11, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5.N6.N7.N8.N9.N10.N11.N12, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5.N6.N7.N8.N9.N10.N11.N12.N13, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5.N6.N7.N8.N9.N10.N11.N12.N13.N14, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//   InventoryType { FullName = CaseManagement.Domain.N0.N1.N2.N3.N4.N5.N6.N7.N8.N9.N10.N11.N12.N13.N14.N15, Subject = , Basis = LegalBasis { LawfulBasis = LegalObligation, Gateway = , Article9Condition = HealthOrSocialCare, Schedule1 = HealthOrSocialCarePurposes, Schedule1Paragraph = 2, BasisInLaw =  }, Retention = , Members = SafeShare.Analyzers.Generation.EquatableArray`1[SafeShare.Analyzers.Generation.InventoryMember] }
//==== another file of the same project ====
using System;
using System.Collections.Generic;
using SafeShare;

public class Child
{
    [PersonalData(Subject = DataSubject.Child)] public string Name { get; set; } = "";
    [SpecialCategory(SpecialCategory.Health)] public string? HealthNeeds { get; set; }

    [SpecialCategory(SpecialCategory.Health)] public string? HealthNeeds { get; set; }

    [SpecialCategory(SpecialCategory.Health)] public string? HealthNeeds { get; set; }

    [SpecialCategory(SpecialCategory.Health)] public string? HealthNeeds { get; set; }
    public int Id { get; set; }
}

[PersonalData]
public class Carer { public string? Name { get; set; } }

public class Referral { public Child? Child { get; set; } public string? Concern { get; set; } }

public class Statistics { public int Referrals { get; set; } public string? Area { get; set; } }

public partial class PoliceReferrals
{
    [Share("Police - Child Abuse Investigation Team", "Strategy discussion under Children Act 1989 s47")]
    public partial DecisionRecord ReferToPolice(Child payload, DecisionRecord? details);
    public partial DecisionRecord ReferToPolice(Child payload, DecisionDetails details) => throw null!;
    public DisclosureRecord ReferToPoliceDisclosed(DecisionRecord decision, string channel, bool encrypted, DisclosureOutcome outcome, params string[] fieldsSent) => throw null!;
    public DecisionRecord ReferToPoliceNotShared(string subjectReference, string decidedBy, string reason, RiskLevel risk = RiskLevel.NotAssessed) => throw null!;
}
//==== another file of the same project ====
using SafeShare;
[Article9Condition(Article9Condition.ExplicitConsent)]
public abstract class Person
{
    [SpecialCategory(SpecialCategory.Health)]
    public virtual string? Health { get; set; }
}

public class Carer
{
    [SpecialCategory(SpecialCategory.Health)]
    public virtual string? Health { get; set; }
}

public class YoungCarer : Carer
{
    public override string? Health { get; set; }
}

public class Child : Person
{
    public override string? Health { get; set; }
}
class DeepLambdas { object o = (string p0 = "ftp://x") => (string p1 = "ftp://x") => (string p2 = "ftp://x") => (string p3 = "ftp://x") => (string p4 = "ftp://x") => (string p5 = "ftp://x") => (string p6 = "ftp://x") => (string p7 = "ftp://x") => (string p8 = "ftp://x") => (string p9 = "ftp://x") => (string p10 = "ftp://x") => (string p11 = "ftp://x") => (string p12 = "ftp://x") => (string p13 = "ftp://x") => (string p14 = "ftp://x") => (string p15 = "ftp://x") => (string p16 = "ftp://x") =>  0; }

//==== mutant source (everything below this line, exactly) ====
