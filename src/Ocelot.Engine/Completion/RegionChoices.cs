using Ocelot.Engine.Aws;

namespace Ocelot.Engine.Completion;

/// <summary>The regions to offer for a partly typed region: the commercial partition's, never isolated partitions.</summary>
public static class RegionChoices
{
    public static IReadOnlyList<string> For(string typed)
    {
        // China and GovCloud users type their partition's prefix; offer those regions then, as real regions only.
        var partition = typed.StartsWith("cn-", StringComparison.OrdinalIgnoreCase) ? "aws-cn"
            : typed.StartsWith("us-gov-", StringComparison.OrdinalIgnoreCase) ? "aws-us-gov"
            : "aws";
        if (partition == "aws") return AwsRegion.Commercial;
        return AwsRegion.Known.Where(r => AwsRegion.Partition(r) == partition && IsRegionName(r)).ToList();
    }

    private static bool IsRegionName(string region)
    {
        var parts = region.Split('-');
        return parts.Length >= 3 && parts[^1].All(char.IsAsciiDigit) && parts.Take(parts.Length - 1).All(p => p.Length > 0 && p.All(char.IsAsciiLetterLower));
    }
}
