using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Ocelot.Module.Tests.Fixtures;

// Get-OcelotLayer -AllRegions against the reference's way (a sequential loop of `aws lambda list-layers` and
// `list-layer-versions` per region), then pruning 100 versions against a sequential `delete-layer-version` loop,
// on one moto_server, in one run.
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
string[] regions = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-central-1", "eu-north-1",
    "ap-southeast-1", "ap-southeast-2", "ap-northeast-1"];
using var moto = new MotoServer();
foreach (var (name, value) in moto.Environment()) Environment.SetEnvironmentVariable(name, value);

Console.WriteLine("Seeding 12 regions x 20 layers x 5 versions, and 100 versions to prune ...");
Seed($"regions={string.Join(',', regions.Select(r => $"'{r}'"))}\nfor region in regions:\n  for layer in range(20):\n    for version in range(5): publish(region, f'ocel-amd64-inv{{layer}}-0_158_0-prod')\n" +
     "for region in ['us-east-1', 'eu-west-1', 'ap-southeast-1', 'ca-central-1']:\n  for layer in range(5):\n    for version in range(5): publish(region, f'prune-amd64-p{layer}-0_158_0-dev')\n");
RunOcelot("Initialize-OcelotMetadataTable -Region us-east-1 -Confirm:$false");

var watch = Stopwatch.StartNew();
var calls = 0;
foreach (var region in regions)
{
    var layers = System.Text.Json.JsonDocument.Parse(Aws("lambda", "list-layers", "--region", region, "--output", "json")).RootElement
        .GetProperty("Layers").EnumerateArray().Select(l => l.GetProperty("LayerName").GetString()!).ToList();
    calls++;
    foreach (var layer in layers) { Aws("lambda", "list-layer-versions", "--region", region, "--layer-name", layer.Trim()); calls++; }
}
var baselineList = watch.Elapsed.TotalSeconds;

watch.Restart();
// moto 5.2.1 does not serve two regions the SDK knows (me-west-1, sa-west-1): their errors are ignored here.
var listed = RunOcelotLines("Get-OcelotLayer -AllRegions -Pattern 'ocel-*' -ErrorAction SilentlyContinue").Count;
var ocelotList = watch.Elapsed.TotalSeconds;

var pruneArns = RunOcelotLines("Get-OcelotLayer -Region us-east-1, eu-west-1, ap-southeast-1, ca-central-1 -Pattern 'prune-*' -SkipMetadata | ForEach-Object { \"$($_.Region) $($_.LayerName) $($_.Version)\" }");
// The baseline deletes the first half of them one by one; Ocelot lists and prunes the other half.
watch.Restart();
foreach (var line in pruneArns.Take(50))
{
    var parts = line.Split(' ');
    Aws("lambda", "delete-layer-version", "--region", parts[0], "--layer-name", parts[1], "--version-number", parts[2]);
}
var baselinePrune = watch.Elapsed.TotalSeconds;
watch.Restart();
RunOcelot("Get-OcelotLayer -Region us-east-1, eu-west-1, ap-southeast-1, ca-central-1 -Pattern 'prune-*' | Remove-OcelotLayer -Force");
var ocelotPrune = watch.Elapsed.TotalSeconds;

Console.WriteLine($"listing: reference loop ({calls} aws CLI calls over {regions.Length} regions): {baselineList:F1} s; " +
    $"Get-OcelotLayer -AllRegions (every commercial region, {listed} versions, with metadata lookup): {ocelotList:F1} s; ratio {ocelotList / baselineList:F3}x (goal <= 0.25x)");
Console.WriteLine($"pruning 50 versions: reference delete loop {baselinePrune:F1} s; Get-OcelotLayer | Remove-OcelotLayer (list + delete + metadata) {ocelotPrune:F1} s; ratio {ocelotPrune / baselinePrune:F3}x");
return 0;

void Seed(string body)
{
    var script = "import boto3, io, zipfile\nb = io.BytesIO()\nwith zipfile.ZipFile(b, 'w') as z: z.writestr('extensions/collector', 'x')\ndata = b.getvalue()\nclients = {}\n" +
        $"def publish(region, name):\n  c = clients.setdefault(region, boto3.client('lambda', endpoint_url='{moto.Endpoint}', region_name=region))\n" +
        "  c.publish_layer_version(LayerName=name, Content={'ZipFile': data}, CompatibleArchitectures=['x86_64'])\n" + body;
    var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardError = true };
    using var python = Process.Start(start)!;
    python.StandardInput.Write(script);
    python.StandardInput.Close();
    var error = python.StandardError.ReadToEnd();
    python.WaitForExit();
    if (python.ExitCode != 0) throw new InvalidOperationException(error);
}

string Aws(params string[] arguments)
{
    var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { "--endpoint-url", moto.Endpoint }.Concat(arguments)) start.ArgumentList.Add(argument);
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException(process.StandardError.ReadToEnd());
    return output;
}

void RunOcelot(string command) => RunOcelotLines(command);

List<string> RunOcelotLines(string command)
{
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddScript($"Import-Module '{Path.Combine(root, "Ocelot.psd1")}'; {command}");
    return shell.Invoke().Select(o => o?.ToString() ?? string.Empty).ToList();
}
