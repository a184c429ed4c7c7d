using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeShare.Analyzers.Sharing;
using SafeShare.CodeFixes.Sharing;
using SafeShare.Testing;
using Verify = SafeShare.Testing.CodeFixVerifier<SafeShare.Analyzers.Sharing.PersonalDataLoggedAnalyzer, SafeShare.CodeFixes.Sharing.LogIdentifierCodeFixProvider>;

namespace SafeShare.CodeFixes.Tests.Sharing;

public class LogIdentifierCodeFixProviderTests
{
    private const string Model = """
        using System;
        using System.Diagnostics;
        using SafeShare;

        public class Child
        {
            [PersonalData(Subject = DataSubject.Child)] public string Name { get; set; } = "";
            public int Id { get; set; }
            public string CaseReference { get; set; } = "";
        }

        public class Carer
        {
            [PersonalData] public string Name { get; set; } = "";
            public int Id { get; set; }
        }

        public class Sibling
        {
            [PersonalData] public string Name { get; set; } = "";
        }

        """;

    [Fact]
    public Task A_template_value_becomes_the_case_reference_or_the_id() => Verify.VerifyCodeFixAsync(
        Model + """
        public class Meetings
        {
            public void Arrange(Child child, Carer carer, Activity activity)
            {
                Trace.TraceInformation("Meeting for {0} with {1}", [|child|], [|carer.Name|]);
                Console.Write("Child {0}", [|child.Name|]);
                activity.SetTag("child", [|child|]);
            }
        }
        """,
        Model + """
        public class Meetings
        {
            public void Arrange(Child child, Carer carer, Activity activity)
            {
                Trace.TraceInformation("Meeting for {0} with {1}", child.CaseReference, carer.Id);
                Console.Write("Child {0}", child.CaseReference);
                activity.SetTag("child", child.CaseReference);
            }
        }
        """,
        LogIdentifierCodeFixProvider.Key);

    [Fact]
    public Task Fix_all_in_document() => Verify.VerifyFixAllAsync(
        new[]
        {
            Model + """
            public class Meetings
            {
                public void Arrange(Child child, Carer carer) => Trace.TraceInformation("Meeting for {0} with {1}", [|child|], [|carer.Name|]);
            }
            """,
        },
        new[]
        {
            Model + """
            public class Meetings
            {
                public void Arrange(Child child, Carer carer) => Trace.TraceInformation("Meeting for {0} with {1}", child.CaseReference, carer.Id);
            }
            """,
        },
        FixAllScope.Document,
        LogIdentifierCodeFixProvider.Key);

    [Fact]
    public Task Nothing_is_offered_for_a_message_or_a_type_without_an_identifier() => Verify.VerifyNoCodeFixAsync(
        Model + """
        public class Meetings
        {
            public void Arrange(Child child, Sibling sibling)
            {
                Console.WriteLine([|child.Name|]);
                Trace.TraceInformation([|$"Meeting for {child.Name}"|]);
                Trace.TraceInformation("Sibling {0}", [|sibling|]);
                Trace.TraceInformation("Child {0}", [|child.Name.ToUpperInvariant()|]);
            }
        }
        """);
}
