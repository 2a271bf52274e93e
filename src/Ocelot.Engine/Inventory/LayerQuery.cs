using Ocelot.Engine.Aws;

namespace Ocelot.Engine.Inventory;

/// <summary>Which layer versions Get-OcelotLayer (or Remove-OcelotLayer -Pattern) wants.</summary>
public sealed record LayerQuery
{
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>True when the regions are every commercial region: one not enabled for the account is then skipped with a warning.</summary>
    public bool AllRegions { get; init; }

    /// <summary>Whether a layer name is wanted (the PowerShell side passes its wildcard matching).</summary>
    public required Func<string, bool> NameMatches { get; init; }
    public string? Distribution { get; init; }
    public string? Architecture { get; init; }
    public bool Latest { get; init; }
    public int? SkipLatest { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }
    public bool IncludeContent { get; init; }
    public bool SkipMetadata { get; init; }
    public required string MetadataTable { get; init; }
    public required string MetadataRegion { get; init; }
    public required AwsConnection Connection { get; init; }
    public int ThrottleLimit { get; init; } = 8;
}
