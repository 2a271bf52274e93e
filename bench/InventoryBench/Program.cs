using System.Diagnostics;
using Ocelot.Bench;

// Get-OcelotLayer -AllRegions against the reference's way (a sequential loop of `aws lambda list-layers` and
// `list-layer-versions` per region), then pruning 100 versions against a sequential `delete-layer-version` loop,
// on one moto_server, in one run.
string[] regions = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-central-1", "eu-north-1",
    "ap-southeast-1", "ap-southeast-2", "ap-northeast-1"];
using var bench = new MotoBench();

Console.WriteLine("Seeding 12 regions x 20 layers x 5 versions, and 100 versions to prune ...");
bench.Seed($"regions={string.Join(',', regions.Select(r => $"'{r}'"))}\nfor region in regions:\n  for layer in range(20):\n    for version in range(5): publish(region, f'ocel-amd64-inv{{layer}}-0_158_0-prod')\n" +
     "for region in ['us-east-1', 'eu-west-1', 'ap-southeast-1', 'ca-central-1']:\n  for layer in range(5):\n    for version in range(5): publish(region, f'prune-amd64-p{layer}-0_158_0-dev')\n");
bench.RunOcelot("Initialize-OcelotMetadataTable -Region us-east-1 -Confirm:$false");

var watch = Stopwatch.StartNew();
var calls = 0;
foreach (var region in regions)
{
    var layers = System.Text.Json.JsonDocument.Parse(bench.Aws("lambda", "list-layers", "--region", region, "--output", "json")).RootElement
        .GetProperty("Layers").EnumerateArray().Select(l => l.GetProperty("LayerName").GetString()!).ToList();
    calls++;
    foreach (var layer in layers) { bench.Aws("lambda", "list-layer-versions", "--region", region, "--layer-name", layer.Trim()); calls++; }
}
var baselineList = watch.Elapsed.TotalSeconds;

watch.Restart();
// moto 5.2.1 does not serve two regions the SDK knows (me-west-1, sa-west-1): their errors are ignored here.
var listed = bench.RunOcelot("Get-OcelotLayer -AllRegions -Pattern 'ocel-*' -ErrorAction SilentlyContinue").Output.Count;
var ocelotList = watch.Elapsed.TotalSeconds;

var pruneArns = bench.RunOcelot("Get-OcelotLayer -Region us-east-1, eu-west-1, ap-southeast-1, ca-central-1 -Pattern 'prune-*' -SkipMetadata | ForEach-Object { \"$($_.Region) $($_.LayerName) $($_.Version)\" }").Output;
// The baseline deletes the first half of them one by one; Ocelot lists and prunes the other half.
watch.Restart();
foreach (var line in pruneArns.Take(50))
{
    var parts = line.Split(' ');
    bench.Aws("lambda", "delete-layer-version", "--region", parts[0], "--layer-name", parts[1], "--version-number", parts[2]);
}
var baselinePrune = watch.Elapsed.TotalSeconds;
watch.Restart();
bench.RunOcelot("Get-OcelotLayer -Region us-east-1, eu-west-1, ap-southeast-1, ca-central-1 -Pattern 'prune-*' | Remove-OcelotLayer -Force");
var ocelotPrune = watch.Elapsed.TotalSeconds;

Console.WriteLine($"listing: reference loop ({calls} aws CLI calls over {regions.Length} regions): {baselineList:F1} s; " +
    $"Get-OcelotLayer -AllRegions (every commercial region, {listed} versions, with metadata lookup): {ocelotList:F1} s; ratio {ocelotList / baselineList:F3}x (goal <= 0.25x)");
Console.WriteLine($"pruning 50 versions: reference delete loop {baselinePrune:F1} s; Get-OcelotLayer | Remove-OcelotLayer (list + delete + metadata) {ocelotPrune:F1} s; ratio {ocelotPrune / baselinePrune:F3}x");
return 0;

