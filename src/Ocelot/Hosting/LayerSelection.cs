using System.Management.Automation;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Inventory;
using Ocelot.Engine.Publishing;

namespace Ocelot.Hosting;

/// <summary>What Get-OcelotLayer and Remove-OcelotLayer -Pattern share: turning parameters into a query, and running it.</summary>
internal static class LayerSelection
{
    public static LayerQuery Query(string[] patterns, string[]? regions, bool allRegions, string metadataTable,
        Func<string, string> metadataRegion, AwsConnection connection, int throttleLimit)
    {
        var resolved = allRegions ? AwsRegion.Commercial : connection.ResolveRegions(regions);
        var wildcards = patterns.Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase)).ToList();
        return new LayerQuery
        {
            Regions = resolved,
            AllRegions = allRegions,
            NameMatches = name => wildcards.Any(w => w.IsMatch(name)),
            MetadataTable = metadataTable,
            MetadataRegion = metadataRegion(resolved[0]),
            Connection = connection,
            ThrottleLimit = throttleLimit,
        };
    }

    /// <summary>Runs the listing; a failing region writes a non-terminating error and the others are still returned.</summary>
    public static IReadOnlyList<LayerVersionInfo> List(PSCmdlet cmdlet, LayerQuery query, CancellationTokenSource cancellation)
    {
        LayerInventory.Result? result = null;
        var pump = new PipelinePump(cmdlet);
        pump.Run(async token => result = await new LayerInventory(query).ListAsync(pump, token).ConfigureAwait(false), cancellation);
        foreach (var failure in result!.Failures) cmdlet.WriteError(ErrorRecords.From(failure));
        return result.Versions;
    }
}
