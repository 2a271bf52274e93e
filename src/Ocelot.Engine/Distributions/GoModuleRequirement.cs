using System.Text.RegularExpressions;

namespace Ocelot.Engine.Distributions;

/// <summary>A Go module a component needs: <c>path</c>, pinned with <c>@version</c> or else taking the upstream collector version.</summary>
public sealed partial record GoModuleRequirement(string ModulePath, string? Version)
{
    public override string ToString() => Version is null ? ModulePath : $"{ModulePath}@{Version}";

    public static bool TryParse(string text, out GoModuleRequirement? requirement)
    {
        requirement = null;
        var match = Syntax().Match(text);
        if (!match.Success) return false;
        requirement = new GoModuleRequirement(match.Groups["path"].Value, match.Groups["version"].Success ? match.Groups["version"].Value : null);
        return true;
    }

    // Go module paths: letters, digits and . - _ ~ in slash-separated elements; versions are semver with a leading v.
    [GeneratedRegex(@"^(?<path>[A-Za-z0-9][A-Za-z0-9._~-]*(/[A-Za-z0-9._~-]+)*)(@(?<version>v[0-9]+(\.[0-9]+){0,2}([-+][0-9A-Za-z.+-]+)?))?$")]
    private static partial Regex Syntax();
}
