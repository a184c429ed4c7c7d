using System.Globalization;
using System.Threading.Tasks;
using SafeShare.Analyzers.Classification;
using SafeShare.Testing;
using Verify = SafeShare.Testing.AnalyzerVerifier<SafeShare.Analyzers.Classification.RetentionAnalyzer>;

namespace SafeShare.Analyzers.Tests.Classification;

public class RetentionAnalyzerTests
{
    [Fact]
    public Task Flags_personal_types_without_retention() => Verify.VerifyAsync("""
        using System;
        using SafeShare;
        public class [|Child|]
        {
            [PersonalData] public string? Name { get; set; }
            public DateOnly DateOfBirth { get; set; }
        }

        [PersonalData] public struct [|ContactDetails|] { public string Phone; }

        public record [|Referral|]([SpecialCategory(SpecialCategory.Health)] string Health);

        public abstract class Person { [PersonalData] public string? Name { get; set; } }
        public sealed class [|Carer|] : Person { }
        """);

    [Fact]
    public async Task Message_suggests_a_date_member_as_anchor()
    {
        var compilation = TestCompilation.Create("""
            using System;
            using SafeShare;
            public class Child
            {
                [PersonalData] public string? Name { get; set; }
                public DateTime? DateOfBirth { get; set; }
            }
            """);
        var diagnostic = Assert.Single(await Verify.GetDiagnosticsAsync(compilation, new RetentionAnalyzer()));
        Assert.Equal("'Child' holds personal data with no retention rule; add [RetainUntil(nameof(DateOfBirth), Years = n)]", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public Task Retention_on_type_or_base_type_is_found_and_abstract_static_interfaces_are_skipped() => Verify.VerifyAsync("""
        using System;
        using SafeShare;
        [RetainUntil(nameof(DateOfBirth), Years = 25)]
        public class Child
        {
            [PersonalData] public string? Name { get; set; }
            public DateOnly DateOfBirth { get; set; }
        }

        [RetainUntil(nameof(ClosedOn), Years = 6)]
        public abstract class CaseRecord { public DateTimeOffset ClosedOn { get; set; } }
        public class Visit : CaseRecord { [PersonalData] public string? Notes { get; set; } }

        public abstract class Person { [PersonalData] public string? Name { get; set; } }
        public interface IPerson { [PersonalData] string Name { get; } }
        public static class Names { [PersonalData] public static string? Last; }
        public class Team { public string? Name { get; set; } }
        """);
}
