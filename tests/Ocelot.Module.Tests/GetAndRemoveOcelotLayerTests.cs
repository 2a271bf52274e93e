using System.Diagnostics;
using System.Text.Json;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>Get-OcelotLayer, Remove-OcelotLayer and ConvertTo-OcelotReport against moto_server, checked with the AWS CLI.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class GetAndRemoveOcelotLayerTests : IClassFixture<MotoServer>, IDisposable
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-southeast-2"];
    private readonly MotoServer _moto;
    private readonly EnvironmentScope _environment;
    private readonly string _id = Guid.NewGuid().ToString("N")[..6];
    private readonly string _table;

    public GetAndRemoveOcelotLayerTests(MotoServer moto)
    {
        _moto = moto;
        _environment = new EnvironmentScope(moto.Environment());
        _table = $"meta-{_id}";
    }

    public void Dispose() => _environment.Dispose();

    /// <summary>
    /// Seeds, in three regions, layers dev-alpha, dev-beta and prod-gamma (suffixed with this test's id) with versions
    /// 1-3, and metadata items for every dev-alpha version. Returns the time between versions 2 and 3.
    /// </summary>
    private DateTimeOffset Seed()
    {
        var script = $$$"""
            import boto3, io, zipfile, time, datetime
            def zipped(text):
                b = io.BytesIO()
                with zipfile.ZipFile(b, 'w') as z: z.writestr('extensions/collector', text)
                return b.getvalue()
            ddb = boto3.client('dynamodb', endpoint_url='{{{_moto.Endpoint}}}', region_name='us-east-1')
            ddb.create_table(TableName='{{{_table}}}', BillingMode='PAY_PER_REQUEST',
                AttributeDefinitions=[{'AttributeName': 'layer_arn', 'AttributeType': 'S'}],
                KeySchema=[{'AttributeName': 'layer_arn', 'KeyType': 'HASH'}])
            regions = {{{JsonSerializer.Serialize(Regions)}}}
            names = ['ocel-amd64-dev-alpha{{{_id}}}-0_158_0-prod', 'ocel-arm64-dev-beta{{{_id}}}-0_158_0-prod', 'ocel-amd64-prod-gamma{{{_id}}}-0_158_0-prod']
            for version in (1, 2, 3):
                if version == 3:
                    time.sleep(1.2)
                    print(datetime.datetime.now(datetime.timezone.utc).isoformat())
                    time.sleep(1.2)
                for region in regions:
                    lam = boto3.client('lambda', endpoint_url='{{{_moto.Endpoint}}}', region_name=region)
                    for name in names:
                        arch = 'arm64' if '-arm64-' in name else 'x86_64'
                        r = lam.publish_layer_version(LayerName=name, Content={'ZipFile': zipped(f'{name}{version}')},
                            Description=f'md5: {version:032d} | custom', CompatibleArchitectures=[arch])
                        if 'alpha' in name:
                            ddb.put_item(TableName='{{{_table}}}', Item={'layer_arn': {'S': r['LayerVersionArn']}, 'distribution': {'S': 'dev-alpha'},
                                'architecture': {'S': 'amd64'}, 'collector_version_input': {'S': 'v0.158.0'}, 'md5_hash': {'S': f'{version:032d}'},
                                'base_layer_arn': {'S': r['LayerArn']}, 'version': {'N': str(r['Version'])}, 'region': {'S': region},
                                'layer_version_str': {'S': '0_158_0'}, 'public': {'BOOL': False}})
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in _moto.Environment()) if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
        using var python = Process.Start(start)!;
        python.StandardInput.Write(script);
        python.StandardInput.Close();
        var error = python.StandardError.ReadToEndAsync();
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, error.Result);
        return DateTimeOffset.Parse(output.Trim());
    }

    private PipelineResult Run(string script, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var variables = new Dictionary<string, object?> { ["table"] = _table, ["id"] = _id };
        foreach (var (k, v) in extra ?? new Dictionary<string, object?>()) variables[k] = v;
        return ModuleSession.Run(script, variables);
    }

    private const string Get = "Get-OcelotLayer -Region us-east-1, eu-west-1, ap-southeast-2 -MetadataTable $table -MetadataRegion us-east-1";

    private IEnumerable<string> VersionArns(string region, string layer) =>
        _moto.Cli("lambda", "list-layer-versions", "--region", region, "--layer-name", layer).GetProperty("LayerVersions")
            .EnumerateArray().Select(v => v.GetProperty("LayerVersionArn").GetString()!);

    [Fact]
    public void Pattern_Latest_SkipLatest_and_CreatedBefore_return_exactly_the_right_versions()
    {
        var between = Seed();
        var dev = Run($"{Get} -Pattern \"*-dev-*$id-*\"").AssertSucceeded().Output;
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
        Assert.Equal($"dev-beta{_id}", beta.Get<string>("Distribution")); // no metadata: read from the layer name

        var latest = Run($"{Get} -Pattern \"*$id*\" -Latest").AssertSucceeded().Output;
        Assert.Equal(9, latest.Count);
        Assert.All(latest, o => Assert.Equal(3L, o.Get<long>("Version")));

        var prunable = Run($"{Get} -Pattern \"*$id*\" -SkipLatest 1").AssertSucceeded().Output;
        Assert.Equal(18, prunable.Count);
        Assert.All(prunable, o => Assert.NotEqual(3L, o.Get<long>("Version")));

        var old = Run($"{Get} -Pattern \"*alpha$id*\" -CreatedBefore $before", new Dictionary<string, object?> { ["before"] = between.UtcDateTime }).AssertSucceeded().Output;
        Assert.Equal(6, old.Count);
        Assert.All(old, o => Assert.True(o.Get<long>("Version") <= 2));

        var filtered = Run($"{Get} -Pattern \"*$id*\" -Distribution dev-alpha -Architecture amd64 -IncludeContent").AssertSucceeded().Output;
        Assert.Equal(9, filtered.Count);
        Assert.All(filtered, o => Assert.True(o.Get<long>("CodeSize") > 0));
    }

    [Fact]
    public void Piping_into_Remove_with_WhatIf_deletes_nothing_and_names_every_ARN()
    {
        Seed();
        var result = Run($"{Get} -Pattern \"*-dev-*$id-*\" | Remove-OcelotLayer -WhatIf -MetadataTable $table -MetadataRegion us-east-1").AssertSucceeded();
        var lines = result.HostText.Split('\n').Where(l => l.StartsWith("What if:")).ToList();
        Assert.Equal(18, lines.Count);
        Assert.All(lines, l => Assert.Contains("arn:aws:lambda:", l));
        foreach (var region in Regions)
            Assert.Equal(3, VersionArns(region, $"ocel-amd64-dev-alpha{_id}-0_158_0-prod").Count());
        Assert.Equal(9, _moto.Cli("dynamodb", "scan", "--region", "us-east-1", "--table-name", _table).GetProperty("Count").GetInt32());
    }

    [Fact]
    public void Remove_deletes_exactly_the_matched_versions_and_their_metadata_items_and_nothing_else()
    {
        Seed();
        var result = Run($"{Get} -Pattern \"*alpha$id*\", \"*beta$id*\" -SkipLatest 1 | Remove-OcelotLayer -Confirm:$false -PassThru -MetadataTable $table -MetadataRegion us-east-1")
            .AssertSucceeded();
        Assert.Equal(12, result.Output.Count);
        Assert.All(result.Output, o => Assert.True(o.Get<bool>("Removed")));
        Assert.Equal(6, result.Output.Count(o => o.Value("MetadataRemoved") is true));
        foreach (var region in Regions)
        {
            Assert.Single(VersionArns(region, $"ocel-amd64-dev-alpha{_id}-0_158_0-prod"), a => a.EndsWith(":3"));
            Assert.Single(VersionArns(region, $"ocel-arm64-dev-beta{_id}-0_158_0-prod"), a => a.EndsWith(":3"));
            Assert.Equal(3, VersionArns(region, $"ocel-amd64-prod-gamma{_id}-0_158_0-prod").Count());
        }
        var remaining = _moto.Cli("dynamodb", "scan", "--region", "us-east-1", "--table-name", _table).GetProperty("Items").EnumerateArray()
            .Select(i => i.GetProperty("layer_arn").GetProperty("S").GetString()!).ToList();
        Assert.Equal(3, remaining.Count);
        Assert.All(remaining, arn => Assert.EndsWith(":3", arn));
    }

    [Fact]
    public void A_version_deleted_by_someone_else_between_get_and_remove_is_a_clear_non_terminating_error()
    {
        Seed();
        var layer = $"ocel-amd64-prod-gamma{_id}-0_158_0-prod";
        var script = $"$found = {Get} -Pattern \"*gamma$id*\" -SkipMetadata; " +
            "aws --endpoint-url $endpoint lambda delete-layer-version --region eu-west-1 --layer-name $layer --version-number 2 | Out-Null; " +
            "$found | Remove-OcelotLayer -Force -SkipMetadata -PassThru";
        var result = Run(script, new Dictionary<string, object?> { ["endpoint"] = _moto.Endpoint, ["layer"] = layer });
        var error = Assert.Single(result.Errors);
        Assert.Equal("LayerVersionNotFound,Ocelot.Commands.RemoveOcelotLayerCommand", error.FullyQualifiedErrorId);
        Assert.Contains("eu-west-1", error.Exception.Message);
        Assert.Equal(8, result.Output.Count(o => o.Get<bool>("Removed")));
        Assert.All(Regions, region => Assert.Empty(VersionArns(region, layer)));
    }

    [Fact]
    public void Remove_binds_LayerName_Version_and_Region_by_property_name()
    {
        Seed();
        var layer = $"ocel-amd64-prod-gamma{_id}-0_158_0-prod";
        var result = Run("[pscustomobject]@{ LayerName = $layer; Version = 1; Region = 'eu-west-1' } | Remove-OcelotLayer -Force -SkipMetadata -PassThru",
            new Dictionary<string, object?> { ["layer"] = layer }).AssertSucceeded();
        Assert.True(Assert.Single(result.Output).Get<bool>("Removed"));
        Assert.Equal(["2", "3"], VersionArns("eu-west-1", layer).Select(a => a[(a.LastIndexOf(':') + 1)..]).Order());
    }

    [Fact]
    public void AllRegions_skips_a_region_not_enabled_for_the_account_with_a_warning()
    {
        Seed();
        // ap-east-1 is opt-in on real accounts; moto 5.2.1 does not serve me-west-1 and sa-west-1 at all, so they are
        // answered the same way (as they would be on an account that has not enabled them).
        using var proxy = new FailingRegionProxy(_moto.Endpoint, "ap-east-1", notEnabled: true, "me-west-1", "sa-west-1");
        var result = Run($"Get-OcelotLayer -AllRegions -Pattern \"*gamma$id*\" -SkipMetadata -EndpointUrl {proxy.Endpoint}").AssertSucceeded();
        Assert.Equal(9, result.Output.Count);
        Assert.Equal(Regions.Order(StringComparer.Ordinal), result.Output.Select(o => o.Get<string>("Region")).Distinct());
        Assert.Contains(result.Warnings, w => w.Message.Contains("ap-east-1") && w.Message.Contains("not enabled"));
    }

    [Fact]
    public void Reports_from_a_listing_name_the_newest_version_per_region()
    {
        Seed();
        var terraform = (string)Assert.Single(Run($"{Get} -Pattern \"*alpha$id*\" -Latest | ConvertTo-OcelotReport -Format Terraform").AssertSucceeded().Output).BaseObject;
        var expected = "locals {\n  ocelot_layer_arns = {\n    \"dev-alpha\" = {\n      \"prod\" = {\n        \"amd64\" = {\n" +
            string.Concat(Regions.Order(StringComparer.Ordinal).Select(r => $"          \"{r}\" = \"arn:aws:lambda:{r}:123456789012:layer:ocel-amd64-dev-alpha{_id}-0_158_0-prod:3\"\n")) +
            "        }\n      }\n    }\n  }\n}\n";
        Assert.Equal(expected, terraform);

        var summary = Path.Combine(Path.GetTempPath(), $"step-summary-{_id}.md");
        File.WriteAllText(summary, "# Earlier step\n");
        using var github = new EnvironmentScope().Set("GITHUB_STEP_SUMMARY", summary);
        var markdown = (string)Assert.Single(Run($"{Get} -Pattern \"*alpha$id*\" | ConvertTo-OcelotReport -AppendToStepSummary").AssertSucceeded().Output).BaseObject;
        Assert.Equal("# Earlier step\n" + markdown, File.ReadAllText(summary));
        File.Delete(summary);
        Assert.Contains("### dev-alpha Distribution", markdown);
        Assert.Equal(3, markdown.Split('\n').Count(l => l.StartsWith("| ") && l.Contains(":3` | 3 |")));
        Assert.DoesNotContain(":2`", markdown);
    }
}
