using System.Text.RegularExpressions;
using Amazon;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Text;

namespace Ocelot.Engine.Aws;

/// <summary>Region names, checked against the SDK's region data (no network call), with display names and partitions.</summary>
public static partial class AwsRegion
{
    public static IReadOnlyList<string> Known { get; } = RegionEndpoint.EnumerableAllRegions.Select(r => r.SystemName).Order(StringComparer.Ordinal).ToList();

    /// <summary>The commercial (aws partition) regions the SDK knows, for -AllRegions.</summary>
    public static IReadOnlyList<string> Commercial { get; } = Known.Where(r => Partition(r) == "aws" && PublicPattern().IsMatch(r)).ToList();

    public static string Validate(string region)
    {
        var name = region.Trim().ToLowerInvariant();
        if (!Known.Contains(name))
            throw new OcelotException(ErrorIds.RegionInvalid, FailureKind.InvalidArgument,
                $"'{region}' is not an AWS region.{ClosestMatch.Hint(name, Known)}",
                "Give region names such as us-east-1 or eu-west-1.", region);
        return name;
    }

    public static string DisplayName(string region) =>
        RegionEndpoint.GetBySystemName(region).DisplayName is { Length: > 0 } name && name != "Unknown" ? name : region;

    public static string Partition(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ when region.StartsWith("us-iso", StringComparison.Ordinal) || region.StartsWith("eu-isoe", StringComparison.Ordinal) => "aws-iso",
        _ => "aws",
    };

    // Excludes the SDK's pseudo-regions (aws-global and the like).
    [GeneratedRegex(@"\A[a-z]{2}-[a-z]+-[0-9]+\z")]
    private static partial Regex PublicPattern();
}
