using System.Text.RegularExpressions;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Inventory;

/// <summary>A layer version's identity: its ARN. Whatever names a version (an object, property values) must agree with it.</summary>
public static partial class LayerVersionArn
{
    /// <summary>The version the ARN names; an error when the ARN is malformed or disagrees with the other values given.</summary>
    public static LayerVersionReference Check(string arn, string? layerName, long? version, string? region)
    {
        var match = Pattern().Match(arn);
        if (!match.Success)
            throw Invalid($"'{arn}' is not a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>).", arn);
        var reference = new LayerVersionReference(match.Groups["name"].Value, long.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups["region"].Value);
        if ((layerName is not null && layerName != reference.LayerName) || (version is not null && version != reference.Version) ||
            (region is not null && !string.Equals(region.Trim(), reference.Region, StringComparison.OrdinalIgnoreCase)))
            throw Invalid($"LayerName '{layerName}', VersionNumber {version} and Region '{region}' disagree with LayerVersionArn '{arn}'.", arn);
        AwsRegion.Validate(reference.Region);
        return reference;
    }

    /// <summary>The ARN of a version given by name, number and region (one GetLayerVersion call, which also proves it exists).</summary>
    public static async Task<string> LookUpAsync(LayerVersionReference version, AwsConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            using var lambda = LambdaLayerClient.Create(version.Region, connection);
            return (await lambda.GetLayerVersionAsync(version.LayerName, version.Version, cancellationToken).ConfigureAwait(false)).LayerVersionArn;
        }
        catch (LambdaResourceNotFoundException ex)
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

    private static OcelotException Invalid(string message, string arn) =>
        new(ErrorIds.InputObjectInvalid, FailureKind.InvalidArgument, message,
            "Pipe the objects Get-OcelotLayer or Publish-OcelotLayer wrote, unchanged, or give the layer name, version number and region alone.", arn);

    [GeneratedRegex(@"\Aarn:aws[a-z-]*:lambda:(?<region>[a-z0-9-]{1,32}):[0-9]{12}:layer:(?<name>[A-Za-z0-9_-]{1,140}):(?<version>[1-9][0-9]{0,15})\z")]
    private static partial Regex Pattern();
}
