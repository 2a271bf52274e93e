using Ocelot.Engine.Distributions;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Overlay;
using Xunit;

namespace Ocelot.Engine.Tests.Distributions;

/// <summary>Tag resolution against the reference's verified examples (behaviour §1.3).</summary>
public sealed class DistributionCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocelot-engine-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private DistributionCatalog Load(string yaml)
    {
        File.WriteAllText(Path.Combine(_folder, "distributions.yaml"), yaml);
        return DistributionCatalog.Load(ConfigLocation.Resolve(_folder, null, _folder), OverlayCatalog.Empty);
    }

    [Fact]
    public void The_shipped_config_resolves_every_distribution_exactly_as_the_reference_minus_the_tag_typos()
    {
        var catalog = DistributionCatalog.Open(null, null, RepositoryPaths.Root);
        Assert.All(catalog.Names, n => Assert.Empty(catalog.ProblemsOf(n)));
        Assert.Equal("lambdacomponents.all,lambdacomponents.custom", string.Join(",", catalog.Resolve("full").BuildTags));
        Assert.Equal("lambdacomponents.custom,lambdacomponents.exporter.clickhouse,lambdacomponents.exporter.otlphttp,lambdacomponents.processor.batch,lambdacomponents.processor.decouple,lambdacomponents.receiver.otlp",
            string.Join(",", catalog.Resolve("minimal-clickhouse").BuildTags));
        Assert.Equal(["exporter.awss3"], catalog.Resolve("minimal-s3export").Components.Select(c => c.ShortName));
        Assert.Empty(catalog.Resolve("minimal").Components);
        Assert.Empty(catalog.Resolve("default").GoModules);
    }

    [Fact]
    public void A_two_distribution_cycle_is_reported_for_both_with_the_chain()
    {
        var catalog = Load("a:\n  base: b\n  buildtags: [t1]\nb:\n  base: a\n  buildtags: [t2]\n");
        Assert.Contains("a -> b -> a", Assert.Single(catalog.ProblemsOf("a")).Message);
        Assert.Equal(ErrorIds.DistributionBaseCycle, Assert.Single(catalog.ProblemsOf("b")).ErrorId);
        var ex = Assert.Throws<OcelotException>(() => catalog.Resolve("a"));
        Assert.Equal(ErrorIds.DistributionBaseCycle, ex.ErrorId);
    }

    [Fact]
    public void A_self_base_is_a_cycle() =>
        Assert.Contains("a -> a", Assert.Single(Load("a:\n  base: a\n").ProblemsOf("a")).Message);

    [Fact]
    public void A_null_distribution_is_not_a_mapping() =>
        Assert.Equal(ErrorIds.DistributionNotAMapping, Assert.Single(Load("d:\n").ProblemsOf("d")).ErrorId);

    [Fact]
    public void An_empty_file_has_no_distributions() => Assert.Empty(Load("# nothing yet\n").Names);

    [Fact]
    public void Duplicate_distribution_names_are_a_syntax_error_with_a_position()
    {
        var ex = Assert.Throws<OcelotException>(() => Load("a: {}\nb: {}\na: {}\n"));
        Assert.Equal(ErrorIds.ConfigYamlSyntax, ex.ErrorId);
    }

    [Fact]
    public void Dependencies_without_a_wrapper_follow_the_tag_rule_and_keep_file_order()
    {
        File.WriteAllText(Path.Combine(_folder, "component_dependencies.yaml"),
            "dependencies:\n  lambdacomponents.processor.extra: example.com/extra@v1.2.3\n  lambdacomponents.exporter.x:\n    - example.com/x\n    - example.com/extra@v1.2.3\n");
        var catalog = Load("d:\n  buildtags: [lambdacomponents.custom, lambdacomponents.exporter.x, lambdacomponents.processor.all]\n");
        Assert.Equal(["example.com/extra@v1.2.3", "example.com/x"], catalog.Resolve("d").GoModules.Select(m => m.ToString()));
    }
}
