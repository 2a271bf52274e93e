using System.Runtime.Loader;
using Ocelot.Module.Tests.Harness;
using Xunit;

namespace Ocelot.Module.Tests;

/// <summary>Ocelot's third-party assemblies live in its own load context, beside other versions in the session.</summary>
public class IsolationTests
{
    [Fact]
    public void Ocelot_works_when_another_YamlDotNet_is_already_loaded_and_keeps_its_own_in_its_own_context()
    {
        // Another module's YamlDotNet (16.3.0) is in the default context before Ocelot is imported.
        var foreign = typeof(YamlDotNet.Serialization.Deserializer).Assembly;
        _ = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>("a: b");
        Assert.Equal(16, foreign.GetName().Version!.Major);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(foreign));

        var result = ModuleSession.Run("Get-OcelotDistribution minimal-forwarder").AssertSucceeded();
        Assert.Equal("minimal-forwarder", Assert.Single(result.Output).Get<string>("Name"));

        var ocelotContext = Assert.Single(AssemblyLoadContext.All, c => c.Name == "Ocelot");
        var ocelotYaml = Assert.Single(ocelotContext.Assemblies, a => a.GetName().Name == "YamlDotNet");
        Assert.Equal(18, ocelotYaml.GetName().Version!.Major);
        Assert.StartsWith(Path.Combine(ModuleSession.RepositoryRoot, "bin", "dependencies"), ocelotYaml.Location);
        Assert.Contains(ocelotContext.Assemblies, a => a.GetName().Name == "Ocelot.Engine");
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "Ocelot.Engine");
        Assert.Single(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "YamlDotNet");
    }
}
