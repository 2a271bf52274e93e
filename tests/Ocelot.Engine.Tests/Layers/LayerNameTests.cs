using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Publishing;
using Xunit;

namespace Ocelot.Engine.Tests.Layers;

/// <summary>The reference's verified cases (behaviour §3.2): existing layer names must not change.</summary>
public class LayerNameTests
{
    [Theory]
    [InlineData("otel-collector", "amd64", "clickhouse", "1.2.3", null, "prod", "otel-collector-amd64-clickhouse-1_2_3-prod", "x86_64", "1_2_3")]
    [InlineData("otel-collector", "arm64", "splunk", null, "v0.9.8", "dev", "otel-collector-arm64-splunk-0_9_8-dev", "arm64", "0_9_8")]
    [InlineData("ocel", "amd64", "minimal", null, "v0.158.0", "beta", "ocel-amd64-minimal-0_158_0-beta", "x86_64", "0_158_0")]
    [InlineData("ocel", "arm64", "minimal-forwarder", "", "v0.158.0", "local", "ocel-arm64-minimal-forwarder-0_158_0-local", "arm64", "0_158_0")]
    [InlineData("ocel", null, null, null, null, "prod", "ocel-latest-prod", "x86_64", "latest")]
    [InlineData("1abc", "amd64", "default", null, "v1.2.3", "prod", "layer-1abc-amd64-default-1_2_3-prod", "x86_64", "1_2_3")]
    [InlineData("my layer!", "amd64", "dist.x", null, "vv0.1.0+meta", "prod", "my_layer_-amd64-dist_x-v0_1_0_meta-prod", "x86_64", "v0_1_0_meta")]
    [InlineData("ocel", "amd64", "default", "v1.2.3", null, "prod", "ocel-amd64-default-v1_2_3-prod", "x86_64", "v1_2_3")]
    [InlineData("ocel", "amd64", "default", null, "0.5.0", "prod", "ocel-amd64-default-0_5_0-prod", "x86_64", "0_5_0")]
    [InlineData("ocel", "x86_64", "default", null, "v0.5.0", "my.group", "ocel-x86_64-default-0_5_0-my_group", "x86_64", "0_5_0")]
    public void Names_match_the_reference(string baseName, string? arch, string? distribution, string? version, string? collector, string group,
        string expectedName, string expectedArchitecture, string expectedVersion)
    {
        var parts = LayerName.Construct(baseName, arch, distribution, version, collector, group, githubRef: null);
        Assert.Equal(expectedName, parts.Name);
        Assert.Equal(expectedArchitecture, parts.CompatibleArchitecture);
        Assert.Equal(expectedVersion, parts.Version);
    }

    [Theory]
    [InlineData("refs/tags/v1.2.3", "ocel-amd64-default-1_2_3-prod")]
    [InlineData("refs/heads/main", "ocel-amd64-default-latest-prod")]
    [InlineData("refs/tags/release-1.0", "ocel-amd64-default-1_0-prod")]
    [InlineData("refs/heads/feature/x2.0", "ocel-amd64-default-2_0-prod")]
    [InlineData("v3.1", "ocel-amd64-default-v3_1-prod")]
    [InlineData("refs/pull/12/merge", "ocel-amd64-default-latest-prod")]
    public void Without_a_version_the_GitHub_ref_gives_one_as_in_the_reference(string githubRef, string expected) =>
        Assert.Equal(expected, LayerName.Construct("ocel", "amd64", "default", null, null, "prod", githubRef).Name);

    [Fact]
    public void A_name_whose_version_ARN_would_pass_140_characters_is_refused_before_any_call()
    {
        var name = "ocel-amd64-" + new string('d', 70) + "-0_158_0-prod";
        LayerName.Validate(name[..60], ["us-east-1"]);
        var ex = Assert.Throws<OcelotException>(() => LayerName.Validate(name, ["us-east-1", "ap-southeast-2"]));
        Assert.Equal(ErrorIds.LayerNameInvalid, ex.ErrorId);
        Assert.Contains("ARN", ex.Message);
    }
}

public class LayerDescriptionTests
{
    private const string Md5 = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Minimal_gives_the_reference_description() =>
        Assert.Equal($"md5: {Md5} | custom, exporter.otlphttp, processor.batch, processor.decouple, receiver.otlp",
            LayerDescription.Build(Md5, ["lambdacomponents.custom", "lambdacomponents.exporter.otlphttp", "lambdacomponents.processor.batch",
                "lambdacomponents.processor.decouple", "lambdacomponents.receiver.otlp"]));

    [Fact]
    public void Long_tag_lists_are_cut_to_256_characters_keeping_the_md5()
    {
        var description = LayerDescription.Build(Md5, Enumerable.Range(0, 40).Select(i => $"lambdacomponents.processor.p{i}"));
        Assert.Equal(256, description.Length);
        Assert.EndsWith("...", description);
        Assert.True(LayerDescription.Matches(description, Md5));
    }

    [Theory]
    [InlineData("ocel", "amd64", "minimal-forwarder", "prod")]
    [InlineData("otel-collector", "arm64", "splunk", "dev")]
    public void A_name_made_by_the_convention_reads_back_as_its_parts(string baseName, string architecture, string distribution, string group)
    {
        var made = LayerName.Construct(baseName, architecture, distribution, null, "v0.158.0", group, githubRef: null);
        Assert.Equal(made, LayerName.TryParse(made.Name));
        Assert.Equal("amd64", LayerName.TryParse("ocel-x86_64-minimal-0_158_0-prod")!.Architecture);
    }

    [Theory]
    [InlineData("my-layer")]
    [InlineData("ocel-riscv-minimal-0_158_0-prod")]
    [InlineData("ocel-amd64-minimal-0.158.0-prod")]
    public void A_name_made_another_way_has_no_parts(string name) => Assert.Null(LayerName.TryParse(name));
}
