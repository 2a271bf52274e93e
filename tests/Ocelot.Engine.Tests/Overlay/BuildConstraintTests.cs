using Ocelot.Engine.Overlay;
using Xunit;

namespace Ocelot.Engine.Tests.Overlay;

public class BuildConstraintTests
{
    private const string ClickhouseLine =
        "lambdacomponents.custom && (lambdacomponents.all || lambdacomponents.exporter.all || lambdacomponents.exporter.clickhouse)";

    private static IReadOnlySet<string> Tags(params string[] tags) => new HashSet<string>(tags);

    [Theory]
    [InlineData(true, "lambdacomponents.custom", "lambdacomponents.exporter.clickhouse")]
    [InlineData(true, "lambdacomponents.custom", "lambdacomponents.all")]
    [InlineData(true, "lambdacomponents.custom", "lambdacomponents.exporter.all")]
    [InlineData(false, "lambdacomponents.exporter.clickhouse")]
    [InlineData(false, "lambdacomponents.custom", "lambdacomponents.connector.all")]
    [InlineData(false, "lambdacomponents.custom", "lambdacomponents.exporter.clickhouse.extra")]
    [InlineData(false, "lambdacomponents.custom", "lambdacomponents.exporter.click")]
    public void The_upstream_convention_compiles_a_wrapper_exactly_when_Go_would(bool expected, params string[] active) =>
        Assert.Equal(expected, BuildConstraint.Parse(ClickhouseLine).Evaluate(Tags(active)));

    [Theory]
    [InlineData("!lambdacomponents.custom", false, "lambdacomponents.custom")]
    [InlineData("!lambdacomponents.custom", true)]
    [InlineData("a || b && c", true, "a")]
    [InlineData("a || b && c", false, "b")]
    [InlineData("(a || b) && c", false, "a")]
    [InlineData("!(a && b)", true, "a")]
    [InlineData("linux && (amd64 || arm64)", true, "linux", "arm64")]
    public void Precedence_and_negation_follow_go_build_constraint_syntax(string expression, bool expected, params string[] active) =>
        Assert.Equal(expected, BuildConstraint.Parse(expression).Evaluate(Tags(active)));

    [Theory]
    [InlineData("a &&")]
    [InlineData("(a || b")]
    [InlineData("a b")]
    [InlineData("a & b")]
    [InlineData("")]
    [InlineData("!!a")]
    [InlineData("a\u00a0&& b")]
    [InlineData("a &&\vb")]
    public void Malformed_expressions_are_rejected(string expression) =>
        Assert.Throws<FormatException>(() => BuildConstraint.Parse(expression));

    [Fact]
    public void The_constraint_is_read_from_the_go_build_line_before_the_package_clause()
    {
        var source = "// Copyright\n\n//go:build lambdacomponents.custom && lambdacomponents.receiver.otlp\n\npackage receiver\n";
        var constraint = BuildConstraint.FromGoSource(source, "otlp.go");
        Assert.NotNull(constraint);
        Assert.Equal(["lambdacomponents.custom", "lambdacomponents.receiver.otlp"], constraint.Tags);
        Assert.Null(BuildConstraint.FromGoSource("package x\n//go:build never\n", "late.go"));
    }

    [Fact]
    public void A_malformed_go_build_line_names_the_file_and_line()
    {
        var ex = Assert.Throws<FormatException>(() => BuildConstraint.FromGoSource("\n//go:build a &&\npackage x\n", "bad.go"));
        Assert.StartsWith("bad.go:2:", ex.Message);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("!(", ")")]
    public void Hostile_nesting_is_an_error_not_a_stack_overflow(string open, string close)
    {
        var deep = string.Concat(Enumerable.Repeat(open, 200_000)) + "a" + string.Concat(Enumerable.Repeat(close, 200_000));
        Assert.Contains("nested more than", Assert.Throws<FormatException>(() => BuildConstraint.Parse(deep)).Message);
        var fine = string.Concat(Enumerable.Repeat(open, 40)) + "a" + string.Concat(Enumerable.Repeat(close, 40));
        Assert.True(BuildConstraint.Parse(fine).Evaluate(Tags("a")), "an even number of negations of a is a");
    }

    [Fact]
    public void A_very_long_chain_of_operators_evaluates_without_deep_recursion()
    {
        var chain = string.Join(" && ", Enumerable.Repeat("a", 200_000)) + " || b";
        Assert.True(BuildConstraint.Parse(chain).Evaluate(Tags("a")));
        Assert.False(BuildConstraint.Parse(chain).Evaluate(Tags()));
    }

    [Theory]
    [InlineData("//go:build a\n//go:build b\npackage p\n")]
    [InlineData("// x\n\n//go:build a\n/* y */\n//go:build b\npackage p\n")]
    public void Two_go_build_lines_are_an_error_as_in_go(string source) =>
        Assert.Contains("multiple //go:build", Assert.Throws<FormatException>(() => BuildConstraint.FromGoSource(source, "f.go")).Message);

    [Theory]
    [InlineData("/*\n//go:build a\n*/\npackage p\n")]
    [InlineData("//go:buildx a\npackage p\n")]
    [InlineData("x := 1\n//go:build a\npackage p\n")]
    public void Lines_go_does_not_read_as_a_constraint_are_ignored(string source) =>
        Assert.Null(BuildConstraint.FromGoSource(source, "f.go"));

    [Fact]
    public void Tags_may_hold_unicode_letters_and_digits_as_in_go() =>
        Assert.True(BuildConstraint.Parse("é && x٣").Evaluate(Tags("é", "x٣")));
}
