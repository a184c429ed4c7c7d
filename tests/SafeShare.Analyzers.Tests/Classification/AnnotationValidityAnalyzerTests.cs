using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using SafeShare.Analyzers.Classification;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Classification.AnnotationValidityAnalyzer>;

namespace SafeShare.Analyzers.Tests.Classification;

public class AnnotationValidityAnalyzerTests
{
    [Fact]
    public Task Flags_retention_anchor_that_is_missing_or_not_a_date() => Verify.VerifyAsync("""
        using System;
        using SafeShare;
        [RetainUntil([|"DOB"|], Years = 25)]
        public class Child { public DateOnly DateOfBirth { get; set; } }

        [RetainUntil([|nameof(Name)|], Years = 25)]
        public class Carer { public string? Name { get; set; } public DateTime? Born { get; set; } }

        [RetainUntil([|""|], Years = 6)]
        public class Visit { public DateTimeOffset On { get; set; } }
        """);

    [Fact]
    public Task Flags_non_positive_periods() => Verify.VerifyAsync("""
        using System;
        using SafeShare;
        [[|RetainUntil(nameof(ClosedOn))|]]
        public class A { public DateOnly ClosedOn { get; set; } }

        [RetainUntil(nameof(ClosedOn), [|Years = -1|])]
        public class B { public DateOnly ClosedOn { get; set; } }

        [RetainUntil(nameof(ClosedOn), Years = 6, [|ReviewEveryYears = -2|])]
        public class C { public DateOnly ClosedOn { get; set; } }
        """);

    [Fact]
    public Task Flags_empty_text_and_undefined_enum_values() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: AppropriatePolicyDocument([|" "|])]

        [LawfulBasis(LawfulBasis.PublicTask, [|Gateway = ""|])]
        public class A
        {
            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes, [|BasisInLaw = "  "|])]
            public string? Health { get; set; }

            [CriminalOffenceData([|OfficialAuthority = ""|])]
            public string? Offences { get; set; }

            [LawfulBasis([|(LawfulBasis)42|])]
            [PersonalData([|Subject = (DataSubject)9|])]
            public string? Name { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.SubstantialPublicInterest, [|Schedule1 = (Schedule1Condition)5|])]
            public string? Paragraph5IsNotACondition { get; set; }
        }
        """);

    [Fact]
    public async Task Messages_say_what_to_write_instead()
    {
        var compilation = TestCompilation.Create("""
            using System;
            using SafeShare;
            [RetainUntil("DOB", Years = 25)]
            public class Child { public DateOnly DateOfBirth { get; set; } }
            [LawfulBasis((LawfulBasis)42)]
            public class Carer { }
            """);
        var messages = (await Verify.GetDiagnosticsAsync(compilation, new AnnotationValidityAnalyzer()))
            .Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("[RetainUntil] on 'Child' names 'DOB', which is not a member of 'Child'; name one of its date members, e.g. [RetainUntil(nameof(DateOfBirth), Years = 6)]", messages[0]);
        Assert.Equal("[LawfulBasis] on 'Carer': '42' is not a defined LawfulBasis; use one of Consent, Contract, LegalObligation, VitalInterests, PublicTask, LegitimateInterests, RecognisedLegitimateInterest", messages[1]);
    }

    [Fact]
    public Task Valid_annotations_are_not_flagged() => Verify.VerifyAsync("""
        using System;
        using SafeShare;
        [assembly: AppropriatePolicyDocument("IG-POL-14 Special category data policy")]
        [assembly: LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]

        public abstract class Person { public DateOnly? DateOfBirth { get; set; } }

        [RetainUntil(nameof(DateOfBirth), Years = 25, ReviewEveryYears = 5)]
        public class Child : Person { [PersonalData(Subject = DataSubject.Child)] public string? Name { get; set; } }

        [RetainUntil(nameof(ClosedOn), Months = 18)]
        public record Visit(DateTime ClosedOn, [PersonalData] string Notes);

        [RetainUntil(nameof(closedAt), Years = 6)]
        public struct Note { public DateTimeOffset closedAt; }

        // Kept indefinitely under regular review (North East Lincolnshire guidance §4).
        [RetainUntil(nameof(AdoptedOn), ReviewEveryYears = 10)]
        public class AdoptionRecord { public DateOnly AdoptedOn { get; set; } }

        public class Assessment
        {
            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes, BasisInLaw = "Children Act 2004 s11")]
            public string? Health { get; set; }

            [CriminalOffenceData(OfficialAuthority = "Police Act 1996 s30")]
            public string? Offences { get; set; }
        }
        """);

    [Fact]
    public async Task Arguments_of_the_wrong_type_are_left_to_the_compiler()
    {
        var compilation = TestCompilation.Create("""
            using SafeShare;
            [RetainUntil(42, Years = "25")]
            public class A { }
            [LawfulBasis("PublicTask", Gateway = 17)]
            public class B { }
            [RetainUntil(
            public class C { }
            """);
        var diagnostics = await Verify.GetDiagnosticsAsync(compilation, new AnnotationValidityAnalyzer(), "CS1026", "CS1003", "CS0029", "CS1503", "CS7036");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public Task An_anchor_whose_type_does_not_resolve_is_left_to_the_compiler() => Verify.VerifyAsync("""
        using SafeShare;
        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        [RetainUntil(nameof(Opened), Years = 6)]
        public sealed class Referral
        {
            [PersonalData] public string Name { get; set; } = "";
            public UnknownDate Opened { get; set; }
        }
        """, "CS0246");

}
