using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SafeShare.Testing;
using SafeShare.Analyzers.Classification;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Classification.SpecialCategoryAnalyzer>;

namespace SafeShare.Analyzers.Tests.Classification;

public class SpecialCategoryAnalyzerTests
{
    [Fact]
    public Task Flags_special_category_property_without_condition() => Verify.VerifyAsync("""
        using SafeShare;
        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        public class Assessment
        {
            [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
            public string? {|SAFE001:Ethnicity|} { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            public string? {|SAFE001:HealthNeeds|};
        }
        """);

    [Fact]
    public async Task Message_names_member_category_and_what_to_add()
    {
        var compilation = SafeShare.Testing.TestCompilation.Create("""
            using SafeShare;
            public class Assessment
            {
                [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
                public string? Ethnicity { get; set; }
            }
            """);
        var diagnostics = await Verify.GetDiagnosticsAsync(compilation, new SpecialCategoryAnalyzer());
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(
            "'Assessment.Ethnicity' is special category data (RacialOrEthnicOrigin) with no Article 9 condition; add [Article9Condition(...)] to the member, its type or the assembly",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task Condition_on_member_type_or_assembly_is_found() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]

        public class OnMember
        {
            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.ExplicitConsent)]
            public string? Health { get; set; }
        }

        [Article9Condition(Article9Condition.ExplicitConsent)]
        public class OnType
        {
            [SpecialCategory(SpecialCategory.Health)]
            public string? Health { get; set; }
        }

        public class OnAssembly
        {
            [SpecialCategory(SpecialCategory.Health)]
            public string? Health { get; set; }
        }
        """);

    [Fact]
    public Task Condition_on_base_type_or_enclosing_type_covers_members() => Verify.VerifyAsync("""
        using SafeShare;
        [Article9Condition(Article9Condition.ExplicitConsent)]
        public abstract class HealthRecord { }

        public class GpSummary : HealthRecord
        {
            [SpecialCategory(SpecialCategory.Health)]
            public string? Diagnosis { get; set; }
        }

        [Article9Condition(Article9Condition.ExplicitConsent)]
        public class CaseFile
        {
            public class Note
            {
                [SpecialCategory(SpecialCategory.Health)]
                public string? Text { get; set; }
            }
        }
        """);

    [Fact]
    public Task Records_partial_nested_and_generic_types_are_checked() => Verify.VerifyAsync("""
        using SafeShare;
        public record Child(string Name, [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)] string {|SAFE001:Ethnicity|});

        public partial class Assessment
        {
            [SpecialCategory(SpecialCategory.Health)]
            public string? {|SAFE001:Health|} { get; set; }
        }

        public partial class Assessment
        {
            [SpecialCategory(SpecialCategory.Biometric)]
            public byte[]? {|SAFE001:Fingerprint|} { get; set; }
        }

        public class Outer
        {
            public class Inner
            {
                [SpecialCategory(SpecialCategory.SexualOrientation)]
                public string? {|SAFE001:Orientation|} { get; set; }
            }
        }

        public class Tagged<T>
        {
            [SpecialCategory(SpecialCategory.ReligiousOrPhilosophicalBeliefs)]
            public T? {|SAFE001:Value|} { get; set; }
        }
        """);

    [Fact]
    public Task Type_level_marker_and_parameters_are_checked() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: AppropriatePolicyDocument("IG-POL-14")]
        [SpecialCategory(SpecialCategory.Health)]
        public class {|SAFE001:MedicalReport|} { }

        public class Referrals
        {
            public void Refer([SpecialCategory(SpecialCategory.Health)] string {|SAFE001:healthNeeds|}) { }

            [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
            public void ReferCovered([SpecialCategory(SpecialCategory.Health)] string healthNeeds) { }
        }
        """);

    [Fact]
    public Task Overriding_property_inherits_the_marker() => Verify.VerifyAsync("""
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
            public virtual string? {|SAFE001:Health|} { get; set; }
        }

        public class YoungCarer : Carer
        {
            public override string? {|SAFE001:Health|} { get; set; }
        }

        public class Child : Person
        {
            public override string? Health { get; set; }
        }
        """);

    [Fact]
    public Task Ordinary_personal_data_and_unmarked_code_are_not_flagged() => Verify.VerifyAsync("""
        using SafeShare;
        public class Child
        {
            [PersonalData(Subject = DataSubject.Child)]
            public string? Name { get; set; }
            public string? Ethnicity { get; set; }
        }
        """);

    [Fact]
    public Task Schedule1_missing_or_from_the_wrong_part_is_flagged() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: AppropriatePolicyDocument("IG-POL-14")]

        public class A
        {
            [SpecialCategory(SpecialCategory.Health)]
            [{|SAFE002:Article9Condition(Article9Condition.SubstantialPublicInterest)|}]
            public string? NoSchedule1 { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [{|SAFE002:Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)|}]
            public string? Part1ForG { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [{|SAFE002:Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)|}]
            public string? Part2ForH { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [{|SAFE002:Article9Condition(Article9Condition.PublicHealth)|}]
            public string? PublicHealthNone { get; set; }

            [SpecialCategory(SpecialCategory.Genetic)]
            [{|SAFE002:Article9Condition(Article9Condition.ArchivingResearchOrStatistics, Schedule1 = Schedule1Condition.PublicHealth)|}]
            public string? Research { get; set; }

            [SpecialCategory(SpecialCategory.TradeUnionMembership)]
            [{|SAFE002:Article9Condition(Article9Condition.EmploymentSocialSecurityAndSocialProtection, Schedule1 = Schedule1Condition.Consent)|}]
            public string? Union { get; set; }
        }
        """);

    [Fact]
    public Task Matching_Schedule1_and_conditions_that_need_none_are_not_flagged() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: AppropriatePolicyDocument("IG-POL-14")]

        public class A
        {
            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
            public string? G { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
            public string? H { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.PublicHealth, Schedule1 = Schedule1Condition.PublicHealth)]
            public string? I { get; set; }

            [SpecialCategory(SpecialCategory.Genetic)]
            [Article9Condition(Article9Condition.ArchivingResearchOrStatistics, Schedule1 = Schedule1Condition.ResearchEtc)]
            public string? J { get; set; }

            [SpecialCategory(SpecialCategory.TradeUnionMembership)]
            [Article9Condition(Article9Condition.EmploymentSocialSecurityAndSocialProtection, Schedule1 = Schedule1Condition.EmploymentSocialSecurityAndSocialProtection)]
            public string? B { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.ExplicitConsent)]
            public string? Consent { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.VitalInterests)]
            public string? Vital { get; set; }
        }
        """);

    [Fact]
    public Task Schedule1_paragraph_with_a_point_that_needs_none_is_flagged() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: AppropriatePolicyDocument("IG-POL-14")]

        public class A
        {
            // Para 18 is processing without consent (para 18(1)(c)); it cannot stand beside explicit consent.
            [SpecialCategory(SpecialCategory.Health)]
            [{|SAFE002:Article9Condition(Article9Condition.ExplicitConsent, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)|}]
            public string? ConsentWithPara18 { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [{|SAFE002:Article9Condition(Article9Condition.VitalInterests, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)|}]
            public string? VitalWithPara2 { get; set; }

            [SpecialCategory(SpecialCategory.ReligiousOrPhilosophicalBeliefs)]
            [{|SAFE002:Article9Condition(Article9Condition.NotForProfitBodies, Schedule1 = Schedule1Condition.NotForProfitBodies)|}]
            public string? NotForProfitWithPara31 { get; set; }

            [SpecialCategory(SpecialCategory.PoliticalOpinions)]
            [{|SAFE002:Article9Condition(Article9Condition.MadePublicByDataSubject, Schedule1 = Schedule1Condition.PersonalDataInThePublicDomain)|}]
            public string? PublicWithPara32 { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [{|SAFE002:Article9Condition(Article9Condition.LegalClaimsOrJudicialActs, Schedule1 = Schedule1Condition.StatutoryAndGovernmentPurposes)|}]
            public string? ClaimsWithPara6 { get; set; }
        }
        """);

    [Fact]
    public async Task Every_pairing_the_Act_forbids_is_flagged_and_every_one_it_allows_is_not()
    {
        // DPA 2018 s10(2)-(3), written out here independently of the analyzer's table: (b) para 1, (h) para 2,
        // (i) para 3, (j) para 4, (g) any Part 2 paragraph; (a), (c), (d), (e) and (f) no Schedule 1 condition.
        static bool Allowed(int condition, int paragraph) => condition switch
        {
            1 => paragraph == 1,
            6 => paragraph is >= 6 and <= 28,
            7 => paragraph == 2,
            8 => paragraph == 3,
            9 => paragraph == 4,
            _ => paragraph == 0,
        };

        var paragraphs = new[] { 0, 1, 2, 3, 4 }.Concat(Enumerable.Range(6, 32)).ToArray();
        var source = new StringBuilder("using SafeShare;\n[assembly: AppropriatePolicyDocument(\"IG-POL-14\")]\npublic class A\n{\n");
        foreach (var condition in Enumerable.Range(0, 10))
        {
            foreach (var paragraph in paragraphs)
            {
                source.Append(CultureInfo.InvariantCulture, $"    [SpecialCategory(SpecialCategory.Health)] [Article9Condition((Article9Condition){condition}, Schedule1 = (Schedule1Condition){paragraph})] public string? C{condition}P{paragraph} {{ get; set; }}\n");
            }
        }

        source.Append("}\n");
        var diagnostics = await Verify.GetDiagnosticsAsync(TestCompilation.Create(source.ToString()), new SpecialCategoryAnalyzer());
        var flagged = diagnostics.Where(d => d.Id == "SAFE002").Select(d => d.GetMessage(CultureInfo.InvariantCulture).Split('\'')[1]).ToHashSet();
        var wrong = new List<string>();
        foreach (var condition in Enumerable.Range(0, 10))
        {
            foreach (var paragraph in paragraphs)
            {
                var member = $"A.C{condition}P{paragraph}";
                if (flagged.Contains(member) == Allowed(condition, paragraph))
                {
                    wrong.Add(member + (Allowed(condition, paragraph) ? " flagged but allowed" : " allowed but forbidden"));
                }
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(10 * paragraphs.Length - (4 + 23 + 5), flagged.Count);
    }

    [Fact]
    public async Task Message_for_a_paragraph_where_none_applies_says_to_remove_it()
    {
        var compilation = TestCompilation.Create("""
            using SafeShare;
            [assembly: AppropriatePolicyDocument("IG-POL-14")]
            public class A
            {
                [SpecialCategory(SpecialCategory.Health)]
                [Article9Condition(Article9Condition.ExplicitConsent, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
                public string? Notes { get; set; }
            }
            """);
        var diagnostic = Assert.Single(await Verify.GetDiagnosticsAsync(compilation, new SpecialCategoryAnalyzer()));
        Assert.Equal(
            "'A.Notes' relies on Article 9(2)(a) ExplicitConsent, which needs no Schedule 1 condition, but names Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk (Sch. 1 Part 2 para 18); set Schedule1 to Schedule1Condition.None, as DPA 2018 s10 pairs no Schedule 1 condition with this point (a Part 3 condition for criminal offence data belongs on [CriminalOffenceData])",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task Assembly_level_condition_is_checked_too() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: {|SAFE002:Article9Condition(Article9Condition.SubstantialPublicInterest)|}]
        """);

    [Fact]
    public Task Policy_document_missing_for_Part2_and_para1() => Verify.VerifyAsync("""
        using SafeShare;
        public class A
        {
            [SpecialCategory(SpecialCategory.Health)]
            [{|SAFE006:Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)|}]
            public string? G { get; set; }

            [SpecialCategory(SpecialCategory.TradeUnionMembership)]
            [{|SAFE006:Article9Condition(Article9Condition.EmploymentSocialSecurityAndSocialProtection, Schedule1 = Schedule1Condition.EmploymentSocialSecurityAndSocialProtection)|}]
            public string? B { get; set; }

            [{|SAFE006:CriminalOffenceData(Schedule1 = Schedule1Condition.PreventingOrDetectingUnlawfulActs)|}]
            public string? Offence { get; set; }

            // Part 1 paras 2-4 need no policy document.
            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
            public string? H { get; set; }
        }
        """);

    [Fact]
    public Task Policy_document_follows_the_Acts_list_for_Part3() => Verify.VerifyAsync("""
        using SafeShare;
        public class A
        {
            // Para 35(1)(c) asks for the document itself; paras 36 and 37 are met only through a Part 2 condition (para 5).
            [{|SAFE006:CriminalOffenceData(Schedule1 = Schedule1Condition.IndecencyOffencesInvolvingChildren)|}]
            public string? PaymentCardOffence { get; set; }

            [{|SAFE006:CriminalOffenceData(Schedule1 = Schedule1Condition.ExtensionOfSubstantialPublicInterestConditions)|}]
            public string? Extended { get; set; }

            [{|SAFE006:CriminalOffenceData(Schedule1 = Schedule1Condition.ExtensionOfInsuranceConditions)|}]
            public string? Insurance { get; set; }

            // Paras 29-34 carry no such requirement, nor do Part 1 paras 2-4.
            [CriminalOffenceData(Schedule1 = Schedule1Condition.Consent)]
            public string? WithConsent { get; set; }

            [CriminalOffenceData(Schedule1 = Schedule1Condition.ProtectingVitalInterests)]
            public string? Vital { get; set; }

            [CriminalOffenceData(Schedule1 = Schedule1Condition.LegalClaims)]
            public string? Claims { get; set; }

            [CriminalOffenceData(Schedule1 = Schedule1Condition.PublicHealth)]
            public string? PublicHealth { get; set; }
        }
        """);

    [Fact]
    public Task Policy_document_declared_silences_SAFE006() => Verify.VerifyAsync(new[]
    {
        """
        using SafeShare;
        public class A
        {
            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
            public string? G { get; set; }
        }
        """,
        """
        [assembly: SafeShare.AppropriatePolicyDocument("IG-POL-14 Special category data policy")]
        """,
    });

    [Fact]
    public Task Identity_markers_are_personal_but_not_special() => Verify.VerifyAsync("""
        namespace Microsoft.AspNetCore.Identity
        {
            [System.AttributeUsage(System.AttributeTargets.Property)] public class PersonalDataAttribute : System.Attribute { }
        }
        public class User
        {
            [Microsoft.AspNetCore.Identity.PersonalData]
            public string? Email { get; set; }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => Verify.VerifyAsync("""
        using SafeShare;
        public class Assessment
        {
            [SpecialCategory(]
            public string? A { get; set; }

            [SpecialCategory("Health")]
            public string? B { get; set; }

            [{|SAFE006:Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = 18)|}]
            [SpecialCategory(SpecialCategory.Health)]
            public string? C { get; set; }

            [SpecialCategory(SpecialCategory.Health
        """, "CS1026", "CS1003", "CS1513", "CS7036", "CS1503", "CS0266");
}
