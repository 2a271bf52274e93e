using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Ocelot.Module.Tests.Fixtures;

// Builds the fixture upstream both ways in one run, alternating: Ocelot (Invoke-OcelotBuild in a hosted PowerShell)
// and the reference tool's method (bench/reference-build.sh). Prints medians and ratios.
var runs = args.Length > 0 ? int.Parse(args[0]) : 3;
var bench = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
var root = Path.GetDirectoryName(bench)!;
var work = Directory.CreateTempSubdirectory("ocelot-bench-").FullName;
try
{
    var proxy = Path.Combine(work, "goproxy");
    GoFixture.WriteModuleProxy(proxy);
    var upstream = Path.Combine(work, "upstream");
    GoFixture.CreateUpstreamRepository(upstream);
    foreach (var (name, value) in GoFixture.GoEnvironment(proxy, Path.Combine(work, "gomodcache")))
        Environment.SetEnvironmentVariable(name, value);

    const string distribution = "minimal-clickhouse";
    const string tags = "lambdacomponents.custom,lambdacomponents.exporter.clickhouse,lambdacomponents.exporter.otlphttp,lambdacomponents.processor.batch,lambdacomponents.processor.decouple,lambdacomponents.receiver.otlp";
    string[] overlay = [Path.Combine(root, "components/collector/lambdacomponents/exporter/clickhouse.go")];
    string[] modules = ["github.com/open-telemetry/opentelemetry-collector-contrib/exporter/clickhouseexporter@v0.158.0"];

    double Reference(string arch, string modCache)
    {
        Environment.SetEnvironmentVariable("GOMODCACHE", modCache);
        var watch = Stopwatch.StartNew();
        GoFixture.Run(Path.Combine(bench, "reference-build.sh"),
            [$"file://{upstream}", "main", arch, distribution, tags.Replace(',', ' '), Path.Combine(work, "out-reference"), .. overlay, "--", .. modules], work);
        return watch.Elapsed.TotalSeconds;
    }

    double Ocelot(string archList, string cache, string modCache, bool force = false)
    {
        Environment.SetEnvironmentVariable("GOMODCACHE", modCache);
        Environment.SetEnvironmentVariable("OCELOT_CACHE", cache);
        // The module is imported first, untimed, as in a user's session; the baseline script has no interpreter start either.
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using (var import = PowerShell.Create())
        {
            import.Runspace = runspace;
            import.AddScript($"Import-Module '{Path.Combine(root, "Ocelot.psd1")}'").Invoke();
        }
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        var watch = Stopwatch.StartNew();
        shell.AddScript($"Invoke-OcelotBuild -Distribution {distribution} -Arch {archList} -UpstreamRepo '{upstream}' -OutputDirectory '{Path.Combine(work, "out-ocelot")}'{(force ? " -SkipCache" : "")}");
        var output = shell.Invoke();
        if (shell.HadErrors || output.Count == 0) throw new InvalidOperationException(string.Join("; ", shell.Streams.Error));
        return watch.Elapsed.TotalSeconds;
    }

    // Warm Go's build cache (the standard library) once, untimed, so both sides start from the same place.
    Reference("amd64", Path.Combine(work, "warmup-mod"));
    Reference("arm64", Path.Combine(work, "warmup-mod"));

    var rows = new Dictionary<string, List<double>>();
    void Add(string name, double seconds) => (rows.TryGetValue(name, out var list) ? list : rows[name] = []).Add(seconds);
    for (var i = 0; i < runs; i++)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        // Cold: empty Ocelot cache and empty module cache for each side.
        Add("reference cold", Reference("amd64", Path.Combine(work, $"mod-ref-{id}")));
        Add("ocelot cold", Ocelot("amd64", Path.Combine(work, $"cache-{id}"), Path.Combine(work, $"mod-oce-{id}")));
        // Warm: the same build again.
        Add("reference warm", Reference("amd64", Path.Combine(work, $"mod-ref-{id}")));
        Add("ocelot warm", Ocelot("amd64", Path.Combine(work, $"cache-{id}"), Path.Combine(work, $"mod-oce-{id}")));
        // Both architectures: one Ocelot call against two reference runs.
        Add("reference amd64 + arm64", Reference("amd64", Path.Combine(work, $"mod-ref2-{id}")) + Reference("arm64", Path.Combine(work, $"mod-ref2-{id}")));
        Add("ocelot -Arch amd64,arm64", Ocelot("amd64,arm64", Path.Combine(work, $"cache2-{id}"), Path.Combine(work, $"mod-oce2-{id}")));
    }
    static double Median(List<double> values) { var s = values.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
    Console.WriteLine($"runs: {runs}, fixture distribution {distribution}, {Environment.ProcessorCount} cores");
    foreach (var (name, values) in rows) Console.WriteLine($"{name,-28} median {Median(values),7:F2} s   ({string.Join(", ", values.Select(v => v.ToString("F2")))})");
    Console.WriteLine($"cold:  ocelot / reference = {Median(rows["ocelot cold"]) / Median(rows["reference cold"]):F2}x (goal <= 1.0x)");
    Console.WriteLine($"warm:  reference / ocelot = {Median(rows["reference warm"]) / Median(rows["ocelot warm"]):F1}x faster (goal >= 20x)");
    Console.WriteLine($"2 archs: ocelot / (2 reference runs) = {Median(rows["ocelot -Arch amd64,arm64"]) / Median(rows["reference amd64 + arm64"]):F2}x (goal < 1.0x)");
}
finally
{
    Directory.Delete(work, recursive: true);
}
