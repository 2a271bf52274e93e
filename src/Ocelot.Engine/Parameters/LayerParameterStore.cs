using System.Text.RegularExpressions;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Parameters;

/// <summary>
/// Keeps SSM parameters pointing at the newest layer version, so Terraform (<c>aws_ssm_parameter</c>) and
/// CloudFormation (<c>{{resolve:ssm:...}}</c>) find it: one String parameter per region at
/// <c>&lt;path&gt;/&lt;distribution&gt;/&lt;arch&gt;/&lt;release group&gt;</c> whose value is the version ARN.
/// </summary>
public sealed partial class LayerParameterStore
{
    private readonly AwsConnection connection;

    private LayerParameterStore(AwsConnection connection) => this.connection = connection;

    /// <summary>A store writing with the given connection's credentials.</summary>
    public static LayerParameterStore For(AwsConnection connection) => new(connection);

    /// <summary>SSM's limit on a parameter name's length (with its path).</summary>
    private const int MaxNameLength = 1011;

    /// <summary>A store writing with a copy target's credentials (another account's profile or keys).</summary>
    public static LayerParameterStore ForTarget(AwsConnection source, Copying.TargetAccount target) => new(target.Connection(source));

    public static string ValidatePath(string path)
    {
        if (!PathPattern().IsMatch(path) || path.Length > 900 || path.StartsWith("/aws", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/ssm", StringComparison.OrdinalIgnoreCase))
            throw new OcelotException(ErrorIds.ParameterPathInvalid, FailureKind.InvalidArgument,
                $"'{path}' is not a usable SSM parameter path.", "Give a path such as /ocelot/layers (segments of letters, digits, '.', '_' and '-'; not under /aws or /ssm).", path);
        return path.TrimEnd('/');
    }

    /// <returns>The parameter's name, or null when a part is missing or not a valid name segment.</returns>
    public static string? NameFor(string path, string? distribution, string? architecture, string? releaseGroup)
    {
        if (distribution is null || architecture is null || releaseGroup is null) return null;
        if (!new[] { distribution, architecture, releaseGroup }.All(p => SegmentPattern().IsMatch(p))) return null;
        var name = $"{path}/{distribution}/{architecture}/{releaseGroup}";
        return name.Length <= MaxNameLength ? name : null;
    }

    /// <summary>Points each version's parameter (in the version's region) at it; regions in parallel.</summary>
    public async Task<IReadOnlyList<LayerParameterChange>> PointAtAsync(string path, IReadOnlyList<OcelotLayerVersion> versions, CancellationToken cancellationToken)
    {
        var changes = await Task.WhenAll(versions.GroupBy(v => v.Region).Select(async region =>
        {
            using var ssm = Client(region.Key);
            var results = new List<LayerParameterChange>();
            foreach (var version in region)
            {
                var name = NameFor(path, version.Distribution, version.Architecture, version.ReleaseGroup);
                if (name is null)
                {
                    results.Add(new LayerParameterChange(region.Key, $"{path}/?", null, Unnamed(version.LayerVersionArn)));
                    continue;
                }
                try
                {
                    await PutAsync(ssm, name, version.LayerVersionArn, cancellationToken).ConfigureAwait(false);
                    results.Add(new LayerParameterChange(region.Key, name, version.LayerVersionArn, null));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    results.Add(new LayerParameterChange(region.Key, name, null, AwsFailures.Translate(ex, ErrorIds.ParameterWriteFailed, region.Key, $"Writing {name}", name)));
                }
            }
            return results;
        })).ConfigureAwait(false);
        return changes.SelectMany(c => c).ToList();
    }

    /// <summary>
    /// After versions of a layer were deleted: a parameter that pointed at one of them is pointed at the newest remaining
    /// version of that layer, or deleted when none remains. A parameter pointing elsewhere is left alone.
    /// </summary>
    public async Task<IReadOnlyList<LayerParameterChange>> RepointAsync(string path, IReadOnlyList<(string Region, string LayerName, long Version)> deleted, CancellationToken cancellationToken)
    {
        var changes = await Task.WhenAll(deleted.GroupBy(d => (d.Region, d.LayerName)).Select(async layer =>
        {
            var (region, layerName) = layer.Key;
            var parts = LayerName.TryParse(layerName);
            var name = NameFor(path, parts?.Distribution, parts?.Architecture, parts?.ReleaseGroup);
            if (name is null) return null;
            try
            {
                using var ssm = Client(region);
                string current;
                try
                {
                    current = (await ssm.GetParameterAsync(new GetParameterRequest { Name = name }, cancellationToken).ConfigureAwait(false)).Parameter.Value;
                }
                catch (ParameterNotFoundException)
                {
                    return null;
                }
                if (!LayerVersionArn.TryParse(current, out var pointed) || pointed.LayerName != layerName || pointed.Region != region || !layer.Any(d => d.Version == pointed.Version))
                    return null;
                using var lambda = LambdaLayerClient.Create(region, connection);
                IReadOnlyList<LayerVersionSummary> remaining;
                try
                {
                    remaining = await lambda.ListLayerVersionsAsync(layerName, cancellationToken).ConfigureAwait(false);
                }
                catch (LambdaServiceException lambdaError) when (lambdaError.Kind == LambdaErrorKind.ResourceNotFound)
                {
                    remaining = [];
                }
                var newest = remaining.Where(v => !layer.Any(d => d.Version == v.Version)).MaxBy(v => v.Version);
                if (newest is null)
                {
                    await ssm.DeleteParameterAsync(new DeleteParameterRequest { Name = name }, cancellationToken).ConfigureAwait(false);
                    return new LayerParameterChange(region, name, null, null);
                }
                await PutAsync(ssm, name, newest.LayerVersionArn, cancellationToken).ConfigureAwait(false);
                return new LayerParameterChange(region, name, newest.LayerVersionArn, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new LayerParameterChange(region, name, null, AwsFailures.Translate(ex, ErrorIds.ParameterWriteFailed, region, $"Updating {name}", name));
            }
        })).ConfigureAwait(false);
        return changes.OfType<LayerParameterChange>().ToList();
    }

    private static async Task PutAsync(IAmazonSimpleSystemsManagement ssm, string name, string value, CancellationToken cancellationToken) =>
        await ssm.PutParameterAsync(new PutParameterRequest
        {
            Name = name,
            Value = value,
            Type = ParameterType.String,
            DataType = "text",
            Overwrite = true,
            Description = "The newest Ocelot layer version (written by Ocelot)",
        }, cancellationToken).ConfigureAwait(false);

    private static OcelotException Unnamed(string arn) => new(ErrorIds.ParameterWriteFailed, FailureKind.InvalidData,
        $"No parameter was written for {arn}: its distribution, architecture or release group is unknown or not a valid parameter name segment.",
        "Record the version's metadata, or publish with the distribution and architecture given.", arn);

    private IAmazonSimpleSystemsManagement Client(string region) => AwsClients.Ssm(region, connection);

    [GeneratedRegex(@"\A(/[a-zA-Z0-9_.-]+)+/?\z")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"\A[a-zA-Z0-9_.-]{1,128}\z")]
    private static partial Regex SegmentPattern();
}
