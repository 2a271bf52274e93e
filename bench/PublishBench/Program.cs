using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security.Cryptography;

// Publish-OcelotLayer against the reference's way (one `aws lambda publish-layer-version` per region, in sequence),
// against one moto_server, in one run; then the peak memory of a 60 MB S3-staged publish in a child process.
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
var manifest = Path.Combine(root, "Ocelot.psd1");

if (args is ["--staged-child", var zipPath, var distribution])
{
    // Child mode: one staged publish, then report this process's peak resident memory (VmHWM).
    var error = RunOcelot($"Publish-OcelotLayer -Path '{zipPath}' -Distribution {distribution} -Architecture amd64 -CollectorVersion v0.158.0 " +
        "-Region us-east-1 -S3Bucket ocelot-bench-stage -SkipMetadata -Confirm:$false");
    Console.WriteLine(error ?? PeakResidentMegabytes().ToString("F0"));
    return error is null ? 0 : 1;
}
if (args is ["--idle-child"])
{
    Console.WriteLine(RunOcelot("Get-OcelotDistribution minimal") ?? PeakResidentMegabytes().ToString("F0"));
    return 0;
}

var runs = args.Length > 0 ? int.Parse(args[0]) : 3;
string[] regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1"];
using var moto = new MotoServer();
foreach (var (name, value) in moto.ClientEnvironment()) Environment.SetEnvironmentVariable(name, value);
var work = Directory.CreateTempSubdirectory("ocelot-publish-bench-").FullName;
try
{
    var zip = Path.Combine(work, "layer-20mb.zip");
    WriteZip(zip, 20);
    RunOcelot("Initialize-OcelotMetadataTable -Region us-east-1 -Confirm:$false");

    var reference = new List<double>();
    var ocelot = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        foreach (var region in regions)
            Run("aws", ["--endpoint-url", moto.Endpoint, "lambda", "publish-layer-version", "--region", region, "--layer-name", $"reference-{i}",
                "--zip-file", $"fileb://{zip}", "--compatible-architectures", "x86_64", "--description", "md5: x"]);
        reference.Add(watch.Elapsed.TotalSeconds);

        watch.Restart();
        var error = RunOcelot($"Publish-OcelotLayer -Path '{zip}' -Distribution bench{i} -Architecture amd64 -CollectorVersion v0.158.0 " +
            $"-Region {string.Join(',', regions)} -MetadataRegion us-east-1 -Confirm:$false");
        if (error is not null) throw new InvalidOperationException(error);
        ocelot.Add(watch.Elapsed.TotalSeconds);
    }
    static double Median(List<double> v) { var s = v.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
    Console.WriteLine($"runs: {runs}; 20 MB zip to {regions.Length} regions on moto; {Environment.ProcessorCount} cores");
    Console.WriteLine($"reference (aws lambda publish-layer-version per region, sequential): median {Median(reference):F2} s ({string.Join(", ", reference.Select(v => v.ToString("F2")))})");
    Console.WriteLine($"Publish-OcelotLayer (dedupe check, publish, metadata; parallel):      median {Median(ocelot):F2} s ({string.Join(", ", ocelot.Select(v => v.ToString("F2")))})");
    Console.WriteLine($"ratio ocelot / reference = {Median(ocelot) / Median(reference):F2}x (goal <= 0.35x)");

    Run("aws", ["--endpoint-url", moto.Endpoint, "s3api", "create-bucket", "--bucket", "ocelot-bench-stage", "--region", "us-east-1"]);
    var big = Path.Combine(work, "layer-60mb.zip");
    WriteZip(big, 60);
    var self = Environment.ProcessPath!;
    var selfArgs = self.EndsWith("dotnet") ? new[] { typeof(Program).Assembly.Location } : [];
    var idle = Run(self, [.. selfArgs, "--idle-child"]).Trim();
    var staged = Run(self, [.. selfArgs, "--staged-child", big, "staged"]).Trim();
    Console.WriteLine($"peak resident memory, 60 MB S3-staged publish: {staged} MB; same process importing the module only: {idle} MB; " +
        $"difference {double.Parse(staged) - double.Parse(idle):F0} MB for a 60 MB zip");
}
finally
{
    Directory.Delete(work, recursive: true);
}
return 0;

string? RunOcelot(string command)
{
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddScript($"Import-Module '{manifest}'; {command}");
    shell.Invoke();
    return shell.Streams.Error.Count == 0 ? null : string.Join("; ", shell.Streams.Error);
}

static string Run(string program, IEnumerable<string> arguments) => ChildProcess.RunChecked(program, arguments);

// A layer-shaped zip of incompressible content, so its size is what is sent: an executable amd64 ELF header (Publish checks it), then random bytes.
static void WriteZip(string path, int megabytes)
{
    using var archive = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
    var collector = archive.CreateEntry("extensions/collector", System.IO.Compression.CompressionLevel.NoCompression);
    collector.ExternalAttributes = (0x8000 | 0b111_101_101) << 16;
    using var entry = collector.Open();
    var elf = new byte[64];
    elf[0] = 0x7F; elf[1] = (byte)'E'; elf[2] = (byte)'L'; elf[3] = (byte)'F'; elf[4] = 2; elf[5] = 1; elf[6] = 1; elf[16] = 2; elf[18] = 62;
    entry.Write(elf);
    for (var i = 0; i < megabytes; i++) entry.Write(RandomNumberGenerator.GetBytes(1024 * 1024));
}

static double PeakResidentMegabytes() =>
    File.ReadAllLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:")).Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).Single();
