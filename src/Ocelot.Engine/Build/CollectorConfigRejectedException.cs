using Ocelot.Engine.CollectorConfig;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Build;

/// <summary>A distribution's collector config does not fit its layer: the build stopped before compiling.</summary>
public sealed class CollectorConfigRejectedException(string distribution, OcelotCollectorConfigResult report)
    : OcelotException(ErrorIds.CollectorConfigInvalid, FailureKind.InvalidData,
        $"The collector config of distribution '{distribution}' ({report.Path}) does not fit its layer: " +
        $"{report.Problems.Count(p => p.Severity == ProblemSeverity.Error)} error(s). Nothing was compiled.",
        "Fix the config (the errors above say where), or change the distribution's buildtags; or build without the check.", distribution)
{
    public OcelotCollectorConfigResult Report { get; } = report;
}
