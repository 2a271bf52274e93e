using System.Diagnostics;
using Ocelot.Bench;

// Update-OcelotFunctionLayer rolling a layer version out to 200 functions in 4 regions, against the way runbooks do it
// (a sequential loop of `aws lambda update-function-configuration --layers ...`), on one moto_server, in one run.
// Both do the same work: 200 function updates. The baseline sets version 2 everywhere, Ocelot then sets version 1
// (it also reads every function's layers and keeps the others in order, which the loop does not).
string[] regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "ca-central-1"];
const int perRegion = 50;
const string account = "123456789012";
using var bench = new MotoBench();

Console.WriteLine($"Seeding {regions.Length} regions x {perRegion} functions, each with layers [other:1, otel:1] ...");
Seed();
string Layer(string region, string name, int version) => $"arn:aws:lambda:{region}:{account}:layer:{name}:{version}";

var watch = Stopwatch.StartNew();
foreach (var region in regions)
    for (var i = 0; i < perRegion; i++)
        bench.Aws("lambda", "update-function-configuration", "--region", region, "--function-name", $"fn{i:000}", "--layers", Layer(region, "other", 1), Layer(region, "otel", 2));
var baseline = watch.Elapsed.TotalSeconds;

watch.Restart();
var arns = string.Join(", ", regions.Select(r => $"'{Layer(r, "otel", 1)}'"));
var updated = bench.RunOcelot($"Update-OcelotFunctionLayer {arns} -FunctionName 'fn*' -Force -ThrottleLimit 16").Output.Count;
var ocelot = watch.Elapsed.TotalSeconds;
if (updated != regions.Length * perRegion) throw new InvalidOperationException($"Ocelot updated {updated} functions, expected {regions.Length * perRegion}.");
var check = bench.Aws("lambda", "get-function-configuration", "--region", "ca-central-1", "--function-name", "fn049", "--query", "Layers[].Arn", "--output", "text").Split('\t', StringSplitOptions.TrimEntries);
if (!check.SequenceEqual([Layer("ca-central-1", "other", 1), Layer("ca-central-1", "otel", 1)])) throw new InvalidOperationException("fn049 was not rolled out: " + string.Join(" ", check));

Console.WriteLine($"rollout to {updated} functions in {regions.Length} regions: sequential aws CLI loop {baseline:F1} s; " +
    $"Update-OcelotFunctionLayer (list, plan, update, wait for Successful) {ocelot:F1} s; ratio {ocelot / baseline:F3}x (goal <= 0.2x)");
return 0;

void Seed() => bench.Seed(
    "role = client('iam', 'us-east-1').create_role(RoleName='bench', AssumeRolePolicyDocument='{}')['Role']['Arn']\n" +
    $"for region in [{string.Join(',', regions.Select(r => $"'{r}'"))}]:\n" +
    "  arns = {}\n" +
    "  for name in ['other', 'otel', 'otel']: arns[name] = publish(region, name)\n" +
    $"  for i in range({perRegion}):\n" +
    "    client('lambda', region).create_function(FunctionName=f'fn{i:03}', Runtime='python3.12', Role=role, Handler='handler.handler', Code={'ZipFile': data},\n" +
    "      Layers=[arns['other'], arns['otel'][:-1] + '1'])\n");
