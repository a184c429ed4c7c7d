using System.Threading;
using Microsoft.CodeAnalysis;
using SafeShare.Testing;

namespace SafeShare.Analyzers.Tests.Classification;

/// <summary>
/// The syntax-only check the five classification rules make of every type before reading its attributes: a type
/// whose source carries no attribute and overrides no property is never read.
/// </summary>
public class AnnotationSitesTests
{
    private const string Source = """
        using System;
        using SafeShare;

        namespace Council.Children;

        public class Plain
        {
            public string Name { get; set; } = "";
            public void Save(string value) { }
            public class NestedMarked { [PersonalData] public string? Note { get; set; } }
        }

        public class MarkedProperty { [PersonalData] public string? Name { get; set; } }
        [Obsolete] public class MarkedType { }
        public class MarkedParameter { public void Save([PersonalData] string value) { } }
        public class MarkedAccessor { public string Name { [return: PersonalData] get => ""; } }
        public record MarkedPrimary([PersonalData] string Name);
        public class Overrides { public override string ToString() => ""; public override int GetHashCode() => 0; public override bool Equals(object? o) => false; }
        public abstract class Person { public abstract string? Name { get; set; } }
        public class OverridesProperty : Person { public override string? Name { get; set; } }
        public abstract class Indexed { public abstract string this[int i] { get; } }
        public class OverridesIndexer : Indexed { public override string this[int i] => ""; }
        public class OverridesEventOnly : Base { public override event EventHandler? Changed; }
        public abstract class Base { public virtual event EventHandler? Changed; }
        public enum Kind { A, B }

        public partial class Split { public int Count { get; set; } }
        public partial class Split { [PersonalData] public string? Name { get; set; } }
        public partial class BothPlain { public int A { get; set; } }
        public partial class BothPlain { public int B { get; set; } }
        """;

    [Theory]
    [InlineData("Council.Children.Plain", false)]
    [InlineData("Council.Children.Plain+NestedMarked", true)]
    [InlineData("Council.Children.MarkedProperty", true)]
    [InlineData("Council.Children.MarkedType", true)]
    [InlineData("Council.Children.MarkedParameter", true)]
    [InlineData("Council.Children.MarkedAccessor", true)]
    [InlineData("Council.Children.MarkedPrimary", true)]
    [InlineData("Council.Children.Overrides", false)]
    [InlineData("Council.Children.OverridesProperty", true)]
    [InlineData("Council.Children.OverridesIndexer", true)]
    [InlineData("Council.Children.OverridesEventOnly", false)]
    [InlineData("Council.Children.Kind", true)]
    [InlineData("Council.Children.Split", true)]
    [InlineData("Council.Children.BothPlain", false)]
    [InlineData("System.String", true)]
    public void Answers_from_the_declarations(string metadataName, bool expected)
    {
        var compilation = TestCompilation.Create(Source);
        var type = compilation.GetTypeByMetadataName(metadataName)!;

        Assert.Equal(expected, AnnotationSites.MayHoldAnnotations(type, compilation, CancellationToken.None));
    }

    [Fact]
    public void Reads_types_in_the_global_namespace_nested_namespaces_and_every_file()
    {
        var compilation = TestCompilation.Create(
            Source,
            """
            using SafeShare;

            public class GlobalMarked { [PersonalData] public string? Name { get; set; } }
            public struct GlobalPlain { public int Count; }

            namespace Outer
            {
                namespace Inner
                {
                    public class DeepPlain { public int Count { get; set; } }
                    public interface IDeepMarked { [PersonalData] string? Name { get; } }
                    public class Holder { public class Nested { public class Deeper { [PersonalData] public string? Name; } } }
                }

                public record struct OuterMarked([PersonalData] string Name);
            }
            """);

        foreach (var (name, expected) in new[]
        {
            ("GlobalMarked", true), ("GlobalPlain", false), ("Outer.Inner.DeepPlain", false), ("Outer.Inner.IDeepMarked", true),
            ("Outer.Inner.Holder", false), ("Outer.Inner.Holder+Nested", false), ("Outer.Inner.Holder+Nested+Deeper", true),
            ("Outer.OuterMarked", true), ("Council.Children.Plain", false), ("Council.Children.MarkedProperty", true),
        })
        {
            Assert.True(expected == AnnotationSites.MayHoldAnnotations(compilation.GetTypeByMetadataName(name)!, compilation, CancellationToken.None), name);
        }
    }

    [Fact]
    public void A_base_type_with_annotations_counts_for_a_plain_derived_type()
    {
        var compilation = TestCompilation.Create(Source + "\npublic class Derived : MarkedProperty { }\npublic class AlsoPlain : Plain { }");

        Assert.True(AnnotationSites.MayHoldAnnotationsOrInherit(compilation.GetTypeByMetadataName("Council.Children.Derived")!, compilation, CancellationToken.None));
        Assert.False(AnnotationSites.MayHoldAnnotationsOrInherit(compilation.GetTypeByMetadataName("Council.Children.AlsoPlain")!, compilation, CancellationToken.None));
    }
}
