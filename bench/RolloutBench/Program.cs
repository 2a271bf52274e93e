using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Ocelot.Module.Tests.Fixtures;

// Update-OcelotFunctionLayer rolling a layer version out to 200 functions in 4 regions, against the way runbooks do it
// (a sequential loop of `aws lambda update-function-configuration --layers ...`), on one moto_server, in one run.
// Both do the same work: 200 function updates. The baseline sets version 2 everywhere, Ocelot then sets version 1
// (it also reads every function's layers and keeps the others in order, which the loop does not).
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
string[] regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "ca-central-1"];
const int perRegion = 50;
const string account = "123456789012";
using var moto = new MotoServer();
foreach (var (name, value) in moto.Environment()) Environment.SetEnvironmentVariable(name, value);

Console.WriteLine($"Seeding {regions.Length} regions x {perRegion} functions, each with layers [other:1, otel:1] ...");
Seed();
string Layer(string region, string name, int version) => $"arn:aws:lambda:{region}:{account}:layer:{name}:{version}";

var watch = Stopwatch.StartNew();
foreach (var region in regions)
    for (var i = 0; i < perRegion; i++)
        Aws("lambda", "update-function-configuration", "--region", region, "--function-name", $"fn{i:000}", "--layers", Layer(region, "other", 1), Layer(region, "otel", 2));
var baseline = watch.Elapsed.TotalSeconds;

watch.Restart();
var arns = string.Join(", ", regions.Select(r => $"'{Layer(r, "otel", 1)}'"));
var updated = RunOcelot($"Update-OcelotFunctionLayer {arns} -FunctionName 'fn*' -Force -ThrottleLimit 16").Count;
var ocelot = watch.Elapsed.TotalSeconds;
if (updated != regions.Length * perRegion) throw new InvalidOperationException($"Ocelot updated {updated} functions, expected {regions.Length * perRegion}.");
var check = Aws("lambda", "get-function-configuration", "--region", "ca-central-1", "--function-name", "fn049", "--query", "Layers[].Arn", "--output", "text").Split('\t', StringSplitOptions.TrimEntries);
if (!check.SequenceEqual([Layer("ca-central-1", "other", 1), Layer("ca-central-1", "otel", 1)])) throw new InvalidOperationException("fn049 was not rolled out: " + string.Join(" ", check));

Console.WriteLine($"rollout to {updated} functions in {regions.Length} regions: sequential aws CLI loop {baseline:F1} s; " +
    $"Update-OcelotFunctionLayer (list, plan, update, wait for Successful) {ocelot:F1} s; ratio {ocelot / baseline:F3}x (goal <= 0.2x)");
return 0;

void Seed()
{
    var script = "import boto3, io, zipfile\nb = io.BytesIO()\nwith zipfile.ZipFile(b, 'w') as z: z.writestr('handler.py', 'def handler(e, c): return 1')\ndata = b.getvalue()\n" +
        $"iam = boto3.client('iam', endpoint_url='{moto.Endpoint}', region_name='us-east-1')\n" +
        "role = iam.create_role(RoleName='bench', AssumeRolePolicyDocument='{}')['Role']['Arn']\n" +
        $"for region in [{string.Join(',', regions.Select(r => $"'{r}'"))}]:\n" +
        $"  c = boto3.client('lambda', endpoint_url='{moto.Endpoint}', region_name=region)\n" +
        "  arns = {}\n" +
        "  for name in ['other', 'otel', 'otel']:\n" +
        "    arns[name] = c.publish_layer_version(LayerName=name, Content={'ZipFile': data}, CompatibleArchitectures=['x86_64'])['LayerVersionArn']\n" +
        $"  for i in range({perRegion}):\n" +
        "    c.create_function(FunctionName=f'fn{i:03}', Runtime='python3.12', Role=role, Handler='handler.handler', Code={'ZipFile': data},\n" +
        "      Layers=[arns['other'], arns['otel'][:-1] + '1'])\n";
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
    return output.Trim();
}

List<string> RunOcelot(string command)
{
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddScript($"Import-Module '{Path.Combine(root, "Ocelot.psd1")}'; {command}");
    var output = shell.Invoke().Select(o => o?.ToString() ?? string.Empty).ToList();
    foreach (var error in shell.Streams.Error) Console.Error.WriteLine($"Ocelot error: {error}");
    return output;
}
