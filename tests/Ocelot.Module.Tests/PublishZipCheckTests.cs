using System.IO.Compression;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>Publish-OcelotLayer -Path opens the zip first: a zip that could not work as a layer is refused before any AWS request.</summary>
public sealed class PublishZipCheckTests : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoServer _moto;
    private readonly TempFolder _files = new("ocelot-zipcheck-");

    public PublishZipCheckTests(MotoServer moto)
    {
        _moto = moto;
    }

    public void Dispose()
    {
        _files.Dispose();
    }

    private string PlainZip(string name, params (string Entry, byte[] Content)[] entries)
    {
        var path = Path.Combine(_files.Path, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            var created = zip.CreateEntry(entry);
            created.ExternalAttributes = (0x8000 | 0b111_101_101) << 16;
            using var stream = created.Open();
            stream.Write(content);
        }
        return path;
    }

    public static TheoryData<string, string> BadZips => new()
    {
        { "random-collector", "is not an ELF executable" },
        { "arm64-declared-amd64", "built for arm64, but the layer is declared amd64" },
        { "no-collector", "has no 'extensions/collector'" },
        { "climbing-entry", "absolute or climbs out" },
        { "absolute-entry", "absolute or climbs out" },
        { "not-a-zip", "not a readable zip" },
    };

    private string Make(string kind) => kind switch
    {
        "random-collector" => PlainZip(kind + ".zip", ("extensions/collector", System.Security.Cryptography.RandomNumberGenerator.GetBytes(500))),
        "arm64-declared-amd64" => LayerZips.Write(Path.Combine(_files.Path, kind + ".zip"), machine: LayerZips.Arm64),
        "no-collector" => PlainZip(kind + ".zip", ("collector-config/config.yaml", "receivers: {}\n"u8.ToArray())),
        "climbing-entry" => LayerZips.Write(Path.Combine(_files.Path, kind + ".zip"), extra: ("../../../tmp/ocelot-planted", "x")),
        "absolute-entry" => LayerZips.Write(Path.Combine(_files.Path, kind + ".zip"), extra: ("/etc/cron.d/ocelot", "x")),
        _ => _files.Write(kind + ".zip", "this is text, not a zip"),
    };

    [Theory]
    [MemberData(nameof(BadZips))]
    public void A_zip_that_cannot_work_as_a_layer_is_refused_before_any_AWS_request(string kind, string expected)
    {
        using var proxy = new LostReplyProxy(_moto.Endpoint, (_, _) => false, 0);
        var distribution = "zipcheck-" + Guid.NewGuid().ToString("N")[..6];
        var result = _moto.Run($"Publish-OcelotLayer -Path '{Make(kind)}' -Distribution {distribution} -Architecture amd64 -CollectorVersion v0.158.0 " +
            $"-Region us-east-1, eu-west-1 -EndpointUrl {proxy.Endpoint} -Confirm:$false");
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("LayerZipInvalid,Ocelot.Commands.PublishOcelotLayerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains(expected, error.Exception.Message);
        Assert.EndsWith(kind + ".zip", (string)error.TargetObject);
        Assert.NotNull(error.ErrorDetails?.RecommendedAction);
        Assert.Empty(result.Output);
        Assert.Empty(proxy.Requests);
        var layers = _moto.Cli("lambda", "list-layers", "--region", "us-east-1").GetProperty("Layers").EnumerateArray();
        Assert.DoesNotContain(layers, l => l.GetProperty("LayerName").GetString()!.Contains(distribution));
    }

    [Fact]
    public void An_arm64_zip_declared_arm64_publishes_with_the_arm64_architecture()
    {
        var distribution = "zipcheck-" + Guid.NewGuid().ToString("N")[..6];
        var zip = LayerZips.Write(Path.Combine(_files.Path, "arm.zip"), machine: LayerZips.Arm64);
        var result = _moto.Run($"Publish-OcelotLayer -Path '{zip}' -Distribution {distribution} -Architecture arm64 -CollectorVersion v0.158.0 " +
            "-Region us-east-1 -SkipMetadata -Confirm:$false").AssertSucceeded();
        Assert.Equal($"ocel-arm64-{distribution}-0_158_0-prod", Assert.Single(result.Output).Get<string>("LayerName"));
    }
}
