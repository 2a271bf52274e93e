using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using Ocelot.Bench;
using Ocelot.Module.Tests.Fixtures;

// Copy-OcelotLayer of a 20 MB layer version to 8 regions, against the reference's way (per region in sequence:
// aws lambda get-layer-version, download Content.Location, aws lambda publish-layer-version), on one moto_server.
// moto cannot serve a layer's zip, so both read it through the same loopback stand-in (tests/.../LayerContentStandIn).
// Each side copies to 8 regions of its own, so neither finds the other's copies to reuse.
string[] baselineRegions = ["eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1"];
string[] ocelotRegions = ["us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "ap-south-1", "ap-northeast-2", "ap-northeast-3"];
using var bench = new MotoBench();
using var standIn = new LayerContentStandIn(bench.Endpoint);
var work = Directory.CreateTempSubdirectory("ocelot-copy-bench-");
try
{
    var zipPath = Path.Combine(work.FullName, "layer.zip");
    using (var archive = ZipFile.Open(zipPath, ZipArchiveMode.Create))
    using (var entry = archive.CreateEntry("extensions/collector", CompressionLevel.NoCompression).Open())
        entry.Write(RandomNumberGenerator.GetBytes(20 * 1024 * 1024));
    standIn.Serve(File.ReadAllBytes(zipPath));
    Console.WriteLine($"Publishing a {new FileInfo(zipPath).Length / 1048576.0:0.0} MB source version in us-east-1 ...");
    var source = bench.Aws("lambda", "publish-layer-version", "--region", "us-east-1", "--layer-name", "ocel-amd64-bench-0_158_0-prod", "--zip-file", "fileb://" + zipPath,
        "--compatible-architectures", "x86_64", "--description", "md5: bench", "--query", "LayerVersionArn", "--output", "text");

    var watch = Stopwatch.StartNew();
    using (var http = new HttpClient())
    {
        foreach (var region in baselineRegions)
        {
            var location = bench.Aws("lambda", "get-layer-version", "--endpoint-url", standIn.Endpoint, "--region", "us-east-1", "--layer-name", "ocel-amd64-bench-0_158_0-prod",
                "--version-number", source.Split(':')[^1], "--query", "Content.Location", "--output", "text");
            var downloaded = Path.Combine(work.FullName, $"download-{region}.zip");
            File.WriteAllBytes(downloaded, http.GetByteArrayAsync(location).GetAwaiter().GetResult());
            bench.Aws("lambda", "publish-layer-version", "--region", region, "--layer-name", "ocel-amd64-bench-0_158_0-prod", "--zip-file", "fileb://" + downloaded,
                "--compatible-architectures", "x86_64", "--description", "md5: bench");
        }
    }
    var baseline = watch.Elapsed.TotalSeconds;

    watch.Restart();
    var copies = bench.RunOcelot($"Copy-OcelotLayer '{source}' -Region {string.Join(", ", ocelotRegions)} -SkipMetadata -EndpointUrl {standIn.Endpoint} -Force").Output;
    var ocelot = watch.Elapsed.TotalSeconds;
    if (copies.Count != ocelotRegions.Length) throw new InvalidOperationException($"Ocelot made {copies.Count} copies, expected {ocelotRegions.Length}.");

    Console.WriteLine($"copy of a 20 MB version to 8 regions: download-then-publish per region in sequence {baseline:F1} s; " +
        $"Copy-OcelotLayer (one checked download, regions in parallel) {ocelot:F1} s; ratio {ocelot / baseline:F3}x");
    return 0;
}
finally
{
    work.Delete(recursive: true);
}
