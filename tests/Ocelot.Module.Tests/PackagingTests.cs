using System.Diagnostics;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

public class PackagingTests
{
    [Fact]
    public void Build_script_Package_lays_out_a_self_contained_module_folder_with_a_valid_manifest()
    {
        using var output = new TempFolder();
        var result = ModuleSession.Run("& $script -Package -PackageOutput $out *>&1 | Out-Null; $LASTEXITCODE",
            new Dictionary<string, object?> { ["script"] = Path.Combine(ModuleSession.RepositoryRoot, "build.ps1"), ["out"] = output.Path },
            importModule: false).AssertSucceeded();
        Assert.Equal(0, (int)result.Output.Last().BaseObject);

        var versionFolder = Assert.Single(Directory.GetDirectories(Path.Combine(output.Path, "Ocelot")));
        string[] expected = [
            "Ocelot.psd1", "LICENSE", "README.md", "bin/Ocelot.dll", "bin/Ocelot.Format.ps1xml",
            "bin/dependencies/Ocelot.Engine.dll", "bin/dependencies/Ocelot.Engine.deps.json", "bin/dependencies/YamlDotNet.dll",
            "config/distributions.yaml", "config/component_dependencies.yaml", "config/collector-configs/forwarder.yaml", "config/collector-configs/otlphttp-forwarder.yaml",
            "components/collector/lambdacomponents/exporter/clickhouse.go", "components/collector/lambdacomponents/extension/asmauthextension.go", "en-US/about_Ocelot.help.txt", "en-US/Ocelot.dll-Help.xml",
        ];
        Assert.All(expected, file => Assert.True(File.Exists(Path.Combine(versionFolder, file)), $"missing {file}"));
        Assert.False(File.Exists(Path.Combine(versionFolder, "bin", "Ocelot.Engine.dll")), "the engine must not sit beside Ocelot.dll");

        var manifest = ModuleSession.Run("(Test-ModuleManifest -Path $m).Version.ToString()",
            new Dictionary<string, object?> { ["m"] = Path.Combine(versionFolder, "Ocelot.psd1") }, importModule: false).AssertSucceeded();
        Assert.Equal(Path.GetFileName(versionFolder), Assert.Single(manifest.Output).BaseObject);
    }
}
