using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using SafeShare.Analyzers.Classification;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Classification.LawfulBasisAnalyzer>;

namespace SafeShare.Analyzers.Tests.Classification;

public class LawfulBasisAnalyzerTests
{
    [Fact]
    public Task Flags_type_with_personal_members_and_no_basis() => Verify.VerifyAsync("""
        using System;
        using SafeShare;
        public class [|Child|]
        {
            [PersonalData(Subject = DataSubject.Child)] public string? Name { get; set; }
            [PersonalData] public DateOnly DateOfBirth { get; set; }
            public int Id { get; set; }
        }

        [PersonalData]
        public class [|ParentOrCarer|] { }

        public record [|Referral|]([PersonalData] string ChildName, string Reason);
        """);

    [Fact]
    public async Task Message_names_type_members_and_what_to_add()
    {
        var compilation = TestCompilation.Create("""
            using SafeShare;
            public class Child
            {
                [PersonalData] public string? Name { get; set; }
                [SpecialCategory(SpecialCategory.Health)] public string? Health { get; set; }
            }
            """);
        var diagnostic = Assert.Single(await Verify.GetDiagnosticsAsync(compilation, new LawfulBasisAnalyzer()));
        Assert.Equal(
            "'Child' is personal data with no lawful basis (Article 6); add [LawfulBasis(...)] to the type 'Child' (members: Name, Health), those members or the assembly",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task Basis_on_members_type_base_or_enclosing_type_is_found() => Verify.VerifyAsync("""
        using SafeShare;
        public class AllMembersCovered
        {
            [PersonalData, LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")] public string? Name { get; set; }
        }

        [LawfulBasis(LawfulBasis.LegalObligation, Gateway = "Education Act 1996 s434")]
        public class OnType
        {
            [PersonalData] public string? Name { get; set; }
        }

        [LawfulBasis(LawfulBasis.PublicTask)]
        public abstract class CaseRecord { }

        public class Visit : CaseRecord
        {
            [PersonalData] public string? ChildName { get; set; }
        }

        [LawfulBasis(LawfulBasis.PublicTask)]
        public class CaseFile
        {
            public class Note { [PersonalData] public string? Text { get; set; } }
        }
        """);

    [Fact]
    public Task Assembly_level_basis_covers_everything() => Verify.VerifyAsync("""
        using SafeShare;
        [assembly: LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s17")]
        public class Child { [PersonalData] public string? Name { get; set; } }
        [PersonalData] public class Carer { }
        public class Service { public void Refer([PersonalData] string name) { } }
        """);

    [Fact]
    public Task Some_members_covered_names_only_the_rest() => Verify.VerifyAsync("""
        using SafeShare;
        public class [|Contact|]
        {
            [PersonalData, LawfulBasis(LawfulBasis.PublicTask)] public string? Name { get; set; }
            [PersonalData] public string? Phone { get; set; }
        }
        """);

    [Fact]
    public Task Personal_parameters_resolve_through_method_then_type() => Verify.VerifyAsync("""
        using SafeShare;
        public class ReferralService
        {
            public void Refer([PersonalData] string [|childName|]) { }

            [LawfulBasis(LawfulBasis.PublicTask, Gateway = "Children Act 1989 s47")]
            public void Escalate([PersonalData] string childName) { }

            public void Log(string message) { }
        }
        """);

    [Fact]
    public Task Identity_markers_count_as_personal_data() => Verify.VerifyAsync("""
        namespace Microsoft.AspNetCore.Identity
        {
            [System.AttributeUsage(System.AttributeTargets.Property)] public class PersonalDataAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Property)] public class ProtectedPersonalDataAttribute : System.Attribute { }
        }
        public class [|ApplicationUser|]
        {
            [Microsoft.AspNetCore.Identity.PersonalData] public string? Email { get; set; }
            [Microsoft.AspNetCore.Identity.ProtectedPersonalData] public string? Phone { get; set; }
        }
        public class NotPersonal { public string? Email { get; set; } }
        """);

    [Fact]
    public Task Types_without_personal_data_are_not_flagged() => Verify.VerifyAsync("""
        using SafeShare;
        public class Team { public string? Name { get; set; } }
        public enum Outcome { Shared, NotShared }
        public interface IRepository { void Save(string id); }
        """);

    [Fact]
    public Task Generic_and_partial_types_are_reported_once() => Verify.VerifyAsync(new[]
    {
        """
        using SafeShare;
        public partial class [|Assessment|]
        {
            [PersonalData] public string? Summary { get; set; }
        }
        public class [|Tagged|]<T> { [PersonalData] public T? Value { get; set; } }
        """,
        """
        public partial class Assessment
        {
            [SafeShare.PersonalData] public string? Worker { get; set; }
        }
        """,
    });

    [Fact]
    public async Task Broken_code_never_throws()
    {
        var compilation = TestCompilation.Create("""
            using SafeShare;
            [LawfulBasis(]
            public class A { [PersonalData(Subject = "child")] public string? Name { get; set; } }
            public class B : Missing { [PersonalData] public Missing? X; }
            public record C([PersonalData] string
            """);
        var diagnostics = await Verify.GetDiagnosticsAsync(compilation, new LawfulBasisAnalyzer(), "CS1026", "CS1001", "CS1514", "CS1513", "CS7036", "CS0029", "CS0246");
        Assert.All(diagnostics, d => Assert.Equal("SAFE003", d.Id));
        Assert.Contains(diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("'B'", System.StringComparison.Ordinal));
    }
}
