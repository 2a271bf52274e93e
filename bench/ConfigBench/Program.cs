using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using Ocelot.Module.Tests.Fixtures;

// Checks a generated 500-line collector config against a built minimal-forwarder layer (the piped artifact, so types
// and signals come from metadata.yaml) and times it after the module is imported; in the same run, times `go build` of
// the same distribution in the build tree Ocelot kept. Prints medians and the ratio.
var runs = args.Length > 0 ? int.Parse(args[0]) : 20;
var bench = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
var root = Path.GetDirectoryName(bench)!;
var work = Directory.CreateTempSubdirectory("ocelot-config-bench-").FullName;
const string distribution = "minimal-forwarder";
try
{
    var proxy = Path.Combine(work, "goproxy");
    GoFixture.WriteModuleProxy(proxy);
    var upstream = Path.Combine(work, "upstream");
    GoFixture.CreateUpstreamRepository(upstream);
    foreach (var (name, value) in GoFixture.GoEnvironment(proxy, Path.Combine(work, "gomodcache")))
        Environment.SetEnvironmentVariable(name, value);
    Environment.SetEnvironmentVariable("OCELOT_CACHE", Path.Combine(work, "cache"));

    var config = Path.Combine(work, "config-500.yaml");
    var tenants = 1;
    while (LargeConfig(tenants).Count(c => c == '\n') < 500) tenants++;
    File.WriteAllText(config, LargeConfig(tenants));
    var lines = File.ReadAllLines(config).Length;

    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    PSObject artifact;
    using (var build = PowerShell.Create())
    {
        build.Runspace = runspace;
        build.AddScript($"Import-Module '{Path.Combine(root, "Ocelot.psd1")}'; Invoke-OcelotBuild {distribution} -UpstreamRepo '{upstream}' -OutputDirectory '{Path.Combine(work, "out")}' -SkipCache -KeepWorkingTree -InformationAction SilentlyContinue -WarningAction SilentlyContinue");
        artifact = build.Invoke().Single();
    }
    var tree = (string)artifact.Properties["WorkingTree"].Value;
    var tags = string.Join(",", (string[])artifact.Properties["BuildTags"].Value);

    double Check(out bool valid, out int problems)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddCommand("Test-OcelotCollectorConfig").AddParameter("Path", config).AddParameter("InputObject", artifact);
        var watch = Stopwatch.StartNew();
        var result = shell.Invoke().Single();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        valid = (bool)result.Properties["IsValid"].Value;
        problems = ((Array)result.Properties["Problems"].Value).Length;
        return elapsed;
    }

    double GoBuild(string output)
    {
        var watch = Stopwatch.StartNew();
        GoFixture.RunGo(Path.Combine(tree, "upstream", "collector"), new Dictionary<string, string> { ["GOOS"] = "linux", ["GOARCH"] = "amd64", ["CGO_ENABLED"] = "0" },
            "build", "-trimpath", "-tags", tags, "-ldflags", "-s -w", "-o", output, ".");
        return watch.Elapsed.TotalMilliseconds;
    }

    var first = Check(out var isValid, out var problemCount);
    var checks = new List<double>();
    var builds = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        checks.Add(Check(out _, out _));
        // A fresh output each time; go's build cache is warm after Ocelot's own build, as on a developer's machine.
        if (i < Math.Min(runs, 5)) builds.Add(GoBuild(Path.Combine(work, $"collector-{i}")));
    }
    var rebuildAll = GoBuild(Path.Combine(work, "collector-a")); // once more, for the record
    static double Median(List<double> values) { var s = values.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
    Console.WriteLine($"config: {lines} lines, {distribution} artifact, valid={isValid}, {problemCount} problem(s); {Environment.ProcessorCount} cores");
    Console.WriteLine($"Test-OcelotCollectorConfig first call  {first,8:F1} ms");
    Console.WriteLine($"Test-OcelotCollectorConfig median      {Median(checks),8:F1} ms   ({runs} runs; goal < 50 ms)");
    Console.WriteLine($"go build (same distribution) median    {Median(builds),8:F1} ms   ({builds.Count} runs, warm Go build cache; last {rebuildAll:F0} ms)");
    Console.WriteLine($"go build / config check = {Median(builds) / Median(checks):F0}x");
    Directory.Delete(tree, recursive: true);
}
finally
{
    try
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(work, "*", SearchOption.AllDirectories))
            if (!OperatingSystem.IsWindows() && !File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint)) File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) | UnixFileMode.UserWrite | UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Directory.Delete(work, recursive: true);
    }
    catch (IOException) { }
}

// A valid config for minimal-forwarder with one OTLP/HTTP exporter per tenant, a batch processor and a pair of pipelines
// per four tenants, as a large multi-tenant forwarder config would have them.
static string LargeConfig(int tenantCount)
{
    var text = new StringBuilder();
    text.AppendLine("extensions:\n  asmauthextension/default:\n    secret_name: forwarder/default\n    region: us-east-1\n    header_key: auth");
    var tenants = Enumerable.Range(0, tenantCount).ToList();
    var body = new StringBuilder();
    foreach (var i in tenants)
    {
        body.AppendLine($"  otlphttp/tenant{i}:\n    endpoint: ${{secretsmanager:forwarder/tenant{i}#endpoint}}\n    compression: gzip\n    timeout: 5s\n    auth:\n      authenticator: asmauthextension/default");
    }
    text.AppendLine("receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: localhost:4317\n      http:\n        endpoint: localhost:4318");
    text.AppendLine("processors:");
    foreach (var i in tenants.Where(i => i % 4 == 0)) text.AppendLine($"  batch/t{i}:\n    timeout: 1s");
    text.AppendLine("  decouple:");
    text.AppendLine("connectors:\n  spaneventtolog:\n    include_span_context: true");
    text.AppendLine("exporters:");
    text.Append(body);
    text.AppendLine("service:\n  extensions: [asmauthextension/default]\n  pipelines:");
    foreach (var i in tenants.Where(i => i % 4 == 0))
    {
        var exporters = string.Join(", ", tenants.Where(t => t / 4 == i / 4).Select(t => $"otlphttp/tenant{t}"));
        text.AppendLine($"    traces/t{i}:\n      receivers: [otlp]\n      processors: [batch/t{i}, decouple]\n      exporters: [{exporters}, spaneventtolog]");
        text.AppendLine($"    metrics/t{i}:\n      receivers: [otlp]\n      processors: [batch/t{i}, decouple]\n      exporters: [{exporters}]");
    }
    text.AppendLine("    logs:\n      receivers: [spaneventtolog]\n      exporters: [otlphttp/tenant0]");
    return text.ToString();
}
