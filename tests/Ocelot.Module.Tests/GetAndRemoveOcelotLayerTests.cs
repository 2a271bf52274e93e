using System.Text.Json;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>Get-OcelotLayer, Remove-OcelotLayer and ConvertTo-OcelotReport against moto_server, checked with the AWS CLI.</summary>
public sealed class GetAndRemoveOcelotLayerTests(LayerListingSeed seed) : IClassFixture<LayerListingSeed>
{
    private static readonly string[] Regions = LayerListingSeed.Regions;
    private readonly MotoServer _moto = seed.Moto;

    private PipelineResult Run(LayerListingSeed.Set set, string script, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var variables = new Dictionary<string, object?> { ["table"] = set.Table, ["id"] = set.Id };
        foreach (var (k, v) in extra ?? new Dictionary<string, object?>()) variables[k] = v;
        return _moto.Run(script, variables);
    }

    private const string Get = "Get-OcelotLayer -Region us-east-1, eu-west-1, ap-southeast-2 -MetadataTable $table -MetadataRegion us-east-1";

    private IEnumerable<string> VersionArns(string region, string layer) =>
        _moto.Cli("lambda", "list-layer-versions", "--region", region, "--layer-name", layer).GetProperty("LayerVersions")
            .EnumerateArray().Select(v => v.GetProperty("LayerVersionArn").GetString()!);

    [Fact]
    public void Pattern_Latest_SkipLatest_and_CreatedBefore_return_exactly_the_right_versions()
    {
        var set = seed.Shared;
        var dev = Run(set, $"{Get} -Pattern \"*-dev-*$id-*\"").AssertSucceeded().Output;
        Assert.Equal(18, dev.Count);
        Assert.Equal(dev.Select(o => (o.Get<string>("Region"), o.Get<string>("LayerName"), o.Get<long>("Version")))
            .OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal).ThenBy(k => k.Item3), 
            dev.Select(o => (o.Get<string>("Region"), o.Get<string>("LayerName"), o.Get<long>("Version"))));
        Assert.DoesNotContain(dev, o => o.Get<string>("LayerName").Contains("gamma"));

        var alpha = dev.First(o => o.Get<string>("LayerName").Contains("alpha"));
        Assert.Equal("dev-alpha", alpha.Get<string>("Distribution"));
        Assert.Equal("v0.158.0", alpha.Get<string>("CollectorVersion"));
        var beta = dev.First(o => o.Get<string>("LayerName").Contains("beta"));
        Assert.Equal("arm64", beta.Get<string>("Architecture"));
        Assert.Equal($"dev-beta{set.Id}", beta.Get<string>("Distribution")); // no metadata: read from the layer name

        var latest = Run(set, $"{Get} -Pattern \"*$id*\" -Latest").AssertSucceeded().Output;
        Assert.Equal(9, latest.Count);
        Assert.All(latest, o => Assert.Equal(3L, o.Get<long>("Version")));

        var prunable = Run(set, $"{Get} -Pattern \"*$id*\" -SkipLatest 1").AssertSucceeded().Output;
        Assert.Equal(18, prunable.Count);
        Assert.All(prunable, o => Assert.NotEqual(3L, o.Get<long>("Version")));

        var old = Run(set, $"{Get} -Pattern \"*alpha$id*\" -CreatedBefore $before", new Dictionary<string, object?> { ["before"] = set.BetweenVersions.UtcDateTime }).AssertSucceeded().Output;
        Assert.Equal(6, old.Count);
        Assert.All(old, o => Assert.True(o.Get<long>("Version") <= 2));

        var filtered = Run(set, $"{Get} -Pattern \"*$id*\" -Distribution dev-alpha -Architecture amd64 -IncludeContent").AssertSucceeded().Output;
        Assert.Equal(9, filtered.Count);
        Assert.All(filtered, o => Assert.True(o.Get<long>("CodeSize") > 0));
    }

    [Fact]
    public void Piping_into_Remove_with_WhatIf_deletes_nothing_and_names_every_ARN()
    {
        var set = seed.Shared;
        var result = Run(set, $"{Get} -Pattern \"*-dev-*$id-*\" | Remove-OcelotLayer -WhatIf -MetadataTable $table -MetadataRegion us-east-1").AssertSucceeded();
        var lines = result.HostText.Split('\n').Where(l => l.StartsWith("What if:")).ToList();
        Assert.Equal(18, lines.Count);
        Assert.All(lines, l => Assert.Contains("arn:aws:lambda:", l));
        foreach (var region in Regions)
            Assert.Equal(3, VersionArns(region, $"ocel-amd64-dev-alpha{set.Id}-0_158_0-prod").Count());
        Assert.Equal(9, _moto.Cli("dynamodb", "scan", "--region", "us-east-1", "--table-name", set.Table).GetProperty("Count").GetInt32());
    }

    [Fact]
    public void Remove_deletes_exactly_the_matched_versions_and_their_metadata_items_and_nothing_else()
    {
        var set = seed.SeedFresh();
        var result = Run(set, $"{Get} -Pattern \"*alpha$id*\", \"*beta$id*\" -SkipLatest 1 | Remove-OcelotLayer -Confirm:$false -PassThru -MetadataTable $table -MetadataRegion us-east-1")
            .AssertSucceeded();
        Assert.Equal(12, result.Output.Count);
        Assert.All(result.Output, o => Assert.True(o.Get<bool>("Removed")));
        Assert.Equal(6, result.Output.Count(o => o.Value("MetadataRemoved") is true));
        foreach (var region in Regions)
        {
            Assert.Single(VersionArns(region, $"ocel-amd64-dev-alpha{set.Id}-0_158_0-prod"), a => a.EndsWith(":3"));
            Assert.Single(VersionArns(region, $"ocel-arm64-dev-beta{set.Id}-0_158_0-prod"), a => a.EndsWith(":3"));
            Assert.Equal(3, VersionArns(region, $"ocel-amd64-prod-gamma{set.Id}-0_158_0-prod").Count());
        }
        var remaining = _moto.Cli("dynamodb", "scan", "--region", "us-east-1", "--table-name", set.Table).GetProperty("Items").EnumerateArray()
            .Select(i => i.GetProperty("layer_arn").GetProperty("S").GetString()!).ToList();
        Assert.Equal(3, remaining.Count);
        Assert.All(remaining, arn => Assert.EndsWith(":3", arn));
    }

    [Fact]
    public void A_version_deleted_by_someone_else_between_get_and_remove_is_a_clear_non_terminating_error()
    {
        var set = seed.SeedFresh();
        var layer = $"ocel-amd64-prod-gamma{set.Id}-0_158_0-prod";
        var script = $"$found = {Get} -Pattern \"*gamma$id*\" -SkipMetadata; " +
            "$deleteVersion2.Invoke(); " +
            "$found | Remove-OcelotLayer -Force -SkipMetadata -PassThru";
        var result = Run(set, script, new Dictionary<string, object?>
        {
            // Someone else: the AWS CLI, called back from the middle of the pipeline.
            ["deleteVersion2"] = new Action(() => _moto.Cli("lambda", "delete-layer-version", "--region", "eu-west-1", "--layer-name", layer, "--version-number", "2")),
        });
        var error = Assert.Single(result.Errors);
        Assert.Equal("LayerVersionNotFound,Ocelot.Commands.RemoveOcelotLayerCommand", error.FullyQualifiedErrorId);
        Assert.Contains("eu-west-1", error.Exception.Message);
        Assert.Equal(8, result.Output.Count(o => o.Get<bool>("Removed")));
        Assert.All(Regions, region => Assert.Empty(VersionArns(region, layer)));
    }

    [Fact]
    public void Remove_binds_LayerName_Version_and_Region_by_property_name()
    {
        var set = seed.SeedFresh();
        var layer = $"ocel-amd64-prod-gamma{set.Id}-0_158_0-prod";
        var result = Run(set, "[pscustomobject]@{ LayerName = $layer; Version = 1; Region = 'eu-west-1' } | Remove-OcelotLayer -Force -SkipMetadata -PassThru",
            new Dictionary<string, object?> { ["layer"] = layer }).AssertSucceeded();
        Assert.True(Assert.Single(result.Output).Get<bool>("Removed"));
        Assert.Equal(["2", "3"], VersionArns("eu-west-1", layer).Select(a => a[(a.LastIndexOf(':') + 1)..]).Order());
    }

    [Fact]
    public void AllRegions_skips_a_region_not_enabled_for_the_account_with_a_warning()
    {
        var set = seed.Shared;
        // ap-east-1 is opt-in on real accounts; moto 5.2.1 does not serve me-west-1 and sa-west-1 at all, so they are
        // answered the same way (as they would be on an account that has not enabled them).
        using var proxy = new FailingRegionProxy(_moto.Endpoint, "ap-east-1", notEnabled: true, "me-west-1", "sa-west-1");
        var result = Run(set, $"Get-OcelotLayer -AllRegions -Pattern \"*gamma$id*\" -SkipMetadata -EndpointUrl {proxy.Endpoint}").AssertSucceeded();
        Assert.Equal(9, result.Output.Count);
        Assert.Equal(Regions.Order(StringComparer.Ordinal), result.Output.Select(o => o.Get<string>("Region")).Distinct());
        Assert.Contains(result.Warnings, w => w.Message.Contains("ap-east-1") && w.Message.Contains("not enabled"));
    }

    [Fact]
    public void Reports_from_a_listing_name_the_newest_version_per_region()
    {
        var set = seed.Shared;
        var terraform = (string)Assert.Single(Run(set, $"{Get} -Pattern \"*alpha$id*\" -Latest | ConvertTo-OcelotReport -Format Terraform").AssertSucceeded().Output).BaseObject;
        var expected = "locals {\n  ocelot_layer_arns = {\n    \"dev-alpha\" = {\n      \"prod\" = {\n        \"amd64\" = {\n" +
            string.Concat(Regions.Order(StringComparer.Ordinal).Select(r => $"          \"{r}\" = \"arn:aws:lambda:{r}:123456789012:layer:ocel-amd64-dev-alpha{set.Id}-0_158_0-prod:3\"\n")) +
            "        }\n      }\n    }\n  }\n}\n";
        Assert.Equal(expected, terraform);

    }
}
