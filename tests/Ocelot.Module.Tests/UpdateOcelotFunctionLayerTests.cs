using System.IO.Compression;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>Update-OcelotFunctionLayer against moto_server: functions created and checked with the AWS CLI.</summary>
public sealed class UpdateOcelotFunctionLayerTests : IClassFixture<MotoServer>, IDisposable
{
    private const string Account = "123456789012";
    private readonly MotoServer _moto;
    private readonly TempFolder _files = new("ocelot-rollout-");
    private readonly string _id = Guid.NewGuid().ToString("N")[..6];
    private readonly string _zip;

    public UpdateOcelotFunctionLayerTests(MotoServer moto)
    {
        _moto = moto;
        _zip = Path.Combine(_files.Path, "code.zip");
        using (var archive = ZipFile.Open(_zip, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(archive.CreateEntry("handler.py").Open()))
            writer.Write("def handler(event, context):\n    return 1\n");
        try { _moto.Cli("iam", "create-role", "--role-name", "ocelot-test", "--assume-role-policy-document", "{}"); }
        catch (AwsCliException e) when (e.Error.Contains("EntityAlreadyExists")) { }
    }

    public void Dispose()
    {
        _files.Dispose();
    }

    private string Layer(string name) => $"coll{_id}-{name}";

    private string Arn(string region, string layer, int version) => $"arn:aws:lambda:{region}:{Account}:layer:{Layer(layer)}:{version}";

    private void PublishLayer(string region, string layer, string architecture, int versions = 1)
    {
        for (var i = 0; i < versions; i++)
            _moto.Cli("lambda", "publish-layer-version", "--region", region, "--layer-name", Layer(layer), "--zip-file", "fileb://" + _zip,
                "--compatible-architectures", architecture);
    }

    private void CreateFunction(string region, string name, string architecture, string[] layers, string? tag = null)
    {
        var arguments = new List<string> { "lambda", "create-function", "--region", region, "--function-name", $"{name}{_id}", "--runtime", "python3.12",
            "--role", $"arn:aws:iam::{Account}:role/ocelot-test", "--handler", "handler.handler", "--zip-file", "fileb://" + _zip, "--architectures", architecture };
        if (layers.Length > 0) arguments.AddRange(["--layers", .. layers]);
        if (tag is not null) arguments.AddRange(["--tags", tag]);
        _moto.Cli([.. arguments]);
    }

    private string[] LayersOf(string region, string name) =>
        _moto.Cli("lambda", "get-function-configuration", "--region", region, "--function-name", $"{name}{_id}")
            .TryGetProperty("Layers", out var layers) ? layers.EnumerateArray().Select(l => l.GetProperty("Arn").GetString()!).ToArray() : [];

    /// <summary>
    /// us-east-1: api-a [other:1, otel:1], api-b [otel:1], worker (no layers, team=x&lt;id&gt;), arm (arm64, [otel:1]);
    /// eu-west-1: api-c [otel:1, other:1]. otel has versions 1 and 2 (x86_64) in both regions.
    /// </summary>
    private void Seed()
    {
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            PublishLayer(region, "otel", "x86_64", versions: 2);
            PublishLayer(region, "other", "x86_64");
        }
        CreateFunction("us-east-1", "api-a", "x86_64", [Arn("us-east-1", "other", 1), Arn("us-east-1", "otel", 1)]);
        CreateFunction("us-east-1", "api-b", "x86_64", [Arn("us-east-1", "otel", 1)]);
        CreateFunction("us-east-1", "worker", "x86_64", [], tag: $"team=x{_id}");
        CreateFunction("us-east-1", "arm", "arm64", [Arn("us-east-1", "otel", 1)]);
        CreateFunction("eu-west-1", "api-c", "x86_64", [Arn("eu-west-1", "otel", 1), Arn("eu-west-1", "other", 1)]);
    }

    private PipelineResult Run(string script, object? input = null) =>
        _moto.Run(script, new Dictionary<string, object?> { ["id"] = _id, ["east"] = Arn("us-east-1", "otel", 2), ["west"] = Arn("eu-west-1", "otel", 2), ["results"] = input });

    [Fact]
    public void Rollout_replaces_the_layer_in_place_in_every_region_and_piping_the_results_back_rolls_back()
    {
        Seed();
        var result = Run("Update-OcelotFunctionLayer $east, $west -FunctionName \"api-*$id\" -Force").AssertSucceeded();
        Assert.Equal(
            [($"api-a{_id}", "us-east-1", Arn("us-east-1", "otel", 1)), ($"api-b{_id}", "us-east-1", Arn("us-east-1", "otel", 1)), ($"api-c{_id}", "eu-west-1", Arn("eu-west-1", "otel", 1))],
            result.Output.Select(o => (o.Get<string>("FunctionName"), o.Get<string>("Region"), o.Get<string>("PreviousLayerVersionArn"))).OrderBy(t => t.Item1));
        Assert.All(result.Output, o => Assert.Equal("Updated", o.Get<string>("Status")));
        Assert.Equal([Arn("us-east-1", "other", 1), Arn("us-east-1", "otel", 2)], LayersOf("us-east-1", "api-a"));
        Assert.Equal([Arn("us-east-1", "otel", 2)], LayersOf("us-east-1", "api-b"));
        Assert.Equal([Arn("eu-west-1", "otel", 2), Arn("eu-west-1", "other", 1)], LayersOf("eu-west-1", "api-c"));
        Assert.Empty(LayersOf("us-east-1", "worker"));
        Assert.Equal([Arn("us-east-1", "otel", 1)], LayersOf("us-east-1", "arm")); // not chosen by name

        var rollback = Run("$results | Update-OcelotFunctionLayer -Force", result.Output.ToArray()).AssertSucceeded();
        Assert.Equal(3, rollback.Output.Count);
        Assert.All(rollback.Output, o => Assert.Equal("Updated", o.Get<string>("Status")));
        Assert.Equal([Arn("us-east-1", "other", 1), Arn("us-east-1", "otel", 1)], LayersOf("us-east-1", "api-a"));
        Assert.Equal([Arn("eu-west-1", "otel", 1), Arn("eu-west-1", "other", 1)], LayersOf("eu-west-1", "api-c"));
    }

    [Fact]
    public void WhatIf_lists_old_and_new_per_function_and_changes_nothing()
    {
        Seed();
        var result = Run("Update-OcelotFunctionLayer $east, $west -FunctionName \"api-*$id\" -WhatIf").AssertSucceeded();
        Assert.Empty(result.Output);
        foreach (var (region, name) in new[] { ("us-east-1", "api-a"), ("us-east-1", "api-b"), ("eu-west-1", "api-c") })
        {
            Assert.Contains($"Replace layer {Arn(region, "otel", 1)} -> {Arn(region, "otel", 2)}\" on target \"arn:aws:lambda:{region}:{Account}:function:{name}{_id}\"", result.HostText);
            Assert.Contains(Arn(region, "otel", 1), LayersOf(region, name));
        }
        Assert.DoesNotContain($"worker{_id}", result.HostText);
    }

    [Fact]
    public void Architecture_mismatch_and_missing_functions_are_refused_one_by_one_while_the_rest_is_rolled_out()
    {
        Seed();
        var result = Run($"Update-OcelotFunctionLayer $east -FunctionName \"arm$id\", \"api-b$id\", \"nope$id\" -Force");
        Assert.Equal($"api-b{_id}", Assert.Single(result.Output).Get<string>("FunctionName"));
        Assert.Null(result.Terminating);
        Assert.Equal(["FunctionNotFound", "LayerArchitectureMismatch"], result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).Order());
        Assert.Contains("arm64", result.Errors.Single(e => e.FullyQualifiedErrorId.StartsWith("LayerArchitectureMismatch")).Exception.Message);
        Assert.Equal([Arn("us-east-1", "otel", 1)], LayersOf("us-east-1", "arm"));
        Assert.Equal([Arn("us-east-1", "otel", 2)], LayersOf("us-east-1", "api-b"));
    }

    [Fact]
    public void Add_puts_the_layer_on_tagged_functions_that_lack_it_and_needs_a_selection()
    {
        Seed();
        var added = Run("Update-OcelotFunctionLayer $east -Tag @{ team = \"x$id\" } -Add -Force").AssertSucceeded();
        var update = Assert.Single(added.Output);
        Assert.Equal(($"worker{_id}", "Added"), (update.Get<string>("FunctionName"), update.Get<string>("Status")));
        Assert.Null(update.Value("PreviousLayerVersionArn"));
        Assert.Equal([Arn("us-east-1", "otel", 2)], LayersOf("us-east-1", "worker"));

        var again = Run("Update-OcelotFunctionLayer $east -Tag @{ team = \"x$id\" } -Add -Force").AssertSucceeded();
        Assert.Equal("Unchanged", Assert.Single(again.Output).Get<string>("Status"));

        var unbounded = Run("Update-OcelotFunctionLayer $east -Add -Force");
        Assert.StartsWith("FunctionSelectionRequired,", Assert.Single(unbounded.ErrorIds));
    }

    [Fact]
    public void Bad_arns_and_missing_layer_versions_are_errors_that_change_nothing()
    {
        Seed();
        var bad = Run("Update-OcelotFunctionLayer \"arn:aws:lambda:us-east-1:123:layer:x:1`n\" -Force");
        Assert.StartsWith("LayerVersionArnInvalid,", Assert.Single(bad.ErrorIds));
        var missing = Run($"Update-OcelotFunctionLayer '{Arn("us-east-1", "otel", 9)}' -Force");
        Assert.StartsWith("LayerVersionNotFound,", Assert.Single(missing.ErrorIds));
        Assert.Empty(missing.Output);
        Assert.Equal([Arn("us-east-1", "otel", 1)], LayersOf("us-east-1", "api-b"));
    }

    [Fact]
    public void A_function_whose_update_Lambda_refuses_and_a_failing_region_are_non_terminating()
    {
        Seed();
        // api-a keeps other:1; once that version is deleted Lambda (here moto) refuses any layer list that names it.
        _moto.Cli("lambda", "delete-layer-version", "--region", "us-east-1", "--layer-name", Layer("other"), "--version-number", "1");
        using var proxy = new FailingRegionProxy(_moto.Endpoint, "eu-west-1");
        var result = Run($"Update-OcelotFunctionLayer $east, $west -FunctionName \"api-*$id\" -Force -EndpointUrl {proxy.Endpoint}");
        Assert.Null(result.Terminating);
        Assert.Equal($"api-b{_id}", Assert.Single(result.Output).Get<string>("FunctionName"));
        Assert.Equal(["FunctionListFailed", "FunctionUpdateFailed"], result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).Order());
        Assert.Contains("eu-west-1", result.Errors.Single(e => e.FullyQualifiedErrorId.StartsWith("FunctionListFailed")).Exception.Message);
        Assert.Equal([Arn("us-east-1", "otel", 2)], LayersOf("us-east-1", "api-b"));
        Assert.Equal([Arn("us-east-1", "other", 1), Arn("us-east-1", "otel", 1)], LayersOf("us-east-1", "api-a"));
        Assert.Equal([Arn("eu-west-1", "otel", 1), Arn("eu-west-1", "other", 1)], LayersOf("eu-west-1", "api-c"));
    }

    private long[] VersionsOf(string region, string layer) =>
        _moto.Cli("lambda", "list-layer-versions", "--region", region, "--layer-name", Layer(layer)).GetProperty("LayerVersions")
            .EnumerateArray().Select(v => v.GetProperty("Version").GetInt64()).Order().ToArray();

    [Fact]
    public void Get_IncludeUsage_names_the_functions_and_published_function_versions_using_each_layer_version()
    {
        Seed();
        _moto.Cli("lambda", "publish-version", "--region", "us-east-1", "--function-name", $"api-b{_id}");
        _moto.Cli("lambda", "update-function-configuration", "--region", "us-east-1", "--function-name", $"api-b{_id}", "--layers", Arn("us-east-1", "otel", 2));
        var versions = Run("Get-OcelotLayer -Pattern \"coll$id-otel\" -Region us-east-1, eu-west-1 -SkipMetadata -IncludeUsage").AssertSucceeded().Output;
        var usedBy = versions.ToDictionary(v => v.Get<string>("LayerVersionArn"), v => v.Get<string[]>("UsedBy"));
        Assert.Equal([$"api-a{_id}", $"api-b{_id}:1", $"arm{_id}"], usedBy[Arn("us-east-1", "otel", 1)]);
        Assert.Equal([$"api-b{_id}"], usedBy[Arn("us-east-1", "otel", 2)]);
        Assert.Equal([$"api-c{_id}"], usedBy[Arn("eu-west-1", "otel", 1)]);
        Assert.Empty(usedBy[Arn("eu-west-1", "otel", 2)]);

        var plain = Run("Get-OcelotLayer -Pattern \"coll$id-otel\" -Region us-east-1 -SkipMetadata").AssertSucceeded().Output;
        Assert.All(plain, v => Assert.Null(v.Value("UsedBy")));
    }

    [Fact]
    public void Remove_keeps_a_version_still_in_use_naming_the_functions_and_SkipUsageCheck_deletes_it()
    {
        Seed();
        var removal = Run("Get-OcelotLayer -Pattern \"coll$id-otel\" -Region us-east-1 -SkipMetadata | Remove-OcelotLayer -Force -SkipMetadata -PassThru").AssertSucceeded();
        Assert.Equal(2L, Assert.Single(removal.Output).Get<long>("Version"));
        var warning = Assert.Single(removal.Warnings).Message;
        Assert.Contains(Arn("us-east-1", "otel", 1), warning);
        Assert.Contains($"api-a{_id}, api-b{_id}, arm{_id}", warning);
        Assert.Equal([1L], VersionsOf("us-east-1", "otel"));

        var byName = Run($"Remove-OcelotLayer -LayerName coll{_id}-otel -Version 1 -Region us-east-1 -Force -SkipMetadata").AssertSucceeded();
        Assert.Contains($"api-a{_id}", Assert.Single(byName.Warnings).Message);
        Assert.Equal([1L], VersionsOf("us-east-1", "otel"));

        Run($"Remove-OcelotLayer -LayerName coll{_id}-otel -Version 1 -Region us-east-1 -Force -SkipMetadata -SkipUsageCheck").AssertSucceeded();
        Assert.Empty(VersionsOf("us-east-1", "otel"));
    }
}
