using System.Management.Automation;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Rollout;

namespace Ocelot.Hosting;

/// <summary>Runs a layer usage lookup from a cmdlet (Get-OcelotLayer -IncludeUsage, Remove-OcelotLayer's in-use check).</summary>
internal static class LayerUsageLookup
{
    public static LayerUsage.Result Read(PSCmdlet cmdlet, IEnumerable<string> regions, AwsConnection connection, int throttleLimit, CancellationTokenSource cancellation)
    {
        LayerUsage.Result result = null!;
        var pump = new PipelinePump(cmdlet);
        pump.Run(async token => result = await new LayerUsage(connection, throttleLimit).ReadAsync(regions.ToList(), token).ConfigureAwait(false), cancellation);
        return result;
    }

    /// <summary>The versions with UsedBy filled in; a region whose functions cannot be listed writes a non-terminating error and keeps UsedBy null.</summary>
    public static IReadOnlyList<OcelotLayerVersion> WithUsage(PSCmdlet cmdlet, IReadOnlyList<OcelotLayerVersion> versions, AwsConnection connection, int throttleLimit, CancellationTokenSource cancellation)
    {
        if (versions.Count == 0) return versions;
        var usage = Read(cmdlet, versions.Select(v => v.Region), connection, throttleLimit, cancellation);
        foreach (var failure in usage.Failures) cmdlet.WriteError(ErrorRecords.From(failure));
        return versions.Select(v => usage.Regions.TryGetValue(v.Region, out var region) ? v with { UsedBy = [.. region.UsersOf(v.LayerVersionArn)] } : v).ToList();
    }
}

/// <summary>
/// Remove-OcelotLayer's check that a version is unused before it is deleted: each region's functions are listed once,
/// when its first version comes by; a version still in use is kept, with a warning naming the functions.
/// </summary>
internal sealed class LayerUsageGuard(PSCmdlet cmdlet, AwsConnection connection, CancellationTokenSource cancellation)
{
    private readonly Dictionary<string, RegionLayerUsage?> _regions = new(StringComparer.Ordinal);

    /// <returns>True when the version must be kept: it is in use, or the region's functions could not be listed (an error says why).</returns>
    public bool Keeps(string region, string layerName, long version, string? arn, string target)
    {
        if (!_regions.TryGetValue(region, out var usage))
        {
            var result = LayerUsageLookup.Read(cmdlet, [region], connection, 1, cancellation);
            foreach (var failure in result.Failures) cmdlet.WriteError(ErrorRecords.From(failure));
            _regions[region] = usage = result.Regions.GetValueOrDefault(region);
        }
        if (usage is null)
        {
            cmdlet.WriteWarning($"{target} was kept: the functions of {region} could not be listed to check that it is unused (give -SkipUsageCheck to delete it anyway).");
            return true;
        }
        var users = arn is null ? usage.UsersOf(layerName, version) : usage.UsersOf(arn);
        if (users.Count == 0) return false;
        cmdlet.WriteWarning($"{target} is still used by {users.Count} function(s) in {region}: {string.Join(", ", users)}. It was kept; " +
            "move them to another version (Update-OcelotFunctionLayer) or give -SkipUsageCheck to delete it anyway.");
        return true;
    }
}
