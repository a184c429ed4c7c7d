using System.Linq;
using Microsoft.CodeAnalysis;
using SafeShare.Analyzers.Generation;

namespace SafeShare.Analyzers.Tests.Generation;

/// <summary>
/// Which type declarations the inventory describes: those carrying a personal-data marker however it is written
/// (aliases included), positional records, and derived classes with attributes of their own.
/// </summary>
public class InventoryMarkerTests
{
    private const string Marked = """
        using SafeShare;
        namespace Council.Domain
        {
            public sealed class Carer { [PersonalData] public string? Name { get; set; } }
            public sealed class Visit { [SafeShare.SpecialCategoryAttribute(SpecialCategory.Health)] public string? Notes { get; set; } }
            public sealed record Offender([property: global::SafeShare.CriminalOffenceData] string Offence);
        }
        """;

    private const string Unrelated = """
        using System;
        using System.ComponentModel;
        namespace Council.Reporting
        {
            [Serializable]
            public sealed class Totals
            {
                [Obsolete("use Count")] public int Total { get; set; }
                [DefaultValue(3)] public int PageSize { get; set; }
            }

            public sealed record Row([property: Description("the name")] string Name);
        }
        """;

    [Fact]
    public void Types_with_only_other_attributes_are_not_described()
    {
        var (driver, _, _) = GeneratorHost.Run(Marked, Unrelated);
        var result = driver.GetRunResult().Results.Single();
        var described = result.TrackedSteps[SafeShareGeneratorSteps.DescribedTypes].SelectMany(s => s.Outputs).Select(o => o.Value).Where(v => v is not null).ToList();
        Assert.Equal(3, described.Count);
        Assert.Equal(
            new[] { "Council.Domain.Carer", "Council.Domain.Offender", "Council.Domain.Visit" },
            described.Cast<InventoryType>().Select(t => t.FullName).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.Equal(new[] { "Council.Domain.Carer", "Council.Domain.Offender", "Council.Domain.Visit" }, InventoryNames(driver));
    }

    [Fact]
    public void A_marker_written_through_a_local_alias_is_found()
    {
        const string aliased = """
            using PD = SafeShare.PersonalDataAttribute;
            namespace Council.Domain
            {
                public sealed class Guardian { [PD] public string? Name { get; set; } }
            }
            """;
        var (driver, _, _) = GeneratorHost.Run(aliased, Unrelated);
        Assert.Equal(new[] { "Council.Domain.Guardian" }, InventoryNames(driver));
    }

    [Fact]
    public void A_marker_written_through_a_local_alias_in_a_namespace_is_found()
    {
        const string aliased = """
            namespace Council.Domain
            {
                using Sensitive = SafeShare.SpecialCategoryAttribute;
                public sealed record Patient([property: Sensitive(SafeShare.SpecialCategory.Health)] string Diagnosis);
            }
            """;
        var (driver, _, _) = GeneratorHost.Run(aliased);
        Assert.Equal(new[] { "Council.Domain.Patient" }, InventoryNames(driver));
    }

    [Fact]
    public void A_marker_written_through_a_global_alias_declared_in_another_file_is_found()
    {
        const string aliases = """
            global using Personal = SafeShare.PersonalDataAttribute;
            global using CriminalAttribute = SafeShare.CriminalOffenceDataAttribute;
            """;
        const string aliased = """
            namespace Council.Domain
            {
                public sealed class Guardian { [Personal] public string? Name { get; set; } }
                public sealed class Conviction { [Criminal] public string? Offence { get; set; } }
                public sealed class Meeting { [System.Obsolete] public string? Room { get; set; } }
            }
            """;
        var (driver, _, diagnostics) = GeneratorHost.Run(aliases, aliased, Unrelated);
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "Council.Domain.Conviction", "Council.Domain.Guardian" }, InventoryNames(driver));
    }

    [Fact]
    public void A_derived_type_with_other_attributes_keeps_its_inherited_entry()
    {
        const string derived = """
            using SafeShare;
            namespace Council.Domain
            {
                public class Person { [PersonalData] public string? Name { get; set; } }
                [System.Serializable] public sealed class Carer : Person { public int Visits { get; set; } }
                public sealed class Volunteer : Person { }
            }
            """;
        var (driver, _, _) = GeneratorHost.Run(derived);
        // As before: a derived type with an attribute of its own is described and lists what it inherits.
        Assert.Equal(new[] { "Council.Domain.Carer", "Council.Domain.Person" }, InventoryNames(driver));
    }

    [Fact]
    public void Each_type_declaration_is_described_once_whichever_markers_it_carries()
    {
        const string mixed = """
            using SafeShare;
            using PD = SafeShare.PersonalDataAttribute;
            namespace Council.Domain
            {
                [PersonalData]
                public class Person
                {
                    [SpecialCategory(SpecialCategory.Health)] public string? Diagnosis { get; set; }
                    [PD] public string? Name { get; set; }
                }

                [System.Serializable]
                public sealed class Carer : Person
                {
                    public Carer([PersonalData] string address) => Address = address;
                    public string Address { get; }
                    [CriminalOffenceData] public string? Caution;
                    [PersonalData, SpecialCategory(SpecialCategory.Religion)] public string? Faith { get; set; }
                }

                public sealed record Referral([property: PersonalData] string Child, [PersonalData] string Referrer)
                {
                    [SpecialCategory(SpecialCategory.Health)] public string? Concern { get; init; }
                }

                public sealed record Note([property: PersonalData] string Text);
            }
            """;
        var (driver, _, _) = GeneratorHost.Run(mixed);
        var described = driver.GetRunResult().Results.Single().TrackedSteps[SafeShareGeneratorSteps.DescribedTypes]
            .SelectMany(s => s.Outputs).Select(o => o.Value).OfType<InventoryType>().Select(t => t.FullName).OrderBy(n => n, System.StringComparer.Ordinal);
        // Several marker inputs find each of these declarations; one of them describes it.
        Assert.Equal(new[] { "Council.Domain.Carer", "Council.Domain.Note", "Council.Domain.Person", "Council.Domain.Referral" }, described);
        Assert.Equal(new[] { "Council.Domain.Carer", "Council.Domain.Note", "Council.Domain.Person", "Council.Domain.Referral" }, InventoryNames(driver));
    }

    [Fact]
    public void Positional_records_and_derived_types_are_found_wherever_a_type_can_be_declared()
    {
        const string fileScoped = """
            using SafeShare;
            namespace Council.Domain;

            public class Person { [PersonalData] public string? Name { get; set; } }

            public static class Placements
            {
                [System.Serializable] public sealed class Carer : Person { }

                public sealed record Move([property: PersonalData] string Child, int Days)
                {
                    public sealed record Leg([property: SpecialCategory(SpecialCategory.Health)] string Needs);
                }

                public static int Count(int[] days) => days.Length;
            }
            """;
        const string global = """
            public sealed record Sibling([property: SafeShare.PersonalData] string Name);
            """;
        var (driver, _, diagnostics) = GeneratorHost.Run(fileScoped, global);
        Assert.Empty(diagnostics);
        Assert.Equal(
            new[] { "Council.Domain.Person", "Council.Domain.Placements.Carer", "Council.Domain.Placements.Move", "Council.Domain.Placements.Move.Leg", "Sibling" },
            InventoryNames(driver));
    }

    [Fact]
    public void Identity_markers_are_found()
    {
        const string identity = """
            namespace Microsoft.AspNetCore.Identity
            {
                [System.AttributeUsage(System.AttributeTargets.Property)] public sealed class PersonalDataAttribute : System.Attribute { }
                [System.AttributeUsage(System.AttributeTargets.Property)] public sealed class ProtectedPersonalDataAttribute : System.Attribute { }
            }
            namespace Council.Accounts
            {
                public class User { [Microsoft.AspNetCore.Identity.ProtectedPersonalData] public string? Email { get; set; } }
            }
            """;
        var (driver, _, _) = GeneratorHost.Run(identity);
        Assert.Equal(new[] { "Council.Accounts.User" }, InventoryNames(driver));
    }

    private static string[] InventoryNames(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[SafeShareGeneratorSteps.InventoryTypes]
            .SelectMany(s => s.Outputs).Select(o => (EquatableArray<InventoryType>)o.Value).Single()
            .Select(t => t.FullName).ToArray();
}
