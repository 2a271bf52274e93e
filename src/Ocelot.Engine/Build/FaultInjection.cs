using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Build;

/// <summary>Fails a stage on purpose (<c>$env:OCELOT_INJECT_FAULT=&lt;stage&gt;</c>), to test clean-up and messages.</summary>
public sealed class FaultInjection(string? stageName)
{
    public const string EnvironmentVariable = "OCELOT_INJECT_FAULT";

    public void Check(BuildStage stage, string target)
    {
        if (stageName is not null && stageName.Equals(stage.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new OcelotException(ErrorIds.InjectedFault, FailureKind.InvalidOperation,
                $"Injected fault in the {stage.ToString().ToLowerInvariant()} stage of {target} (${EnvironmentVariable}={stageName}).",
                $"Unset ${EnvironmentVariable} to build normally.", target);
    }
}
