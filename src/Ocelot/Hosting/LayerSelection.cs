using System.Management.Automation;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Inventory;

namespace Ocelot.Hosting;

/// <summary>What Get-OcelotLayer and Remove-OcelotLayer -Pattern share: turning parameters (PowerShell wildcards) into a query.</summary>
internal static class LayerSelection
{
    public static LayerQuery Query(string[] patterns, string[]? regions, bool allRegions, string metadataTable,
        Func<string, string> metadataRegion, AwsConnection connection, int throttleLimit)
    {
        AwsConnection.ValidateEndpoint(connection.EndpointUrl);
        var resolved = allRegions ? AwsRegion.Commercial : connection.ResolveRegions(regions);
        var wildcards = patterns.Select(Wildcard).ToList();
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

    /// <summary>A bad pattern is one input error before any request, not a failure in every region it would be matched in.</summary>
    private static WildcardPattern Wildcard(string pattern)
    {
        var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
        try
        {
            wildcard.IsMatch(string.Empty); // the pattern is parsed on first use
            return wildcard;
        }
        catch (WildcardPatternException ex)
        {
            throw new OcelotException(ErrorIds.LayerPatternInvalid, FailureKind.InvalidArgument,
                $"-Pattern '{pattern}' is not a valid wildcard pattern: {ex.Message}",
                "Use * and ? as wildcards; write a literal [ or ] as `[ or `] (or use [[] and []]).", pattern, ex);
        }
    }
}
