using System.Management.Automation;
using Ocelot.Engine.Parameters;

namespace Ocelot.Hosting;

/// <summary>Runs the SSM parameter updates of Publish-, Copy- and Remove-OcelotLayer -ParameterPath from a cmdlet.</summary>
internal static class LayerParameterSync
{
    public static void PointAt(PSCmdlet cmdlet, LayerParameterStore store, string path, IReadOnlyList<OcelotLayerVersion> versions, CancellationTokenSource cancellation)
    {
        if (versions.Count == 0) return;
        IReadOnlyList<LayerParameterChange> changes = [];
        new PipelinePump(cmdlet).Run(async token => changes = await store.PointAtAsync(path, versions, token).ConfigureAwait(false), cancellation);
        Report(cmdlet, changes);
    }

    public static void Repoint(PSCmdlet cmdlet, LayerParameterStore store, string path, IReadOnlyList<(string Region, string LayerName, long Version)> deleted, CancellationTokenSource cancellation)
    {
        if (deleted.Count == 0) return;
        IReadOnlyList<LayerParameterChange> changes = [];
        new PipelinePump(cmdlet).Run(async token => changes = await store.RepointAsync(path, deleted, token).ConfigureAwait(false), cancellation);
        Report(cmdlet, changes);
    }

    private static void Report(PSCmdlet cmdlet, IReadOnlyList<LayerParameterChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.Failure is not null) cmdlet.WriteError(ErrorRecords.From(change.Failure));
            else cmdlet.WriteVerbose(change.Value is null ? $"{change.Region}: deleted the parameter {change.Name} (no version remains)." : $"{change.Region}: {change.Name} = {change.Value}");
        }
    }
}
