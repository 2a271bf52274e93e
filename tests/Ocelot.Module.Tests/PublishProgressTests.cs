using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using Ocelot.Module.Tests.Fixtures;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>What Publish-OcelotLayer's progress bar shows: the stage really running, at a rate a terminal can show.</summary>
public sealed class PublishProgressTests : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoServer _moto;
    private readonly TempFolder _files = new("ocelot-progress-");

    public PublishProgressTests(MotoServer moto) => _moto = moto;

    public void Dispose()
    {
        _files.Dispose();
    }

    [Fact]
    public void A_small_publish_writes_a_few_progress_records_a_second_naming_each_stage()
    {
        var zip = LayerZips.Write(Path.Combine(_files.Path, "progress.zip"), bytes: 6 * 1024 * 1024);
        var distribution = "progress-" + Guid.NewGuid().ToString("N")[..6];

        var clock = Stopwatch.StartNew();
        var result = _moto.Run($"Publish-OcelotLayer -Path '{zip}' -Distribution {distribution} -Architecture amd64 -Region us-east-1 -SkipMetadata -Force")
            .AssertSucceeded();
        var seconds = clock.Elapsed.TotalSeconds;

        var region = result.Progress.Where(p => p.Activity.EndsWith(" in us-east-1", StringComparison.Ordinal)).Select(p => p.StatusDescription).ToList();
        var uploading = region.Count(s => s.StartsWith("uploading ", StringComparison.Ordinal));
        // Unthrottled, every buffer the SDK reads (6 MB in 8-80 KB reads) was a record of its own.
        Assert.InRange(uploading, 1, (int)Math.Ceiling(seconds * 4) + 2);
        Assert.InRange(result.Progress.Count, 1, (int)Math.Ceiling(seconds * 4) + 10);
        Assert.Contains("checking for a version with the same content", region);
        Assert.Contains(region, s => s.Contains("waiting for Lambda to publish", StringComparison.Ordinal));
        Assert.Equal("done", region[^1]);
    }
}
