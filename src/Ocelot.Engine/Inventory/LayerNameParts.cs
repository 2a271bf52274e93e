using System.Text.RegularExpressions;

namespace Ocelot.Engine.Inventory;

/// <summary>
/// Reads Ocelot's naming convention back (<c>&lt;base&gt;-&lt;arch&gt;-&lt;distribution&gt;-&lt;version&gt;-&lt;group&gt;</c>) for
/// layers the metadata table does not describe. A best effort: names made another way yield nothing.
/// </summary>
public static partial class LayerNameParts
{
    public sealed record Parts(string Architecture, string Distribution, string Version, string ReleaseGroup);

    public static Parts? TryParse(string layerName)
    {
        var match = Convention().Match(layerName);
        if (!match.Success) return null;
        var architecture = match.Groups["arch"].Value == "x86_64" ? "amd64" : match.Groups["arch"].Value;
        return new Parts(architecture, match.Groups["dist"].Value, match.Groups["version"].Value, match.Groups["group"].Value);
    }

    [GeneratedRegex(@"\A.+?-(?<arch>amd64|arm64|x86_64)-(?<dist>[A-Za-z0-9_-]+)-(?<version>[A-Za-z0-9_]+)-(?<group>[A-Za-z0-9_]+)\z")]
    private static partial Regex Convention();
}
