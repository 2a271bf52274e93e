using System.Text.RegularExpressions;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Layers;

/// <summary>
/// A layer name in Ocelot's convention, <c>&lt;base&gt;-&lt;arch&gt;-&lt;distribution&gt;-&lt;version&gt;-&lt;release group&gt;</c>,
/// built exactly as the reference tool builds it (behaviour §3.2) so teams keep their layer names, and read back for
/// layers the metadata table does not describe.
/// </summary>
/// <param name="Name">The full name, cleaned to Lambda's characters.</param>
/// <param name="Architecture">The architecture the name carries (amd64 or arm64 when read back), or null.</param>
/// <param name="Version">The version part (the layer version string).</param>
public sealed partial record LayerName(string Name, string? Architecture, string? Distribution, string Version, string ReleaseGroup)
{
    public const string DefaultBase = "ocel";
    public const string DefaultReleaseGroup = "prod";

    /// <summary>Lambda's limit on LayerName and on the LayerVersionArn (API reference, PublishLayerVersion).</summary>
    public const int MaxLength = 140;

    /// <summary>Version numbers assumed when checking the ARN length before publishing (up to 99999 versions).</summary>
    private const int VersionDigitsAssumed = 5;

    /// <summary>Lambda's name for the architecture (CompatibleArchitectures): x86_64 or arm64.</summary>
    public string CompatibleArchitecture => string.IsNullOrEmpty(Architecture) ? "x86_64" : Architecture.Replace("amd64", "x86_64", StringComparison.Ordinal);

    public override string ToString() => Name;

    public static LayerName Construct(string baseName, string? architecture, string? distribution, string? layerVersion,
        string? collectorVersion, string releaseGroup, string? githubRef)
    {
        var name = baseName;
        if (!string.IsNullOrEmpty(architecture)) name += $"-{architecture}";
        if (!string.IsNullOrEmpty(distribution)) name += $"-{distribution}";
        string version;
        if (!string.IsNullOrEmpty(layerVersion)) version = layerVersion;
        else if (!string.IsNullOrEmpty(collectorVersion)) version = LeadingV().Replace(collectorVersion, string.Empty, 1);
        else if (!string.IsNullOrEmpty(githubRef)) version = GitHubRefPrefix().Replace(githubRef, string.Empty) is { Length: > 0 } fromRef ? fromRef : "latest";
        else version = "latest";
        version = Clean(version);
        name = Clean($"{name}-{version}-{releaseGroup}");
        if (char.IsAsciiDigit(name[0])) name = "layer-" + name;
        return new LayerName(name, architecture, distribution, version, releaseGroup);
    }

    /// <summary>The parts of a name made by the convention; null for names made another way (a best effort).</summary>
    public static LayerName? TryParse(string layerName)
    {
        var match = Convention().Match(layerName);
        if (!match.Success) return null;
        var architecture = match.Groups["arch"].Value == "x86_64" ? "amd64" : match.Groups["arch"].Value;
        return new LayerName(layerName, architecture, match.Groups["dist"].Value, match.Groups["version"].Value, match.Groups["group"].Value);
    }

    /// <summary>Checks the name and the longest version ARN it can have in <paramref name="regions"/> against Lambda's limits.</summary>
    public static void Validate(string name, IEnumerable<string> regions)
    {
        if (name.Length > MaxLength || !ValidCharacters().IsMatch(name))
            throw Invalid(name, $"a layer name is 1-{MaxLength} letters, digits, '-' or '_'");
        foreach (var region in regions)
        {
            var arn = $"arn:{AwsRegion.Partition(region)}:lambda:{region}:123456789012:layer:{name}:{new string('9', VersionDigitsAssumed)}";
            if (arn.Length > MaxLength)
                throw Invalid(name, $"its version ARN in {region} would be {arn.Length} characters, over Lambda's {MaxLength}");
        }
    }

    private static OcelotException Invalid(string name, string why) =>
        new(ErrorIds.LayerNameInvalid, FailureKind.InvalidArgument, $"The layer name '{name}' is not valid: {why}.",
            "Shorten the layer name's base, release group or version part (or the distribution name).", name);

    private static string Clean(string text) => NotAllowed().Replace(text, "_");

    [GeneratedRegex(@"\Av")]
    private static partial Regex LeadingV();

    // What the reference strips from GITHUB_REF: everything up to the last '/', then any non-digit, non-dot run.
    [GeneratedRegex(@".*\/[^0-9\.]*")]
    private static partial Regex GitHubRefPrefix();

    [GeneratedRegex("[^a-zA-Z0-9_-]")]
    private static partial Regex NotAllowed();

    [GeneratedRegex(@"\A[a-zA-Z0-9_-]+\z")]
    private static partial Regex ValidCharacters();

    [GeneratedRegex(@"\A.+?-(?<arch>amd64|arm64|x86_64)-(?<dist>[A-Za-z0-9_-]+)-(?<version>[A-Za-z0-9_]+)-(?<group>[A-Za-z0-9_]+)\z")]
    private static partial Regex Convention();
}
