using System.Text;
using Ocelot.Engine.Distributions;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Overlay;
using SharpFuzz;

// Two fuzz targets. Each input either gives an answer or an Ocelot error (OcelotException, or FormatException for a
// build constraint); anything else escaping is a crash that AFL++ records.
//   config      the bytes are distributions.yaml (first byte even) or component_dependencies.yaml (odd), loaded
//               and every distribution resolved, as Get-OcelotDistribution does
//   constraint  the bytes are a Go source file: its //go:build line found, parsed and evaluated
// With a file argument after the target, runs that one input once (to reproduce a crash) instead of fuzzing.
if (args.Length < 1 || args[0] is not ("config" or "constraint"))
{
    Console.Error.WriteLine("usage: Ocelot.Fuzz config|constraint [input-file]");
    return 2;
}
// bench/fuzz.sh gives a scratch folder inside its work folder: AFL++ kills the target at the end, so it cannot clean up.
var folder = Environment.GetEnvironmentVariable("OCELOT_FUZZ_SCRATCH") is { Length: > 0 } scratch
    ? Directory.CreateDirectory(Path.Combine(scratch, Environment.ProcessId.ToString())).FullName
    : Directory.CreateTempSubdirectory("ocelot-fuzz-").FullName;
Action<byte[]> target = args[0] == "config" ? bytes => LoadConfig(bytes, folder) : ReadConstraint;
if (args.Length > 1)
{
    try { target(File.ReadAllBytes(args[1])); }
    finally { Directory.Delete(folder, recursive: true); }
    return 0;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;

static void LoadConfig(byte[] bytes, string folder)
{
    var distributions = Path.Combine(folder, ConfigLocation.DistributionsFileName);
    var dependencies = Path.Combine(folder, ConfigLocation.DependenciesFileName);
    var asDependencies = bytes.Length > 0 && bytes[0] % 2 == 1;
    File.WriteAllBytes(distributions, asDependencies ? "minimal:\n  buildtags: [lambdacomponents.custom]\n"u8.ToArray() : bytes);
    if (asDependencies) File.WriteAllBytes(dependencies, bytes);
    else File.Delete(dependencies);
    try
    {
        var catalog = DistributionCatalog.Load(new ConfigLocation(distributions, "fuzz"), OverlayCatalog.Empty);
        foreach (var name in catalog.Names)
            if (catalog.ProblemsOf(name).Count == 0) _ = catalog.Resolve(name);
    }
    catch (OcelotException)
    {
    }
}

static void ReadConstraint(byte[] bytes)
{
    try
    {
        var constraint = BuildConstraint.FromGoSource(Encoding.UTF8.GetString(bytes), "fuzz.go");
        if (constraint is null) return;
        var tags = constraint.Tags.Where((_, i) => i % 2 == 0).ToHashSet(StringComparer.Ordinal);
        _ = constraint.Evaluate(tags);
        _ = constraint.ToString();
    }
    catch (FormatException)
    {
    }
}
