using System.Diagnostics;
using Ocelot.Engine.Distributions;

namespace Ocelot.Engine.Tests.Distributions;

/// <summary>Ocelot's check of a component dependency spec agrees with the real <c>go mod edit -require</c>.</summary>
public sealed class GoModuleRequirementTests
{
    [Theory]
    [InlineData("github.com/x/y@v1.2.3")]
    [InlineData("github.com/x/y@v0.0.0-20240101000000-abcdefabcdef")]
    [InlineData("github.com/x/y/v2@v2.1.0")]
    [InlineData("github.com/x/y@v2.0.0+incompatible")]
    [InlineData("github.com/x/y/v2@v2.0.0+incompatible")]
    [InlineData("go.opentelemetry.io/collector/exporter@v0.158.0")]
    [InlineData("gopkg.example.com/a_b~c.d-e@v1.0.0-rc.1")]
    [InlineData("github.com/x/y@v2.0.0")]
    [InlineData("github.com/x/y/v2@v3.0.0")]
    [InlineData("github.com/x/y/v1@v1.0.0")]
    [InlineData("GitHub.com/x/y@v1.0.0")]
    [InlineData("localhost/x@v1.0.0")]
    [InlineData("-x.com/y@v1.0.0")]
    [InlineData("github.com/x/.y@v1.0.0")]
    [InlineData("github.com/x/y.@v1.0.0")]
    [InlineData("github.com//y@v1.0.0")]
    [InlineData("github.com/x/y/@v1.0.0")]
    [InlineData("github.com/x/con@v1.0.0")]
    [InlineData("github.com/x/GIT~1@v1.0.0")]
    [InlineData("github.com/x/y z@v1.0.0")]
    public void Ocelot_accepts_exactly_the_specs_go_accepts_by_its_module_rules(string spec)
    {
        var (goAccepts, goSays) = AskGo(spec);
        var ocelotAccepts = GoModuleRequirement.TryParse(spec, out _, out var why);
        Assert.True(goAccepts == ocelotAccepts, $"go {(goAccepts ? "accepts" : "refuses: " + goSays)}; Ocelot {(ocelotAccepts ? "accepts" : "refuses: " + why)}");
    }

    /// <summary>go treats these as queries to resolve over the network (offline: a failure mid-build); Ocelot asks for the exact version up front.</summary>
    [Theory]
    [InlineData("github.com/x/y@v1.2")]
    [InlineData("github.com/x/y@1.2.3")]
    [InlineData("github.com/x/y@v01.0.0")]
    [InlineData("github.com/x/y@latest")]
    [InlineData("github.com/x/y@v1.0.0-rc.01")]
    public void Version_queries_go_would_resolve_online_are_refused_up_front(string spec)
    {
        var (_, goSays) = AskGo(spec);
        Assert.Contains("errors parsing go.mod", goSays);
        Assert.Contains("module lookup disabled by GOPROXY=off", goSays);
        Assert.False(GoModuleRequirement.TryParse(spec, out _, out var why));
        Assert.Matches("full semantic version|leading zero", why);
    }

    /// <summary>
    /// Writes the requirement with <c>go mod edit</c> (which checks the path) and reads the module graph with
    /// GOPROXY=off: a spec go's rules accept gets as far as a module lookup, one they refuse is "malformed"; a
    /// version that is not canonical semver is a query, looked up while parsing go.mod.
    /// </summary>
    private static (bool Accepts, string Says) AskGo(string spec)
    {
        var folder = Directory.CreateTempSubdirectory("ocelot-gomod-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "go.mod"), "module example.com/m\n\ngo 1.19\n");
            var (editCode, editSays) = Go(folder, "mod", "edit", $"-require={spec}");
            if (editCode != 0) return (false, editSays);
            var (_, listSays) = Go(folder, "list", "-m", "-mod=mod", "all");
            var accepted = listSays.Contains("module lookup disabled by GOPROXY=off") && !listSays.Contains("malformed") && !listSays.Contains("errors parsing go.mod");
            return (accepted, listSays);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int ExitCode, string Says) Go(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("go") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["GOFLAGS"] = string.Empty;
        start.Environment["GOTOOLCHAIN"] = "local";
        start.Environment["GOPROXY"] = "off";
        start.Environment["GOWORK"] = "off";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, (errors + output.Result).Trim());
    }
}
