using System.Threading.Tasks;
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
