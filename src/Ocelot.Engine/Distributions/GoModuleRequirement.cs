using System.Text.RegularExpressions;

namespace Ocelot.Engine.Distributions;

/// <summary>A Go module a component needs: <c>path</c>, pinned with <c>@version</c> or else taking the upstream collector version.</summary>
public sealed partial record GoModuleRequirement(string ModulePath, string? Version)
{
    public override string ToString() => Version is null ? ModulePath : $"{ModulePath}@{Version}";

    public static bool TryParse(string text, out GoModuleRequirement? requirement) => TryParse(text, out requirement, out _);

    /// <summary>
    /// Checks <c>path[@version]</c> by the rules of golang.org/x/mod/module (CheckPath and Check), so a bad spec is an
    /// Ocelot error naming the rule instead of a go failure in the middle of a build.
    /// </summary>
    public static bool TryParse(string text, out GoModuleRequirement? requirement, out string why)
    {
        requirement = null;
        var at = text.IndexOf('@');
        var path = at < 0 ? text : text[..at];
        var version = at < 0 ? null : text[(at + 1)..];
        why = CheckPath(path) ?? (version is null ? null : CheckVersion(path, version)) ?? string.Empty;
        if (why.Length > 0) return false;
        requirement = new GoModuleRequirement(path, version);
        return true;
    }

    private static string? CheckPath(string path)
    {
        if (path.Length == 0) return "the module path is empty";
        if (path[0] == '/' || path[^1] == '/') return "a module path cannot begin or end with '/'";
        if (path.Contains("//", StringComparison.Ordinal)) return "a module path cannot hold '//'";
        var elements = path.Split('/');
        var first = elements[0];
        if (!FirstElement().IsMatch(first)) return $"the first path element '{first}' must be a lowercase domain name (letters a-z, digits, '.' and '-')";
        if (!first.Contains('.')) return $"the first path element '{first}' has no dot, so it is not a domain name";
        if (first[0] == '-') return $"the first path element '{first}' begins with '-'";
        foreach (var element in elements)
        {
            if (!Element().IsMatch(element)) return $"the path element '{element}' may only hold letters, digits and '-', '.', '_', '~'";
            if (element[0] == '.') return $"the path element '{element}' begins with a dot";
            if (element[^1] == '.') return $"the path element '{element}' ends with a dot";
            var shortName = element.Split('.')[0];
            if (WindowsReserved().IsMatch(shortName)) return $"the path element '{element}' is a reserved file name on Windows";
            var tilde = shortName.LastIndexOf('~');
            if (tilde >= 0 && tilde < shortName.Length - 1 && shortName[(tilde + 1)..].All(char.IsAsciiDigit))
                return $"the path element '{element}' ends in '~' and digits (a Windows short name)";
        }
        var last = elements[^1];
        if (elements.Length > 1 && MajorSuffix().Match(last) is { Success: true } major && major.Groups[1].Value is "0" or "1" || LeadingZeroMajor().IsMatch(last) && elements.Length > 1)
            return $"the major version suffix '/{last}' is not valid (it must be /v2 or higher, with no leading zero)";
        return null;
    }

    private static string? CheckVersion(string path, string version)
    {
        var match = Semver().Match(version);
        if (!match.Success)
            return $"'{version}' is not a full semantic version such as v1.2.3 (go needs the canonical vMAJOR.MINOR.PATCH form)";
        if (match.Groups["pre"].Success && match.Groups["pre"].Value.Split('.').Any(p => p.Length > 1 && p[0] == '0' && p.All(char.IsAsciiDigit)))
            return $"'{version}' has a numeric pre-release part with a leading zero";
        var versionMajor = match.Groups["major"].Value;
        var incompatible = match.Groups["incompatible"].Success;
        var suffix = MajorSuffix().Match(path[(path.LastIndexOf('/') + 1)..]);
        // golang.org/x/mod's CheckPathMajor: the version's major must match a /vN suffix, else be v0 or v1 (or +incompatible).
        if (path.Contains('/') && suffix.Success)
            return versionMajor == suffix.Groups[1].Value ? null
                : $"version '{version}' does not match the major version suffix of '{path}' (it must be v{suffix.Groups[1].Value}.x.y)";
        if (versionMajor is not ("0" or "1") && !incompatible)
            return $"version '{version}' has major version {versionMajor}, so the module path must end in /v{versionMajor}";
        return null;
    }

    [GeneratedRegex(@"\A[a-z0-9.-]+\z")]
    private static partial Regex FirstElement();

    [GeneratedRegex(@"\A[A-Za-z0-9._~-]+\z")]
    private static partial Regex Element();

    [GeneratedRegex(@"\A(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])\z", RegexOptions.IgnoreCase)]
    private static partial Regex WindowsReserved();

    [GeneratedRegex(@"\Av([0-9]+)\z")]
    private static partial Regex MajorSuffix();

    [GeneratedRegex(@"\Av(0[0-9]+|[0-9.]*\.[0-9.]*)\z")]
    private static partial Regex LeadingZeroMajor();

    [GeneratedRegex(@"\Av(?<major>0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-(?<pre>[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(?<incompatible>\+incompatible)?\z")]
    private static partial Regex Semver();
}
