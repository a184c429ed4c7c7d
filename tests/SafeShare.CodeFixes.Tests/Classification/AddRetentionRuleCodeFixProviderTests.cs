using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeShare.Analyzers.Classification;
using SafeShare.CodeFixes.Classification;
using SafeShare.Testing;
using Verify = SafeShare.Testing.CodeFixVerifier<
    SafeShare.Analyzers.Classification.RetentionAnalyzer,
    SafeShare.CodeFixes.Classification.AddRetentionRuleCodeFixProvider>;

namespace SafeShare.CodeFixes.Tests.Classification;

public sealed class AddRetentionRuleCodeFixProviderTests
{
    private const string RetainUntil = AddRetentionRuleCodeFixProvider.RetainUntilKey;

    [Fact]
    public Task OffersOneRuleNamingTheAnchor() =>
        Verify.VerifyOfferedActionsAsync(
            """
            using System;
            using SafeShare;

            public sealed class [|Child|]
            {
                [PersonalData] public string Name { get; set; } = "";
                public DateOnly DateOfBirth { get; set; }
            }
            """,
            ("Add retention rule: 25 years from DateOfBirth", RetainUntil));

    [Fact]
    public Task BirthDate_TwentyFiveYears_PreferredOverEarlierDates() =>
        Verify.VerifyCodeFixAsync(
            """
            using System;
            using SafeShare;

            namespace CaseManagement;

            /// <summary>A pupil's school record.</summary>
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Education Act 1996")]
            public sealed class [|PupilRecord|]
            {
                public DateTime AdmittedOn { get; set; }

                [PersonalData] public DateOnly? DateOfBirth { get; set; }
            }
            """,
            """
            using System;
            using SafeShare;

            namespace CaseManagement;

            /// <summary>A pupil's school record.</summary>
            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Education Act 1996")]
            [RetainUntil(nameof(DateOfBirth), Years = 25)]
            public sealed class PupilRecord
            {
                public DateTime AdmittedOn { get; set; }

                [PersonalData] public DateOnly? DateOfBirth { get; set; }
            }
            """,
            RetainUntil);

    [Fact]
    public Task ClosedDate_SixYears_PreferredOverFirstDate() =>
        Verify.VerifyCodeFixAsync(
            """
            using System;
            using SafeShare;

            public sealed class [|EarlyHelpCase|]
            {
                public DateTimeOffset OpenedOn { get; set; }
                public DateTimeOffset? ClosedOn { get; set; }
                [PersonalData] public string FamilyName { get; set; } = "";
            }
            """,
            """
            using System;
            using SafeShare;

            [RetainUntil(nameof(ClosedOn), Years = 6)]
            public sealed class EarlyHelpCase
            {
                public DateTimeOffset OpenedOn { get; set; }
                public DateTimeOffset? ClosedOn { get; set; }
                [PersonalData] public string FamilyName { get; set; } = "";
            }
            """,
            RetainUntil);

    [Fact]
    public Task FirstDateMember_SixYears_FieldWithoutUsing() =>
        Verify.VerifyCodeFixAsync(
            """
            namespace CaseManagement;

            public struct [|Contact|]
            {
                [SafeShare.PersonalData] public string Name;
                public System.DateTime ReceivedAt;
                public System.DateTime RepliedAt;
            }
            """,
            """
            using SafeShare;

            namespace CaseManagement;

            [RetainUntil(nameof(ReceivedAt), Years = 6)]
            public struct Contact
            {
                [SafeShare.PersonalData] public string Name;
                public System.DateTime ReceivedAt;
                public System.DateTime RepliedAt;
            }
            """,
            RetainUntil);

    [Fact]
    public Task DateInBaseTypeInSource() =>
        Verify.VerifyCodeFixAsync(
            """
            using System;
            using SafeShare;

            public abstract class Person
            {
                [PersonalData] public string Name { get; set; } = "";
                public DateOnly BirthDate { get; set; }
            }

            public sealed class [|Carer|] : Person
            {
                public DateOnly? ApprovedOn { get; set; }
            }
            """,
            """
            using System;
            using SafeShare;

            public abstract class Person
            {
                [PersonalData] public string Name { get; set; } = "";
                public DateOnly BirthDate { get; set; }
            }

            [RetainUntil(nameof(BirthDate), Years = 25)]
            public sealed class Carer : Person
            {
                public DateOnly? ApprovedOn { get; set; }
            }
            """,
            RetainUntil);

    [Fact]
    public Task PositionalRecord() =>
        Verify.VerifyCodeFixAsync(
            """
            using System;
            using SafeShare;

            public sealed record [|Child|]([PersonalData] string Name, DateOnly DateOfBirth);
            """,
            """
            using System;
            using SafeShare;

            [RetainUntil(nameof(DateOfBirth), Years = 25)]
            public sealed record Child([PersonalData] string Name, DateOnly DateOfBirth);
            """,
            RetainUntil);

    [Fact]
    public Task PartialClass_AnnotatesTheReportedDeclaration() =>
        Verify.VerifyCodeFixAsync(
            new[]
            {
                """
                using SafeShare;

                public partial class [|Placement|]
                {
                    [PersonalData] public string ChildName { get; set; } = "";
                }
                """,
                """
                using System;

                public partial class Placement
                {
                    public DateTime EndDate { get; set; }
                }
                """,
            },
            new[]
            {
                """
                using SafeShare;

                [RetainUntil(nameof(EndDate), Years = 6)]
                public partial class Placement
                {
                    [PersonalData] public string ChildName { get; set; } = "";
                }
                """,
                """
                using System;

                public partial class Placement
                {
                    public DateTime EndDate { get; set; }
                }
                """,
            },
            RetainUntil);

    [Fact]
    public Task NoDateMember_NoFix() =>
        Verify.VerifyNoCodeFixAsync(
            """
            using SafeShare;

            public sealed class [|Referrer|]
            {
                [PersonalData] public string Name { get; set; } = "";
                public string Organisation { get; set; } = "";
            }
            """);

    [Fact]
    public async Task FixedSource_HasNoInvalidAnnotation()
    {
        await AnalyzerVerifier<AnnotationValidityAnalyzer>.VerifyAsync("""
            using System;
            using SafeShare;

            public abstract class Person
            {
                public DateOnly BirthDate { get; set; }
            }

            [RetainUntil(nameof(BirthDate), Years = 25)]
            public sealed class Carer : Person
            {
                [PersonalData] public string Name { get; set; } = "";
            }

            [RetainUntil(nameof(DateOfBirth), Years = 25)]
            public sealed record Child([PersonalData] string Name, DateOnly DateOfBirth);
            """);
    }

    private const string CasesBefore = """
        using System;
        using SafeShare;

        public sealed class [|Child|]
        {
            [PersonalData] public string Name { get; set; } = "";
            public DateOnly DateOfBirth { get; set; }
        }

        public sealed class [|Referrer|]
        {
            [PersonalData] public string Name { get; set; } = "";
        }

        public sealed class [|ChildProtectionPlan|]
        {
            [PersonalData] public string ChildName { get; set; } = "";
            public DateOnly StartedOn { get; set; }
            public DateOnly? EndedOn { get; set; }
        }
        """;

    private const string CasesAfter = """
        using System;
        using SafeShare;

        [RetainUntil(nameof(DateOfBirth), Years = 25)]
        public sealed class Child
        {
            [PersonalData] public string Name { get; set; } = "";
            public DateOnly DateOfBirth { get; set; }
        }

        public sealed class [|Referrer|]
        {
            [PersonalData] public string Name { get; set; } = "";
        }

        [RetainUntil(nameof(EndedOn), Years = 6)]
        public sealed class ChildProtectionPlan
        {
            [PersonalData] public string ChildName { get; set; } = "";
            public DateOnly StartedOn { get; set; }
            public DateOnly? EndedOn { get; set; }
        }
        """;

    private const string VisitBefore = """
        namespace CaseManagement;

        public sealed class [|Visit|]
        {
            [SafeShare.PersonalData] public string ChildName { get; set; } = "";
            public System.DateTime VisitedAt { get; set; }
        }
        """;

    private const string VisitAfter = """
        using SafeShare;

        namespace CaseManagement;

        [RetainUntil(nameof(VisitedAt), Years = 6)]
        public sealed class Visit
        {
            [SafeShare.PersonalData] public string ChildName { get; set; } = "";
            public System.DateTime VisitedAt { get; set; }
        }
        """;

    [Fact]
    public Task FixAll_Document_SkipsTypesWithoutDates() =>
        Verify.VerifyFixAllAsync(new[] { CasesBefore, VisitBefore }, new[] { CasesAfter, VisitBefore }, FixAllScope.Document, RetainUntil);

    [Fact]
    public Task FixAll_Project() =>
        Verify.VerifyFixAllAsync(new[] { CasesBefore, VisitBefore }, new[] { CasesAfter, VisitAfter }, FixAllScope.Project, RetainUntil);

    [Fact]
    public Task FixAll_Solution_TwoProjects() =>
        Verify.VerifyFixAllAsync(
            new[] { new[] { CasesBefore }, new[] { VisitBefore } },
            new[] { new[] { CasesAfter }, new[] { VisitAfter } },
            FixAllScope.Solution,
            RetainUntil);
}
