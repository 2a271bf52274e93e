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
        // The model is shared: one copy, in the default context, so the engine's results and exception are the types scripts name.
        Assert.DoesNotContain(ocelotContext.Assemblies, a => a.GetName().Name == "Ocelot.Model");
        Assert.Single(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "Ocelot.Model");
    }

    [Fact]
    public void The_model_assembly_references_only_the_base_class_library()
    {
        // Read without loading: this project references neither the model nor the engine.
        using var stream = File.OpenRead(Path.Combine(ModuleSession.RepositoryRoot, "bin", "Ocelot.Model.dll"));
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var typeNames = metadata.TypeDefinitions.Select(t => metadata.GetString(metadata.GetTypeDefinition(t).Name)).ToList();
        Assert.Contains("OcelotException", typeNames);
        Assert.Contains("OcelotLayerVersion", typeNames);
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name == "netstandard" || name == "System" || name.StartsWith("System.", StringComparison.Ordinal),
            $"Ocelot.Model references {name}: it loads in the default context beside other modules and must hold only BCL references."));
    }

    [Fact]
    public void The_model_dll_is_beside_Ocelot_dll_and_not_in_dependencies()
    {
        Assert.True(File.Exists(Path.Combine(ModuleSession.RepositoryRoot, "bin", "Ocelot.Model.dll")));
        Assert.False(File.Exists(Path.Combine(ModuleSession.RepositoryRoot, "bin", "dependencies", "Ocelot.Model.dll")));
    }
}
