using Ocelot.Module.Tests.Harness;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>Module sessions pointed at a moto_server by parameters (kept apart from <see cref="MotoServer"/>, which bench/ compiles without the test host).</summary>
public static class MotoSession
{
    /// <summary>Runs <paramref name="script"/> in a fresh module session whose Ocelot cmdlets get this server's <see cref="MotoServer.Parameters"/>.</summary>
    public static PipelineResult Run(this MotoServer moto, string script, IReadOnlyDictionary<string, object?>? variables = null) =>
        ModuleSession.Run(script, variables, parameters: moto.Parameters);
}
