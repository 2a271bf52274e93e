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
    [InlineData("!!a", true, "a")]
    [InlineData("linux && (amd64 || arm64)", true, "linux", "arm64")]
    public void Precedence_and_negation_follow_go_build_constraint_syntax(string expression, bool expected, params string[] active) =>
        Assert.Equal(expected, BuildConstraint.Parse(expression).Evaluate(Tags(active)));

    [Theory]
    [InlineData("a &&")]
    [InlineData("(a || b")]
    [InlineData("a b")]
    [InlineData("a & b")]
    [InlineData("")]
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
}
