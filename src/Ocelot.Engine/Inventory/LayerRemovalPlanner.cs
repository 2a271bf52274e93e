using Ocelot.Engine.Aws;
using Ocelot.Engine.Rollout;

namespace Ocelot.Engine.Inventory;

/// <summary>
/// Decides, version by version, what one Remove-OcelotLayer call deletes: every version is named by its ARN (a name and
/// number are looked up first), each once; a version that functions still use is kept unless the usage check is skipped
/// (each region's functions are listed once, when its first version comes by).
/// </summary>
public sealed class LayerRemovalPlanner(AwsConnection connection, bool checkUsage, bool skipMetadata)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegionLayerUsage?> _usage = new(StringComparer.Ordinal);

    /// <summary>The version a piped object names, checked against its ARN; an orphaned metadata item removes only the item.</summary>
    public static LayerVersionReference Piped(string layerName, long version, string? region, string? arn, bool orphaned) =>
        LayerVersionIdentity.Resolve(layerName, version, region, arn, "the piped layer version") with { MetadataOnly = orphaned };

    /// <summary>The version given by name, number and one region (never the default region), checked against its ARN when one is given.</summary>
    public static LayerVersionReference Named(string? layerName, long version, string? region, string? arn) =>
        LayerVersionIdentity.Resolve(layerName, version, string.IsNullOrWhiteSpace(region) ? null : AwsRegion.Validate(region), arn, "the layer version");

    /// <summary>Looks up the ARN when it is not known (a failure to do so is thrown: that one version is refused).</summary>
    public async Task<RemovalDecision> ConsiderAsync(LayerVersionReference version, CancellationToken cancellationToken)
    {
        if (version.LayerVersionArn is null && !version.MetadataOnly)
            version = version with { LayerVersionArn = await LayerVersionIdentity.LookUpAsync(version, connection, cancellationToken).ConfigureAwait(false) };
        var target = version.Describe(version.LayerVersionArn);
        if (!_seen.Add(target)) return RemovalDecision.Repeat;
        var action = version.MetadataOnly ? "Remove the orphaned metadata item (the layer version no longer exists)"
            : "Delete layer version" + (skipMetadata ? string.Empty : " and its metadata item");
        var candidate = new RemovalCandidate(version, target, action);
        if (version.MetadataOnly || !checkUsage) return new RemovalDecision(candidate, null, []);

        IReadOnlyList<OcelotException> failures = [];
        if (!_usage.TryGetValue(version.Region, out var usage))
        {
            var result = await new LayerUsage(connection, 1).ReadAsync([version.Region], cancellationToken).ConfigureAwait(false);
            failures = result.Failures;
            _usage[version.Region] = usage = result.Regions.GetValueOrDefault(version.Region);
        }
        if (usage is null)
            return new RemovalDecision(null, $"{target} was kept: the functions of {version.Region} could not be listed to check that it is unused.", failures);
        var users = version.LayerVersionArn is null ? usage.UsersOf(version.LayerName, version.Version) : usage.UsersOf(version.LayerVersionArn);
        if (users.Count == 0) return new RemovalDecision(candidate, null, failures);
        return new RemovalDecision(null, $"{target} is still used by {users.Count} function(s) in {version.Region}: {string.Join(", ", users)}. It was kept; " +
            "move them to another version (Update-OcelotFunctionLayer) first.", failures);
    }
}
