using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeShare.Analyzers.Generation;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>
/// The generator reads the common case of an inventory entry from syntax (SyntaxInventory) and everything else
/// semantically: what it reads must be what the semantic reader reads, on every source the tests hold and the sample,
/// and it must leave to the semantic reader each case where a name or an argument could mean something else.
/// </summary>
public class SyntaxInventoryTests
{
    [Fact]
    public void Reads_what_the_semantic_reader_reads_on_every_test_source_and_the_sample()
    {
        var root = RepositoryRoot();
        var compared = 0;
        var fromSyntax = 0;
        var sharesBefore = SyntaxInventory.SharesFromSyntaxOnThisThread;
        foreach (var (origin, source) in TestSources(root))
        {
            fromSyntax += Compare(origin, TestCompilation.Create(source));
            compared++;
        }

        var sample = Directory.EnumerateFiles(Path.Combine(root, "samples", "CaseManagement"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => File.ReadAllText(p))
            .ToArray();
        fromSyntax += Compare("samples/CaseManagement", TestCompilation.Create(sample));

        // The comparison means something only if the syntax reader took part: most test types are plain ones.
        Assert.True(compared > 200, $"only {compared} test sources found");
        Assert.True(fromSyntax > 100, $"only {fromSyntax} declarations were read from syntax");
        var shares = SyntaxInventory.SharesFromSyntaxOnThisThread - sharesBefore;
        // Most test shares are the analyzers' (not partial, or broken on purpose); the sample's and the generator's are read.
        Assert.True(shares >= 4, $"only {shares} shares were read from syntax");
    }

    [Theory]
    [InlineData("plain", 1, """
        using System;
        using SafeShare;
        namespace Council.Domain;
        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        [RetainUntil(nameof(Born), Years = 25, ReviewEveryYears = 3)]
        public sealed class Child
        {
            public int Id { get; }
            [PersonalData(Subject = DataSubject.Child)] public string? Name { get; init; }
            [PersonalData] public DateOnly? Born { get; init; }
            [SpecialCategory(SpecialCategory.Health, Subject = DataSubject.Child)]
            [Article9Condition(Article9Condition.HealthOrSocialCare, Schedule1 = Schedule1Condition.HealthOrSocialCarePurposes, BasisInLaw = "DPA 2018")]
            public string? Needs { get; init; }
            [CriminalOffenceData(Subject = DataSubject.ParentOrCarer)] public string? Police, Probation;
            [PersonalData] public static string? Shared;
            [PersonalData] public const string Label = "x";
        }
        """)]
    [InlineData("a struct and a record", 2, """
        using SafeShare;
        public struct Contact { [PersonalData] public string Phone; }
        public record Note { [SpecialCategory(SpecialCategory.Health)] [SpecialCategory(SpecialCategory.Health)] public string? Text { get; init; } }
        """)]
    [InlineData("a retention anchor that is not a date", 1, """
        using SafeShare;
        [RetainUntil("Name", Years = 5)]
        public class Child { [PersonalData] public string? Name { get; init; } }
        """)]
    [InlineData("a type-level marker only, and the assembly's basis", 1, """
        using SafeShare;
        [assembly: LawfulBasis(LawfulBasis.LegalObligation, Gateway = "Children Act 2004 s11")]
        [assembly: Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
        [PersonalData(Subject = DataSubject.FamilyMember)]
        public class Household { public int Size { get; } }
        """)]
    [InlineData("the assembly's basis written through a global alias in another file", 1, """
        using SafeShare;
        public class Household { [PersonalData] public string? Name { get; init; } }
        """, "global using Basis = SafeShare.LawfulBasisAttribute;\n[assembly: Basis(SafeShare.LawfulBasis.PublicTask, Gateway = \"Children Act 1989 s17\")]")]
    [InlineData("a global using in another file imports SafeShare", 1, """
        namespace Council { public class Child { [PersonalData] public string? Name { get; init; } } }
        """, "global using SafeShare;")]
    [InlineData("a using alias in the file", 0, """
        using SafeShare;
        using PD = SafeShare.PersonalDataAttribute;
        public class Child { [PD] public string? Name { get; init; } }
        """)]
    [InlineData("a global alias named like a marker", 0, """
        using SafeShare;
        public class Child { [PersonalData] public string? Name { get; init; } }
        """, "global using PersonalData = SafeShare.SpecialCategoryAttribute;")]
    [InlineData("a top-level statement's local named like the enum, in another file (fuzz seed 11122)", 0, """
        using SafeShare;
        [LawfulBasis(LawfulBasis.LegalObligation, Gateway = "Education Act 1996")]
        public class Pupil { [PersonalData] public string? Name { get; init; } }
        """, "var LawfulBasis = 1;\nSystem.Console.WriteLine(LawfulBasis);")]
    [InlineData("a top-level local function named like a marker, in the same file", 0, """
        using SafeShare;
        System.Console.WriteLine(PersonalData());
        static int PersonalData() => 1;
        public class Child { [PersonalData] public string? Name { get; init; } }
        """)]
    [InlineData("a top-level statement declaring other names", 1, """
        using SafeShare;
        public class Child { [PersonalData] public string? Name { get; init; } }
        """, "var count = 1;\nforeach (var item in new[] { count }) { System.Console.WriteLine(item); }")]
    [InlineData("a global using static", 0, """
        using SafeShare;
        public class Child { [PersonalData(Subject = DataSubject.Child)] public string? Name { get; init; } }
        """, "global using static Council.Names;\nnamespace Council { public static class Names { public static int DataSubject => 1; } }")]
    [InlineData("a type in the source named like a marker", 0, """
        using SafeShare;
        namespace Council { public class PersonalData : System.Attribute { } }
        namespace Council.Domain { public class Child { [PersonalData] public string? Name { get; init; } } }
        """)]
    [InlineData("a namespace in the source named SafeShare", 0, """
        using SafeShare;
        namespace SafeShare.Extensions { public class Child { [PersonalData] public string? Name { get; init; } } }
        """)]
    [InlineData("a member named like the enum (Color Color)", 0, """
        using SafeShare;
        public class Child
        {
            public static DataSubject DataSubject => DataSubject.Child;
            [PersonalData(Subject = DataSubject.ParentOrCarer)] public string? Name { get; init; }
        }
        """)]
    [InlineData("an attribute target", 0, """
        using SafeShare;
        public class Child { [field: PersonalData] public string? Name { get; init; } [PersonalData] public string? Other { get; init; } }
        """)]
    [InlineData("an argument that is not a literal or Enum.Member", 0, """
        using SafeShare;
        public class Child { [PersonalData(Subject = (DataSubject)1)] public string? Name { get; init; } }
        """)]
    [InlineData("a constant argument", 0, """
        using SafeShare;
        public class Child { private const string Act = "CA 1989"; [PersonalData] [LawfulBasis(LawfulBasis.PublicTask, Gateway = Act)] public string? Name { get; init; } }
        """)]
    [InlineData("a qualified marker without the import", 0, """
        public class Child { [SafeShare.PersonalData] public string? Name { get; init; } }
        """)]
    [InlineData("a marker without the import does not bind", 0, """
        public class Child { [PersonalData] public string? Name { get; init; } }
        """)]
    [InlineData("a partial type in one declaration, with its retention model", 1, """
        using System;
        using SafeShare;
        [LawfulBasis(LawfulBasis.PublicTask)]
        [RetainUntil(nameof(Born), Years = 25)]
        public partial class Child { [PersonalData] public DateOnly? Born { get; init; } [PersonalData] public string? Name { get; init; } }
        """)]
    [InlineData("a partial type with a retention model and no inventory entry", 1, """
        using System;
        using SafeShare;
        namespace Council.Visits;
        [RetainUntil(nameof(Visited), Years = 3, Months = 6)]
        public partial record struct Visit { public DateTime Visited { get; init; } [PersonalData] public void Record() { } }
        """)]
    [InlineData("a share's payload, its fields named by the share", 1, """
        using SafeShare;
        namespace Council.Sharing;
        public sealed class Payload
        {
            [PersonalData] public string? Name { get; init; }
            [SpecialCategory(SpecialCategory.Health)] public string? Needs { get; init; }
            [CriminalOffenceData] public string? Police { get; init; }
            public string? Reference { get; init; }
        }
        public partial class Referrals
        {
            private readonly IDecisionLog _log = new InMemoryDecisionLog();
            [Share("Police", "Strategy discussion", Fields = new[] { "Name", "Needs" })]
            [LawfulBasis(LawfulBasis.PublicTask)]
            public partial DecisionRecord Refer(Payload payload, DecisionDetails details);
            [Share("Health", "Assessment")]
            [LawfulBasis(LawfulBasis.PublicTask)]
            [Article9Condition(Article9Condition.HealthOrSocialCare)]
            public partial DecisionRecord Assess(Payload payload, DecisionDetails details);
        }
        """)]
    [InlineData("positional records: attributes for the property, for the parameter, and both", 2, """
        using System;
        using SafeShare;
        namespace Council.Domain;
        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        [RetainUntil(nameof(DateOfBirth), Years = 25)]
        public sealed record Participant(
            int Case,
            [property: PersonalData(Subject = DataSubject.Child)] string FullName,
            [PersonalData(Subject = DataSubject.ParentOrCarer)] DateOnly? DateOfBirth,
            [property: SpecialCategory(SpecialCategory.Health)] [SpecialCategory(SpecialCategory.RacialOrEthnicOrigin)] [param: SpecialCategory(SpecialCategory.Health)] string? Needs,
            [property: PersonalData] [LawfulBasis(LawfulBasis.LegalObligation)] [field: CriminalOffenceData] string? Contact)
        {
            public string Role { get; init; } = "";
            [PersonalData] public string? Notes { get; init; }
        }
        public record struct Visit([param: CriminalOffenceData] [Article9Condition(Article9Condition.SubstantialPublicInterest)] string? Police);
        """)]
    [InlineData("a positional record with a member of a parameter's name, or a class with a primary constructor", 0, """
        using SafeShare;
        public record Child([property: PersonalData] string Name) { public string Name { get; init; } = Name; }
        public class Carer([PersonalData] string name) { [PersonalData] public string Name { get; } = name; }
        """)]
    [InlineData("a partial type in two declarations", 0, """
        using SafeShare;
        public partial class Child { [PersonalData] public string? Name { get; init; } }
        public partial class Child { [SpecialCategory(SpecialCategory.Health)] public string? Needs { get; init; } }
        """)]
    [InlineData("only the plain base class, not a derived, nested or generic type", 1, """
        using SafeShare;
        public class Person { [PersonalData] public string? Name { get; init; } }
        public class Child : Person { [PersonalData] public string? School { get; init; } }
        public class Outer { public class Inner { [PersonalData] public string? Name { get; init; } } }
        public class Box<T> { [PersonalData] public T? Value { get; init; } }
        """)]
    [InlineData("a type declared twice (an error) is one type with the members of both", 0, """
        using SafeShare;
        public class Carer { [PersonalData] public string? Name { get; init; } }
        """, "using SafeShare;\npublic class Carer { [SpecialCategory(SpecialCategory.Health)] public string? Needs { get; init; } }")]
    [InlineData("a type or namespace named like a contextual keyword is displayed escaped", 0, """
        using SafeShare;
        namespace Council.async { public class record { [PersonalData] public string? Name { get; init; } } }
        """)]
    [InlineData("a marker without its constructor argument, or with a wrong named argument", 0, """
        using SafeShare;
        public class Child { [SpecialCategory] public string? Needs { get; init; } [PersonalData(Subject = DataSubject.Nobody)] public string? Name { get; init; } }
        """)]
    [InlineData("SafeShare's other attributes on a member", 0, """
        using SafeShare;
        public class Child { [PersonalData] [Share("Police", "Referral")] public string? Name { get; init; } }
        """)]
    [InlineData("other libraries' attributes are ignored", 1, """
        using System;
        using System.ComponentModel.DataAnnotations;
        using SafeShare;
        [Serializable]
        public class Child { [Required, PersonalData] [Obsolete("old")] public string? Name { get; init; } }
        """)]
    public void Reads_from_syntax_only_what_it_can_and_agrees_with_the_semantic_reader(string what, int readFromSyntax, string source, string? other = null)
    {
        var sources = other is null ? new[] { source } : new[] { source, other };
        var compilation = TestCompilation.Create(sources);

        Assert.True(readFromSyntax == Compare(what, compilation), $"{what}: read from syntax");
    }

    [Theory]
    [InlineData("DateOnly? imported by the file", 0, """
        using System;
        using SafeShare;
        namespace Council.Domain;
        [RetainUntil(nameof(Born), Years = 25)]
        public sealed partial class Child { [PersonalData] public DateOnly? Born { get; init; } }
        """)]
    [InlineData("DateTime imported by a global using in another file, in a positional record", 0, """
        using SafeShare;
        namespace Council.Domain
        {
            [RetainUntil(nameof(Opened), Months = 18)]
            public partial record Referral([property: PersonalData] string Name, DateTime Opened);
        }
        """, "global using global::System;")]
    [InlineData("DateTimeOffset imported inside a block namespace", 0, """
        namespace Council.Domain
        {
            using System;
            using SafeShare;
            [RetainUntil("Closed", Years = 6)]
            public partial struct Case { [PersonalData] public string Name; public DateTimeOffset Closed; }
        }
        """)]
    [InlineData("a type in namespace System.* sees System without a using", 0, """
        using SafeShare;
        namespace System.Records;
        [RetainUntil(nameof(Born), Years = 25)]
        public partial class Child { [PersonalData] public DateOnly Born { get; init; } }
        """)]
    [InlineData("a keyword type is never a date", 0, """
        using SafeShare;
        [RetainUntil("Years", Years = 1)]
        public partial class Child { [PersonalData] public int Years { get; init; } [PersonalData] public string? Name { get; init; } }
        """)]
    [InlineData("System not imported: the name does not bind", 1, """
        using SafeShare;
        [RetainUntil(nameof(Born), Years = 25)]
        public partial class Child { [PersonalData] public DateOnly Born { get; init; } }
        """)]
    [InlineData("a qualified name", 1, """
        using SafeShare;
        [RetainUntil(nameof(Born), Years = 25)]
        public partial class Child { [PersonalData] public System.DateOnly Born { get; init; } }
        """)]
    [InlineData("a type of that name in the source, imported", 1, """
        using System;
        using SafeShare;
        using Council.Calendar;
        [RetainUntil(nameof(Born), Years = 25)]
        public partial class Child { [PersonalData] public DateOnly Born { get; init; } }
        """, "namespace Council.Calendar { public struct DateOnly { } }")]
    [InlineData("a type of that name in the source, not imported, still leaves it to the binder", 1, """
        using System;
        using SafeShare;
        [RetainUntil(nameof(Born), Years = 25)]
        public partial class Child { [PersonalData] public DateTime Born { get; init; } }
        """, "namespace Council.Elsewhere { public class DateTime { } }")]
    [InlineData("a member named like the type (Color Color)", 1, """
        using System;
        using SafeShare;
        [RetainUntil(nameof(DateTime), Years = 25)]
        public partial class Child { [PersonalData] public DateTime DateTime { get; init; } }
        """)]
    [InlineData("another date type is bound", 1, """
        using System;
        using SafeShare;
        [RetainUntil(nameof(Born), Years = 25)]
        public partial class Child { [PersonalData] public Day Born { get; init; } }
        public struct Day { }
        """)]
    public void Reads_a_retention_anchors_type_from_syntax_only_when_the_name_can_only_mean_Systems(string what, int bound, string source, string? other = null)
    {
        var sources = other is null ? new[] { source } : new[] { source, other };
        var compilation = TestCompilation.Create(sources);

        var before = SyntaxInventory.AnchorsBoundOnThisThread;
        Assert.True(Compare(what, compilation) == 1, $"{what}: the type was not read from syntax");
        Assert.True(bound == SyntaxInventory.AnchorsBoundOnThisThread - before, $"{what}: anchors bound");
    }

    private const string Payload = """
        using System;
        using SafeShare;
        namespace Council.Referrals;
        [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 2004 s11")]
        public sealed class Summary
        {
            [PersonalData(Subject = DataSubject.Child)] public string? Name { get; init; }
            [SpecialCategory(SpecialCategory.Health)] public string? Health { get; init; }
            public string? Reference { get; init; }
        }
        """;

    [Theory]
    [InlineData("a log field, a primary constructor, the type's basis", 1, """
        using SafeShare;
        namespace Council.Referrals;
        [LawfulBasis(LawfulBasis.LegalObligation, Gateway = "Children Act 1989 s47")]
        public sealed partial class Police(IDecisionLog log)
        {
            private readonly IDecisionLog _log = log;
            [Share("Police", "Section 47 enquiry")]
            [Article9Condition(Article9Condition.SubstantialPublicInterest, Schedule1 = Schedule1Condition.SafeguardingOfChildrenAndIndividualsAtRisk)]
            public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
        }
        """)]
    [InlineData("a static share with a log parameter, payload imported from another namespace", 1, """
        using SafeShare;
        using Council.Referrals;
        namespace Council.Schools
        {
            internal static partial class Nurse
            {
                [Share("School nurse", "Health plan")]
                internal static partial DecisionRecord Tell(IDecisionLog log, Summary payload, DecisionDetails details);
            }
        }
        """)]
    [InlineData("a static log property and members before it", 1, """
        using SafeShare;
        namespace Council.Referrals;
        public partial struct Health
        {
            public int Count;
            private string Name => "x";
            private static IDecisionLog Log { get; } = null!;
            [Share("GP", "Care")]
            private static partial DecisionRecord Send(Summary payload, DecisionDetails details);
        }
        """)]
    [InlineData("a member before the log whose type syntax cannot tell", 0, """
        using SafeShare;
        namespace Council.Referrals;
        public partial class Police(IDecisionLog log)
        {
            private readonly System.Net.Http.HttpClient _http = new();
            private readonly IDecisionLog _log = log;
            [Share("Police", "Enquiry")]
            public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
        }
        """)]
    [InlineData("no log: the semantic reader reports it", 0, """
        using SafeShare;
        namespace Council.Referrals;
        public partial class Police
        {
            [Share("Police", "Enquiry")]
            public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
        }
        """)]
    [InlineData("named fields, in each array form", 3, """
        using SafeShare;
        namespace Council.Referrals;
        public partial class Police(IDecisionLog log)
        {
            private IDecisionLog Log => log;
            [Share("Police", "Enquiry", Fields = new[] { "Name" })]
            public partial DecisionRecord A(Summary payload, DecisionDetails details);
            [Share("Police", "Enquiry", Fields = new string[] { nameof(Summary.Health), "Reference" })]
            public partial DecisionRecord B(Summary payload, DecisionDetails details);
            [Share("Police", "Enquiry", Fields = [nameof(Summary.Name), nameof(Summary.Health)])]
            public partial DecisionRecord C(Summary payload, DecisionDetails details);
        }
        """)]
    [InlineData("named fields the reader cannot tell: a constant, a nameof it cannot check, a parameter named like the payload, none", 0, """
        using SafeShare;
        namespace Council.Referrals;
        public partial class Police(IDecisionLog log)
        {
            private const string Name = "Name";
            private IDecisionLog Log => log;
            [Share("Police", "Enquiry", Fields = new[] { Name })]
            public partial DecisionRecord A(Summary payload, DecisionDetails details);
            [Share("Police", "Enquiry", Fields = new[] { nameof(Summary.Missing) })]
            public partial DecisionRecord B(Summary payload, DecisionDetails details);
            [Share("Police", "Enquiry", Fields = new[] { nameof(Summary.Name) })]
            public partial DecisionRecord C(Summary Summary, DecisionDetails details);
            [Share("Police", "Enquiry", Fields = new string[0])]
            public partial DecisionRecord D(Summary payload, DecisionDetails details);
            [Share("Police", "Enquiry", Fields = null)]
            public partial DecisionRecord E(Summary payload, DecisionDetails details);
        }
        """)]
    [InlineData("a payload type not imported", 0, """
        using SafeShare;
        namespace Council.Schools;
        public partial class Police(IDecisionLog log)
        {
            private IDecisionLog Log => log;
            [Share("Police", "Enquiry")]
            public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
        }
        """)]
    [InlineData("a payload name that is also a member's", 0, """
        using SafeShare;
        namespace Council.Referrals;
        public partial class Police(IDecisionLog log)
        {
            private IDecisionLog Log => log;
            public int Summary;
            [Share("Police", "Enquiry")]
            public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
        }
        """)]
    [InlineData("a payload name also declared in a namespace not imported", 1, """
        using SafeShare;
        namespace Council.Referrals
        {
            public partial class Police(IDecisionLog log)
            {
                private IDecisionLog Log => log;
                [Share("Police", "Enquiry")]
                public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
            }
        }
        namespace Council.Other { public class Summary { } }
        """)]
    [InlineData("a payload name also declared in an imported namespace, or generic there", 0, """
        using SafeShare;
        using Council.Other;
        namespace Council.Referrals
        {
            public partial class Police(IDecisionLog log)
            {
                private IDecisionLog Log => log;
                [Share("Police", "Enquiry")]
                public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
            }
        }
        namespace Council.Other { public class Summary<T> { } }
        """)]
    [InlineData("not partial, a wrong return type, two details: diagnostics are the semantic reader's", 0, """
        using SafeShare;
        namespace Council.Referrals;
        public partial class Police(IDecisionLog log)
        {
            private IDecisionLog Log => log;
            [Share("Police", "Enquiry")] public DecisionRecord A(Summary payload, DecisionDetails details) => throw null!;
            [Share("Police", "Enquiry")] public partial string B(Summary payload, DecisionDetails details);
            [Share("Police", "Enquiry")] public partial DecisionRecord C(Summary payload, DecisionDetails details, DecisionDetails again);
        }
        """)]
    [InlineData("a payload with no personal data", 0, """
        using SafeShare;
        namespace Council.Referrals;
        public partial class Police(IDecisionLog log)
        {
            private IDecisionLog Log => log;
            [Share("Police", "Enquiry")]
            public partial DecisionRecord Refer(Empty payload, DecisionDetails details);
        }
        public class Empty { public int Id { get; init; } }
        """)]
    [InlineData("a nested owner, an alias, or a targeted attribute", 0, """
        using SafeShare;
        using Log = SafeShare.IDecisionLog;
        namespace Council.Referrals;
        public partial class Outer
        {
            public partial class Police(Log log)
            {
                private Log L => log;
                [Share("Police", "Enquiry")]
                public partial DecisionRecord Refer(Summary payload, DecisionDetails details);
            }
        }
        """)]
    public void Reads_a_share_from_syntax_only_when_it_can_and_agrees_with_the_semantic_reader(string what, int fromSyntax, string source)
    {
        var compilation = TestCompilation.Create(source, Payload);

        var before = SyntaxInventory.SharesFromSyntaxOnThisThread;
        Compare(what, compilation);
        Assert.True(fromSyntax == SyntaxInventory.SharesFromSyntaxOnThisThread - before, $"{what}: shares read from syntax");
        var model = new IncrementalAnalysis().Analyze(compilation, default);
        Assert.NotEmpty(model.Shares);
    }

    [Fact]
    public void Leaves_projects_with_AspNetCore_Identity_markers_to_the_binder()
    {
        var identity = CSharpCompilation.Create(
            "Microsoft.Extensions.Identity.Stores",
            new[] { CSharpSyntaxTree.ParseText("namespace Microsoft.AspNetCore.Identity { public class PersonalDataAttribute : System.Attribute { } public class ProtectedPersonalDataAttribute : PersonalDataAttribute { } }") },
            TestCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(identity.Emit(image).Success);
        var compilation = TestCompilation.Create(
            new[] { "using SafeShare;\npublic class Child { [SpecialCategory(SpecialCategory.Health)] public string? Needs { get; init; } }" },
            TestCompilation.References.Add(MetadataReference.CreateFromImage(image.ToArray())));

        Assert.Equal(0, Compare("identity referenced", compilation));
    }

    /// <summary>Asserts both readers give the same model; returns how many declarations were read from syntax.</summary>
    private static int Compare(string origin, Compilation compilation)
    {
        var semantic = new IncrementalAnalysis(syntaxReader: false).Analyze(compilation, default);
        var before = SyntaxInventory.ReadFromSyntaxOnThisThread;
        var fromSyntax = new IncrementalAnalysis().Analyze(compilation, default);
        var read = SyntaxInventory.ReadFromSyntaxOnThisThread - before;
        if (!fromSyntax.Equals(semantic))
        {
            Assert.Fail($"{origin}: the syntax reader differs from the semantic one\n--- semantic\n{Describe(semantic)}\n--- with the syntax reader\n{Describe(fromSyntax)}");
        }

        return read;
    }

    private static string Describe(AnalysisModel model) =>
        string.Join("\n", model.Types.Select(t => t.ToString()).Concat(model.Shares.Select(s => s.ToString())));

    private static IEnumerable<(string Origin, string Source)> TestSources(string root)
    {
        var files = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*Tests.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .OrderBy(p => p, StringComparer.Ordinal);
        foreach (var path in files)
        {
            var index = 0;
            foreach (var token in CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot().DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                {
                    string source;
                    try
                    {
                        source = Markup.Parse(token.ValueText).Source;
                    }
                    catch (FormatException)
                    {
                        source = token.ValueText;
                    }

                    yield return ($"{Path.GetRelativePath(root, path)}#{index++}", source);
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
