using System.Globalization;
using System.Text.RegularExpressions;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Layers;

/// <summary>
/// A layer version's identity, <c>arn:&lt;partition&gt;:lambda:&lt;region&gt;:&lt;account&gt;:layer:&lt;name&gt;:&lt;version&gt;</c>:
/// the one parser of it. Two ARNs are versions of the same layer when everything but the version matches (<see cref="LayerArn"/>).
/// </summary>
public sealed partial record LayerVersionArn(string Partition, string Region, string Account, string LayerName, long Version)
{
    public string LayerArn => $"arn:{Partition}:lambda:{Region}:{Account}:layer:{LayerName}";

    public override string ToString() => $"{LayerArn}:{Version.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out LayerVersionArn arn)
    {
        arn = null!;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            return false;
        arn = new LayerVersionArn(match.Groups["partition"].Value, match.Groups["region"].Value, match.Groups["account"].Value, match.Groups["name"].Value, version);
        return true;
    }

    /// <summary>The ARN, or null when the text is not exactly a layer version ARN.</summary>
    public static LayerVersionArn? TryParse(string? text) => TryParse(text, out var arn) ? arn : null;

    public static LayerVersionArn Parse(string text, string parameterName = "-LayerVersionArn") =>
        TryParse(text, out var arn) ? arn : throw new OcelotException(ErrorIds.LayerVersionArnInvalid, FailureKind.InvalidArgument,
            $"'{text}' is not a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>).",
            "Give a full layer version ARN, or pipe Get-OcelotLayer or Publish-OcelotLayer output.", text);

    // Lambda's limits: layer names 1-140 of [a-zA-Z0-9-_], 12-digit account ids; regions such as us-gov-west-1.
    [GeneratedRegex(@"\Aarn:(?<partition>aws(-[a-z]+)*):lambda:(?<region>[a-z]{2}(-[a-z]+)+-[0-9]{1,2}):(?<account>[0-9]{12}):layer:(?<name>[a-zA-Z0-9_-]{1,140}):(?<version>[0-9]{1,18})\z")]
    private static partial Regex Pattern();
}
