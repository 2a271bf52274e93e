using System.Management.Automation;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// A layer version's metadata item records its components; Get-OcelotLayer reads them back and the version pipes into
/// Test-OcelotCollectorConfig. On moto_server, the item checked with the AWS CLI.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CollectorConfigOfPublishedLayerTests : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoServer _moto;
    private readonly BuildEnvironment _build;
    private readonly TempFolder _output = new("ocelot-published-config-");
    private readonly string _table = "ocelot-layers-" + Guid.NewGuid().ToString("N")[..8];

    public CollectorConfigOfPublishedLayerTests(MotoServer moto, BuildEnvironment build)
    {
        _moto = moto;
        _build = build;
    }

    public void Dispose()
    {
        _output.Dispose();
    }

    private PipelineResult Run(string script) => _moto.Run(script, new Dictionary<string, object?>
    {
        ["table"] = _table, ["upstream"] = _build.UpstreamFolder, ["out"] = _output.Path,
        ["forwarder"] = Path.Combine(ModuleSession.FixtureConfig, "collector-configs", "forwarder.yaml"),
        ["debug"] = Path.Combine(GoFixture.UpstreamFolder, "collector", "config.yaml"),
    });

    [Fact]
    public void A_published_version_records_its_components_and_pipes_into_the_check_after_Get_OcelotLayer()
    {
        Run("Initialize-OcelotMetadataTable -TableName $table -Region us-east-1 -Confirm:$false").AssertSucceeded();
        var published = Run("$v = Invoke-OcelotBuild minimal-forwarder -UpstreamRepo $upstream -OutputDirectory $out | " +
            "Publish-OcelotLayer -Region eu-north-1 -ReleaseGroup cfg -MetadataTable $table -MetadataRegion us-east-1 -Confirm:$false; $v; $v | Test-OcelotCollectorConfig -Path $forwarder").AssertSucceeded();
        var arn = published.Output[0].Get<string>("LayerVersionArn");
        // Publish-OcelotLayer's output pipes into the check too.
        Assert.Equal((arn, true), (published.Output[1].Get<string>("CheckedAgainst"), published.Output[1].Get<bool>("IsValid")));

        var item = _moto.Cli("dynamodb", "get-item", "--region", "us-east-1", "--table-name", _table, "--key", $"{{\"layer_arn\":{{\"S\":\"{arn}\"}}}}").GetProperty("Item");
        var components = item.GetProperty("components").GetProperty("L").EnumerateArray().Select(c => c.GetProperty("M")).ToList();
        Assert.Equal(7, components.Count);
        var connector = components.Single(c => c.GetProperty("type").GetProperty("S").GetString() == "spaneventtolog");
        Assert.Equal("traces_to_logs", connector.GetProperty("signals").GetProperty("L")[0].GetProperty("S").GetString());
        Assert.Contains("secretsmanager", item.GetProperty("config_providers").GetProperty("L").EnumerateArray().Select(p => p.GetProperty("S").GetString()));
        Assert.True(item.TryGetProperty("build_tags", out _)); // the existing attributes are still written

        var result = Run("Get-OcelotLayer -Pattern ocel-amd64-minimal-forwarder-* -Region eu-north-1 -MetadataTable $table -MetadataRegion us-east-1 | " +
            "Test-OcelotCollectorConfig -Path $forwarder, $debug");
        Assert.Equal([true, false], result.Output.Select(o => o.Get<bool>("IsValid")));
        Assert.Equal(arn, result.Output[0].Get<string>("CheckedAgainst"));
        Assert.Equal("CollectorConfigComponentNotInLayer,Ocelot.Commands.TestOcelotCollectorConfigCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void A_version_without_recorded_components_is_refused_with_a_clear_error()
    {
        var result = Run("[pscustomobject]@{ LayerVersionArn = 'arn:aws:lambda:us-east-1:123456789012:layer:old:1'; Components = @() } | Test-OcelotCollectorConfig -Path $forwarder");
        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("CollectorConfigTargetMissing,Ocelot.Commands.TestOcelotCollectorConfigCommand", error.FullyQualifiedErrorId);
        Assert.Contains("arn:aws:lambda:us-east-1:123456789012:layer:old:1 records no components", error.Exception.Message);
    }
}
