using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeShare.CodeFixes.Classification;
using Verify = SafeShare.Testing.CodeFixVerifier<
    SafeShare.Analyzers.Classification.SpecialCategoryAnalyzer,
    SafeShare.CodeFixes.Classification.AddArticle9ConditionCodeFixProvider>;

namespace SafeShare.CodeFixes.Tests.Classification;

public sealed class AddArticle9ConditionCodeFixProviderTests
{
    private const string SubstantialPublicInterest = AddArticle9ConditionCodeFixProvider.SubstantialPublicInterestSafeguardingKey;
    private const string HealthOrSocialCare = AddArticle9ConditionCodeFixProvider.HealthOrSocialCareKey;
    private const string ExplicitConsent = AddArticle9ConditionCodeFixProvider.ExplicitConsentKey;

    [Fact]
    public Task Offers_routine_conditions_first_and_para18_for_a_decision_in_a_case() =>
        Verify.VerifyOfferedActionsAsync(
            """
            using SafeShare;

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.Health)]
                public string? [|Diagnosis|] { get; set; }
            }
            """,
            ("Add Article 9(2)(h) health or social care – DPA 2018 Sch. 1 para 2", HealthOrSocialCare),
            ("Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 6 statutory purposes", AddArticle9ConditionCodeFixProvider.SubstantialPublicInterestStatutoryKey),
            ("Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 8 equality monitoring", AddArticle9ConditionCodeFixProvider.SubstantialPublicInterestEqualityKey),
            ("Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 18 safeguarding, for a decision in a case", SubstantialPublicInterest),
            ("Add Article 9(2)(a) explicit consent", ExplicitConsent));

    [Fact]
    public Task Equality_monitoring_is_not_offered_for_a_category_para8_does_not_name() =>
        Verify.VerifyOfferedActionsAsync(
            """
            using SafeShare;

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.Biometric)]
                public byte[]? [|Fingerprint|] { get; set; }
            }
            """,
            ("Add Article 9(2)(h) health or social care – DPA 2018 Sch. 1 para 2", HealthOrSocialCare),
            ("Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 6 statutory purposes", AddArticle9ConditionCodeFixProvider.SubstantialPublicInterestStatutoryKey),
            ("Add Article 9(2)(g) substantial public interest – DPA 2018 Sch. 1 para 18 safeguarding, for a decision in a case", SubstantialPublicInterest),
            ("Add Article 9(2)(a) explicit consent", ExplicitConsent));

    [Fact]
    public Task Property_EqualityMonitoring() =>
        Verify.VerifyCodeFixAsync(
            """
            using SafeShare;

            [assembly: AppropriatePolicyDocument("IG policy 14: special category data")]

            public sealed class EqualityMonitoring
            {
                [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
                public string? [|Ethnicity|] { get; set; }
            }
            """,
            """
            using SafeShare;

            [assembly: AppropriatePolicyDocument("IG policy 14: special category data")]

            public sealed class EqualityMonitoring
            {
                [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
                [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.EqualityOfOpportunityOrTreatment)]
                public string? Ethnicity { get; set; }
            }
            """,
            AddArticle9ConditionCodeFixProvider.SubstantialPublicInterestEqualityKey);

    [Fact]
    public Task Property_SubstantialPublicInterest_GoesBelowDocCommentAndExistingAttribute() =>
        // Para 18 is a Part 2 condition: with no appropriate policy document declared, SAFE006 now applies.
        Verify.VerifyCodeFixAsync(
            """
            using SafeShare;

            namespace CaseManagement;

            public sealed class Assessment
            {
                /// <summary>How the child describes their ethnicity.</summary>
                [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
                public string? [|Ethnicity|] { get; set; }
            }
            """,
            """
            using SafeShare;

            namespace CaseManagement;

            public sealed class Assessment
            {
                /// <summary>How the child describes their ethnicity.</summary>
                [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
                [{|SAFE006:Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)|}]
                public string? Ethnicity { get; set; }
            }
            """,
            SubstantialPublicInterest);

    [Fact]
    public Task Property_SubstantialPublicInterest_WithAppropriatePolicyDocument() =>
        Verify.VerifyCodeFixAsync(
            """
            using SafeShare;

            [assembly: AppropriatePolicyDocument("IG policy 14: special category data")]

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)] public string? [|Ethnicity|] { get; set; }
            }
            """,
            """
            using SafeShare;

            [assembly: AppropriatePolicyDocument("IG policy 14: special category data")]

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)] [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)] public string? Ethnicity { get; set; }
            }
            """,
            SubstantialPublicInterest);

    [Fact]
    public Task Property_HealthOrSocialCare_IsTheFirstOffer() =>
        Verify.VerifyCodeFixAsync(
            """
            using SafeShare;

            public sealed class HealthAssessment
            {
                [SpecialCategory(SpecialCategory.Health)]
                public string? [|Diagnosis|] { get; set; }
            }
            """,
            """
            using SafeShare;

            public sealed class HealthAssessment
            {
                [SpecialCategory(SpecialCategory.Health)]
                [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
                public string? Diagnosis { get; set; }
            }
            """,
            codeActionIndex: 0);

    [Fact]
    public Task Property_ExplicitConsent() =>
        Verify.VerifyCodeFixAsync(
            """
            using SafeShare;

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.ReligiousOrPhilosophicalBeliefs)]
                public string? [|Religion|] { get; set; }
            }
            """,
            """
            using SafeShare;

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.ReligiousOrPhilosophicalBeliefs)]
                [Article9Condition(Article9Condition.ExplicitConsent)]
                public string? Religion { get; set; }
            }
            """,
            ExplicitConsent);

    [Fact]
    public Task NoUsingSafeShare_TheUsingIsAddedInOrder() =>
        Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Collections.Generic;

            namespace CaseManagement;

            public sealed class Assessment
            {
                [SafeShare.SpecialCategory(SafeShare.SpecialCategory.Health)]
                public IReadOnlyList<string> [|Conditions|] { get; set; } = Array.Empty<string>();
            }
            """,
            """
            using System;
            using System.Collections.Generic;
            using SafeShare;

            namespace CaseManagement;

            public sealed class Assessment
            {
                [SafeShare.SpecialCategory(SafeShare.SpecialCategory.Health)]
                [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
                public IReadOnlyList<string> Conditions { get; set; } = Array.Empty<string>();
            }
            """,
            HealthOrSocialCare);

    [Fact]
    public Task NoUsingSafeShare_BlockNamespaceWithUsingsInside() =>
        Verify.VerifyCodeFixAsync(
            """
            namespace CaseManagement
            {
                using System;

                public sealed class Assessment
                {
                    [SafeShare.SpecialCategory(SafeShare.SpecialCategory.SexualOrientation)]
                    public string? [|SexualOrientation|] { get; set; }
                }
            }
            """,
            """
            namespace CaseManagement
            {
                using System;
                using SafeShare;

                public sealed class Assessment
                {
                    [SafeShare.SpecialCategory(SafeShare.SpecialCategory.SexualOrientation)]
                    [Article9Condition(Article9Condition.ExplicitConsent)]
                    public string? SexualOrientation { get; set; }
                }
            }
            """,
            ExplicitConsent);

    [Fact]
    public Task TypeLevelSpecialCategory() =>
        Verify.VerifyCodeFixAsync(
            """
            using SafeShare;

            /// <summary>A health visitor's note.</summary>
            [SpecialCategory(SpecialCategory.Health)]
            public sealed class [|HealthNote|]
            {
                public string Text { get; set; } = "";
            }
            """,
            """
            using SafeShare;

            /// <summary>A health visitor's note.</summary>
            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)]
            public sealed class HealthNote
            {
                public string Text { get; set; } = "";
            }
            """,
            HealthOrSocialCare);

    [Fact]
    public Task PositionalRecordParameter_AnnotatedInline() =>
        Verify.VerifyCodeFixAsync(
            """
            using SafeShare;

            public sealed record Child(
                string Name,
                [SpecialCategory(SpecialCategory.Health)] string [|Allergies|]);
            """,
            """
            using SafeShare;

            public sealed record Child(
                string Name,
                [SpecialCategory(SpecialCategory.Health)] [Article9Condition(Article9Condition.ExplicitConsent)] string Allergies);
            """,
            ExplicitConsent);

    [Fact]
    public Task MethodParameter() =>
        Verify.VerifyCodeFixAsync(
            """
            using SafeShare;

            public sealed class Referrals
            {
                public void Record(string caseId, [SpecialCategory(SpecialCategory.Health)] string [|disability|])
                {
                }
            }
            """,
            """
            using SafeShare;

            public sealed class Referrals
            {
                public void Record(string caseId, [SpecialCategory(SpecialCategory.Health)] [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes)] string disability)
                {
                }
            }
            """,
            HealthOrSocialCare);

    [Fact]
    public Task FieldWithOneVariable() =>
        Verify.VerifyCodeFixAsync(
            """
            using SafeShare;

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.Biometric)]
                private readonly byte[]? [|_fingerprint|];

                public byte[]? Fingerprint => _fingerprint;
            }
            """,
            """
            using SafeShare;

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.Biometric)]
                [Article9Condition(Article9Condition.ExplicitConsent)]
                private readonly byte[]? _fingerprint;

                public byte[]? Fingerprint => _fingerprint;
            }
            """,
            ExplicitConsent);

    [Fact]
    public Task FieldDeclarationWithSeveralVariables_NoFix() =>
        // One attribute list would cover both fields; the developer decides per field.
        Verify.VerifyNoCodeFixAsync(
            """
            using SafeShare;

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.ReligiousOrPhilosophicalBeliefs)]
                public string? [|Religion|], [|Belief|];
            }
            """);

    [Fact]
    public Task OneActionPerDiagnostic_AppliedInTurn() =>
        Verify.VerifyCodeFixAsync(
            """
            using SafeShare;

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
                public string? [|Ethnicity|] { get; set; }

                [SpecialCategory(SpecialCategory.Health)]
                public string? [|Diagnosis|] { get; set; }
            }
            """,
            """
            using SafeShare;

            public sealed class Assessment
            {
                [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
                [Article9Condition(Article9Condition.ExplicitConsent)]
                public string? Ethnicity { get; set; }

                [SpecialCategory(SpecialCategory.Health)]
                [Article9Condition(Article9Condition.ExplicitConsent)]
                public string? Diagnosis { get; set; }
            }
            """,
            ExplicitConsent);

    private const string AssessmentBefore = """
        using SafeShare;

        [assembly: AppropriatePolicyDocument("IG policy 14")]

        public sealed class Assessment
        {
            [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
            public string? [|Ethnicity|] { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            public string? [|Diagnosis|] { get; set; }
        }
        """;

    private const string AssessmentAfter = """
        using SafeShare;

        [assembly: AppropriatePolicyDocument("IG policy 14")]

        public sealed class Assessment
        {
            [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)]
            [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
            public string? Ethnicity { get; set; }

            [SpecialCategory(SpecialCategory.Health)]
            [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
            public string? Diagnosis { get; set; }
        }
        """;

    private const string HealthNoteBefore = """
        namespace CaseManagement;

        [SafeShare.SpecialCategory(SafeShare.SpecialCategory.Health)]
        public sealed class [|HealthNote|]
        {
            [SafeShare.SpecialCategory(SafeShare.SpecialCategory.Genetic)]
            public string? [|GeneticTest|] { get; set; }
        }
        """;

    private const string HealthNoteAfter = """
        using SafeShare;

        namespace CaseManagement;

        [SafeShare.SpecialCategory(SafeShare.SpecialCategory.Health)]
        [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
        public sealed class HealthNote
        {
            [SafeShare.SpecialCategory(SafeShare.SpecialCategory.Genetic)]
            [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
            public string? GeneticTest { get; set; }
        }
        """;

    [Fact]
    public Task FixAll_Document_LeavesOtherDocuments() =>
        Verify.VerifyFixAllAsync(
            new[] { AssessmentBefore, HealthNoteBefore },
            new[] { AssessmentAfter, HealthNoteBefore },
            FixAllScope.Document,
            SubstantialPublicInterest);

    [Fact]
    public Task FixAll_Project_NestedTypeAndMember() =>
        Verify.VerifyFixAllAsync(
            new[] { AssessmentBefore, HealthNoteBefore },
            new[] { AssessmentAfter, HealthNoteAfter },
            FixAllScope.Project,
            SubstantialPublicInterest);

    [Fact]
    public Task FixAll_Project_LeavesOtherProjects() =>
        Verify.VerifyFixAllAsync(
            new[] { new[] { AssessmentBefore }, new[] { HealthNoteBefore } },
            new[] { new[] { AssessmentAfter }, new[] { HealthNoteBefore } },
            FixAllScope.Project,
            SubstantialPublicInterest);

    [Fact]
    public Task FixAll_Solution_TwoProjects() =>
        // The second project declares no appropriate policy document, so para 18 brings SAFE006 there.
        Verify.VerifyFixAllAsync(
            new[] { new[] { AssessmentBefore }, new[] { HealthNoteBefore } },
            new[] { new[] { AssessmentAfter }, new[] { HealthNoteAfter.Replace("[Article9Condition(", "[{|SAFE006:Article9Condition(").Replace("AtRisk)]", "AtRisk)|}]") } },
            FixAllScope.Solution,
            SubstantialPublicInterest);
}
