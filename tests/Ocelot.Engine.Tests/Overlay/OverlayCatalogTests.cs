using Ocelot.Engine.Overlay;
using Xunit;

namespace Ocelot.Engine.Tests.Overlay;

/// <summary>Selection over the wrappers Ocelot ships (components/ in the repository).</summary>
public class OverlayCatalogTests
{
    private static readonly OverlayCatalog Shipped = OverlayCatalog.Load(RepositoryPaths.Components);

    private static string[] Select(params string[] tags) =>
        Shipped.Select(new HashSet<string>(tags)).Select(c => c.ShortName).ToArray();

    [Fact]
    public void The_five_shipped_wrappers_are_found_with_their_own_tags()
    {
        Assert.Equal([
            "lambdacomponents.connector.signaltometrics", "lambdacomponents.connector.spaneventtolog",
            "lambdacomponents.exporter.awss3", "lambdacomponents.exporter.clickhouse", "lambdacomponents.extension.asmauthextension",
        ], Shipped.Components.Select(c => c.Tag));
        Assert.Equal("exporter/clickhouse.go", Shipped.Components.Single(c => c.Name == "clickhouse").RelativePath);
    }

    [Fact]
    public void Kind_wide_and_global_all_tags_select_like_go_does()
    {
        Assert.Equal(["exporter.awss3", "exporter.clickhouse"], Select("lambdacomponents.custom", "lambdacomponents.exporter.all"));
        Assert.Equal(["connector.signaltometrics", "connector.spaneventtolog"], Select("lambdacomponents.custom", "lambdacomponents.connector.all"));
        Assert.Equal(5, Select("lambdacomponents.custom", "lambdacomponents.all").Length);
    }

    [Fact]
    public void Substring_names_do_not_over_match_and_extra_segments_do_not_match()
    {
        Assert.Empty(Select("lambdacomponents.custom", "lambdacomponents.exporter.s3"));
        Assert.Empty(Select("lambdacomponents.custom", "lambdacomponents.exporter.clickhouse.extra"));
    }

    [Fact]
    public void Without_the_custom_tag_no_wrapper_compiles()
    {
        Assert.Empty(Select("lambdacomponents.exporter.all"));
        Assert.Empty(Select("lambdacomponents.all"));
    }

    [Theory]
    [InlineData("lambdacomponents.exporter.x", true, "lambdacomponents.exporter.x")]
    [InlineData("lambdacomponents.exporter.x", true, "lambdacomponents.all")]
    [InlineData("lambdacomponents.exporter.x", true, "lambdacomponents.exporter.all")]
    [InlineData("lambdacomponents.exporter.x", false, "lambdacomponents.connector.all")]
    [InlineData("lambdacomponents.exporter.x", false, "lambdacomponents.exporter.xy", "lambdacomponents.custom")]
    public void The_reference_tag_rule_applies_to_dependency_entries_without_a_wrapper(string key, bool expected, params string[] tags) =>
        Assert.Equal(expected, OverlayCatalog.IsSelectedByTagRule(key, new HashSet<string>(tags)));
}
