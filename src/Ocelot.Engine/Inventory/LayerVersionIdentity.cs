using System.Globalization;
using System.Text.RegularExpressions;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Inventory;

/// <summary>
/// A layer version's identity is its ARN. An object to delete is checked against it: a name, version or region that
/// disagrees with the ARN, or a missing region, is refused rather than resolved against the default region, so a
/// hand-edited or stale object can never delete another version than the one it names.
/// </summary>
public static partial class LayerVersionIdentity
{
    public sealed record Arn(string Partition, string Region, string Account, string LayerName, long Version)
    {
        public string LayerArn => $"arn:{Partition}:lambda:{Region}:{Account}:layer:{LayerName}";
        public override string ToString() => $"{LayerArn}:{Version.ToString(CultureInfo.InvariantCulture)}";
    }

    public static Arn? TryParse(string? arn)
    {
        if (arn is null) return null;
        var match = VersionArn().Match(arn);
        if (!match.Success || !long.TryParse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            return null;
        return new Arn(match.Groups["partition"].Value, match.Groups["region"].Value, match.Groups["account"].Value, match.Groups["name"].Value, version);
    }

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
        var arn = TryParse(layerVersionArn) ?? throw new OcelotException(ErrorIds.LayerVersionIdentityMismatch, FailureKind.InvalidArgument,
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

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"\Aarn:(?<partition>aws(-[a-z]+)*):lambda:(?<region>[a-z]{2}(-[a-z]+)+-[0-9]+):(?<account>[0-9]{12}):layer:(?<name>[A-Za-z0-9_-]{1,140}):(?<version>[0-9]{1,18})\z")]
    private static partial Regex VersionArn();
}
