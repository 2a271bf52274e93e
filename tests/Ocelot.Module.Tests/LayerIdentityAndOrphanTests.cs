using System.Text.Json;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>
/// Remove-OcelotLayer deletes exactly the version an object's ARN names, or nothing; metadata left without a version
/// is listed by Get-OcelotLayer -Orphaned and removed alone; malformed items never stop a listing. Against moto, with
/// the AWS CLI seeding and checking.
/// </summary>
public sealed class LayerIdentityAndOrphanTests : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoServer _moto;
    private readonly TempFolder _files = new("ocelot-identity-");
    private readonly string _id = Guid.NewGuid().ToString("N")[..6];
    private readonly string _table;
    private readonly string _layer;

    public LayerIdentityAndOrphanTests(MotoServer moto)
    {
        _moto = moto;
        _table = $"identity-{_id}";
        _layer = $"ocel-amd64-ident{_id}-0_158_0-prod";
    }

    public void Dispose()
    {
        _files.Dispose();
    }

    /// <summary>Publishes versions 1..n of the test's layer in each region with the AWS CLI; returns their ARNs by region.</summary>
    private Dictionary<string, List<string>> Seed(int versions, params string[] regions)
    {
        var arns = new Dictionary<string, List<string>>();
        foreach (var region in regions)
        {
            arns[region] = [];
            for (var v = 1; v <= versions; v++)
            {
                var zip = LayerZips.Write(Path.Combine(_files.Path, $"{region}-{v}.zip"));
                arns[region].Add(_moto.Cli("lambda", "publish-layer-version", "--region", region, "--layer-name", _layer, "--zip-file", "fileb://" + zip,
                    "--description", $"md5: {v:D32}", "--compatible-architectures", "x86_64").GetProperty("LayerVersionArn").GetString()!);
            }
        }
        return arns;
    }

    private void CreateTable() => _moto.Cli("dynamodb", "create-table", "--region", "us-east-1", "--table-name", _table, "--billing-mode", "PAY_PER_REQUEST",
        "--attribute-definitions", "AttributeName=layer_arn,AttributeType=S", "--key-schema", "AttributeName=layer_arn,KeyType=HASH");

    private void PutItem(string json) => _moto.Cli("dynamodb", "put-item", "--region", "us-east-1", "--table-name", _table, "--item", json);

    private void PutItem(string arn, long version, string region) =>
        PutItem(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["layer_arn"] = new { S = arn }, ["distribution"] = new { S = $"ident{_id}" }, ["distribution_description"] = new { S = "from the item" }, ["architecture"] = new { S = "amd64" },
            ["md5_hash"] = new { S = $"{version:D32}" }, ["version"] = new { N = version.ToString() }, ["region"] = new { S = region },
            ["base_layer_arn"] = new { S = arn[..arn.LastIndexOf(':')] }, ["public"] = new { BOOL = false },
        }));

    private List<string> ItemArns() => _moto.Cli("dynamodb", "scan", "--region", "us-east-1", "--table-name", _table).GetProperty("Items").EnumerateArray()
        .Select(i => i.GetProperty("layer_arn").GetProperty("S").GetString()!).Order(StringComparer.Ordinal).ToList();

    private List<long> Versions(string region)
    {
        try
        {
            return _moto.Cli("lambda", "list-layer-versions", "--region", region, "--layer-name", _layer).GetProperty("LayerVersions").EnumerateArray()
                .Select(v => v.GetProperty("Version").GetInt64()).Order().ToList();
        }
        catch (AwsCliException)
        {
            return [];
        }
    }

    private PipelineResult Run(string script, Dictionary<string, object?>? variables = null)
    {
        var all = new Dictionary<string, object?> { ["table"] = _table, ["layer"] = _layer, ["id"] = _id };
        foreach (var (k, v) in variables ?? []) all[k] = v;
        return _moto.Run(script, all);
    }

    private static string Forged(string arn, string? layerName = null, long? version = null, string? region = null, string status = "Listed")
    {
        var parts = arn.Split(':');
        return $"[Ocelot.OcelotLayerVersion]@{{ LayerName = '{layerName ?? parts[6]}'; Version = {version ?? long.Parse(parts[7])}; LayerVersionArn = '{arn}'; " +
               $"LayerArn = '{string.Join(':', parts[..7])}'; Region = '{region ?? parts[3]}'; Status = '{status}' }}";
    }

    [Fact]
    public void A_piped_object_whose_name_version_or_region_disagrees_with_its_ARN_deletes_nothing_and_the_others_go_on()
    {
        var arns = Seed(3, "us-east-1", "eu-west-1");
        var eu1 = arns["eu-west-1"][0];
        var otherAccount = arns["eu-west-1"][2].Replace(":123456789012:", ":222222222222:");
        var script = string.Join(", ",
            Forged(eu1, region: "us-east-1"),                  // the trap: us-east-1 has a version 1 of the same name
            Forged(eu1, version: 2),
            Forged(eu1, layerName: "ocel-amd64-other-0_158_0-prod"),
            Forged(eu1, region: ""),                           // the default region (us-east-1) is never assumed
            Forged(otherAccount),                              // same name, version and region, another account
            Forged(arns["us-east-1"][1])) + " | Remove-OcelotLayer -Force -SkipMetadata -PassThru";
        var result = Run(script);
        Assert.Equal(
            ["LayerVersionIdentityMismatch", "LayerVersionIdentityMismatch", "LayerVersionIdentityMismatch", "LayerVersionRegionMissing", "LayerVersionIdentityMismatch"],
            result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("Region 'us-east-1' (the ARN says 'eu-west-1')", result.Errors[0].Exception.Message);
        Assert.Contains("Version 2 (the ARN says 1)", result.Errors[1].Exception.Message);
        Assert.Contains("222222222222", result.Errors[4].Exception.Message);
        Assert.All(result.Errors, e => Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
        Assert.All(result.Errors, e => Assert.NotNull(e.TargetObject));
        // Only the one consistent object was deleted.
        Assert.Equal([arns["us-east-1"][1]], result.Output.Where(o => o.Get<bool>("Removed")).Select(o => o.Get<string>("LayerVersionArn")));
        Assert.Equal([1L, 3L], Versions("us-east-1"));
        Assert.Equal([1L, 2L, 3L], Versions("eu-west-1"));
    }

    [Fact]
    public void Objects_bound_by_property_name_are_checked_against_their_ARN_and_need_a_region()
    {
        var arns = Seed(2, "us-east-1", "eu-west-1");
        var eu1 = arns["eu-west-1"][0];
        var result = Run(
            "[pscustomobject]@{ LayerName = $layer; Version = 1; Region = 'us-east-1'; LayerVersionArn = $eu1 }, " +
            "[pscustomobject]@{ LayerName = $layer; Version = 1 }, " +
            "[pscustomobject]@{ LayerName = $layer; Version = 2; Region = 'eu-west-1'; LayerVersionArn = $eu2 } | Remove-OcelotLayer -Force -SkipMetadata -PassThru",
            new() { ["eu1"] = eu1, ["eu2"] = arns["eu-west-1"][1] });
        Assert.Equal(["LayerVersionIdentityMismatch", "LayerVersionRegionMissing"], result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("never assumes the default region", result.Errors[1].ErrorDetails.RecommendedAction);
        Assert.Equal([arns["eu-west-1"][1]], result.Output.Select(o => o.Get<string>("LayerVersionArn")));
        Assert.Equal([1L, 2L], Versions("us-east-1"));
        Assert.Equal([1L], Versions("eu-west-1"));
    }

    [Fact]
    public void Orphaned_metadata_is_listed_and_removing_it_removes_only_the_items()
    {
        CreateTable();
        var arns = Seed(3, "us-east-1", "eu-west-1");
        foreach (var (region, list) in arns)
            for (var i = 0; i < list.Count; i++) PutItem(list[i], i + 1, region);
        // Left behind: a version deleted outside Ocelot, and an item for a version that never existed.
        _moto.Cli("lambda", "delete-layer-version", "--region", "us-east-1", "--layer-name", _layer, "--version-number", "2");
        var never = arns["eu-west-1"][0][..arns["eu-west-1"][0].LastIndexOf(':')] + ":9";
        PutItem(never, 9, "eu-west-1");
        // Items from strangers that cannot be read: never stop the listing.
        var eu3 = arns["eu-west-1"][2];
        PutItem($$$"""{"layer_arn":{"S":"{{{eu3}}}"},"version":{"N":"3"},"code_size":{"N":"123456789012345678901234567890"}}""");
        PutItem("{\"layer_arn\":{\"S\":\"arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-ident" + _id + "x-0_158_0-prod:1\"},\"distribution\":{\"M\":{\"a\":{\"S\":\"b\"}}}}");
        PutItem($$$"""{"layer_arn":{"S":"not an arn {{{_id}}}"}}""");

        var listed = Run("Get-OcelotLayer -Orphaned -Region us-east-1, eu-west-1 -Pattern \"*ident$id*\" -MetadataTable $table -MetadataRegion us-east-1");
        Assert.Empty(listed.AllErrors);
        Assert.Equal([never, arns["us-east-1"][1]], listed.Output.Select(o => o.Get<string>("LayerVersionArn")).Order(StringComparer.Ordinal));
        Assert.All(listed.Output, o => Assert.Equal("Orphaned", o.Get<string>("Status")));
        Assert.Contains(listed.Warnings, w => w.Message.Contains($"'{eu3}'") && w.Message.Contains("'code_size'") && w.Message.Contains("not a whole number"));
        Assert.Contains(listed.Warnings, w => w.Message.Contains($"ident{_id}x") && w.Message.Contains("'distribution'"));
        Assert.Contains(listed.Warnings, w => w.Message.Contains($"not an arn {_id}"));

        // The normal listing names the malformed item too, and still lists every version.
        var normal = Run("Get-OcelotLayer -Region us-east-1, eu-west-1 -Pattern \"*ident$id*\" -MetadataTable $table -MetadataRegion us-east-1").AssertSucceeded();
        Assert.Equal(5, normal.Output.Count);
        Assert.Equal(eu3, Assert.Single(normal.Warnings, w => w.Message.Contains("malformed")).Message.Split('\'')[1]);
        Assert.Equal(4, normal.Output.Count(o => o.Value("DistributionDescription") as string == "from the item"));

        var whatIf = Run("Get-OcelotLayer -Orphaned -Region us-east-1, eu-west-1 -Pattern \"*ident$id*\" -MetadataTable $table -MetadataRegion us-east-1 | " +
            "Remove-OcelotLayer -WhatIf -MetadataTable $table -MetadataRegion us-east-1").AssertSucceeded();
        Assert.Equal(2, whatIf.HostText.Split('\n').Count(l => l.StartsWith("What if:") && l.Contains("orphaned metadata item")));
        var itemsBefore = ItemArns();

        var removed = Run("Get-OcelotLayer -Orphaned -Region us-east-1, eu-west-1 -Pattern \"*ident$id*\" -MetadataTable $table -MetadataRegion us-east-1 | " +
            "Remove-OcelotLayer -Confirm:$false -PassThru -MetadataTable $table -MetadataRegion us-east-1").AssertSucceeded();
        Assert.All(removed.Output, o => Assert.False(o.Get<bool>("Removed")));
        Assert.All(removed.Output, o => Assert.True(o.Get<bool>("MetadataRemoved")));
        Assert.Equal(itemsBefore.Except([never, arns["us-east-1"][1]]), ItemArns());
        Assert.Equal([1L, 3L], Versions("us-east-1"));
        Assert.Equal([1L, 2L, 3L], Versions("eu-west-1"));
    }

    [Fact]
    public void An_object_marked_orphaned_whose_version_exists_removes_nothing()
    {
        CreateTable();
        var arns = Seed(1, "eu-west-1");
        PutItem(arns["eu-west-1"][0], 1, "eu-west-1");
        var result = Run(Forged(arns["eu-west-1"][0], status: "Orphaned") + " | Remove-OcelotLayer -Force -PassThru -MetadataTable $table -MetadataRegion us-east-1");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("LayerVersionIdentityMismatch,", error.FullyQualifiedErrorId);
        Assert.Contains("exists in Lambda", error.Exception.Message);
        Assert.Equal([1L], Versions("eu-west-1"));
        Assert.Equal([arns["eu-west-1"][0]], ItemArns());
    }

    [Theory]
    [InlineData("Get-OcelotLayer -Pattern '[' -Region us-east-1, eu-west-1, ap-southeast-2")]
    [InlineData("Get-OcelotLayer -Pattern 'ok*', 'bad[a' -AllRegions")]
    [InlineData("Remove-OcelotLayer -Pattern 'ocel-[' -Region us-east-1, eu-west-1 -Force")]
    public void A_bad_pattern_is_one_input_error_before_any_request(string command)
    {
        using var proxy = new LostReplyProxy(_moto.Endpoint, (_, _) => false, 0);
        var result = Run($"{command} -EndpointUrl {proxy.Endpoint}");
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("LayerPatternInvalid,", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-Pattern", error.Exception.Message);
        Assert.Empty(proxy.Requests);
    }
}
