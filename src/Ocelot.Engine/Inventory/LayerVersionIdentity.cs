using System.Globalization;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Inventory;

/// <summary>
/// A layer version's identity is its ARN. An object to delete is checked against it: a name, version or region that
/// disagrees with the ARN, or a missing region, is refused rather than resolved against the default region, so a
/// hand-edited or stale object can never delete another version than the one it names.
/// </summary>
public static class LayerVersionIdentity
{
    /// <summary>The version to delete, checked: every given part must agree with the ARN, when there is one.</summary>
    /// <param name="description">What the object is, for messages (e.g. "the piped object").</param>
    public static LayerVersionReference Resolve(string? layerName, long version, string? region, string? layerVersionArn, string description)
    {
        var target = layerVersionArn ?? $"{layerName}:{version.ToString(CultureInfo.InvariantCulture)}";
        if (string.IsNullOrWhiteSpace(region))
            throw new OcelotException(ErrorIds.LayerVersionRegionMissing, FailureKind.InvalidArgument,
                $"{Capitalise(description)} '{target}' has no Region, and a layer version is only deleted in the region that it names.",
                "Pipe the objects Get-OcelotLayer returns, or give the region (the ARN's region); Ocelot never assumes the default region for a delete.", target);
        if (layerVersionArn is null)
            return new LayerVersionReference(layerName!, version, region, null);
        var arn = LayerVersionArn.TryParse(layerVersionArn) ?? throw new OcelotException(ErrorIds.LayerVersionIdentityMismatch, FailureKind.InvalidArgument,
            $"{Capitalise(description)} has LayerVersionArn '{layerVersionArn}', which is not a Lambda layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>).",
            "Pipe the objects Get-OcelotLayer returns.", layerVersionArn);
        var disagreements = new List<string>();
        if (!string.Equals(layerName, arn.LayerName, StringComparison.Ordinal) && !string.Equals(layerName, arn.LayerArn, StringComparison.Ordinal))
            disagreements.Add($"LayerName '{layerName}' (the ARN says '{arn.LayerName}')");
        if (version != arn.Version)
            disagreements.Add($"Version {version.ToString(CultureInfo.InvariantCulture)} (the ARN says {arn.Version.ToString(CultureInfo.InvariantCulture)})");
        if (!string.Equals(region, arn.Region, StringComparison.Ordinal))
            disagreements.Add($"Region '{region}' (the ARN says '{arn.Region}')");
        if (disagreements.Count > 0)
            throw new OcelotException(ErrorIds.LayerVersionIdentityMismatch, FailureKind.InvalidArgument,
                $"{Capitalise(description)} does not agree with its LayerVersionArn '{layerVersionArn}': {string.Join("; ", disagreements)}. Nothing was deleted.",
                "Pipe the objects Get-OcelotLayer returns unchanged; to delete another version, get it with Get-OcelotLayer.", layerVersionArn);
        return new LayerVersionReference(arn.LayerName, arn.Version, arn.Region, arn.ToString());
    }

    /// <summary>The ARN of a version given by name, number and region (one GetLayerVersion call, which also proves it exists).</summary>
    public static async Task<string> LookUpAsync(LayerVersionReference version, AwsConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            using var lambda = LambdaLayerClient.Create(version.Region, connection);
            return (await lambda.GetLayerVersionAsync(version.LayerName, version.Version, cancellationToken).ConfigureAwait(false)).LayerVersionArn;
        }
        catch (LambdaServiceException ex) when (ex.Kind == LambdaErrorKind.ResourceNotFound)
        {
            throw new OcelotException(ErrorIds.LayerVersionNotFound, FailureKind.ObjectNotFound,
                $"Version {version.Version} of layer '{version.LayerName}' does not exist in {version.Region}.",
                "List what exists with Get-OcelotLayer.", version.Describe(null), ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw AwsFailures.Translate(ex, ErrorIds.LayerListFailed, version.Region, $"Looking up version {version.Version} of layer '{version.LayerName}'", version.Describe(null));
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
