using System.Text.RegularExpressions;

namespace Ocelot.Engine.Go;

/// <summary>A Go release version (<c>go1.19.8</c>, <c>1.26.1</c>, <c>1.21rc2</c>), comparable the way Go orders them.</summary>
public sealed partial record GoVersion(int Major, int Minor, int Patch, string Text) : IComparable<GoVersion>
{
    public static GoVersion? TryParse(string? text)
    {
        if (text is null) return null;
        var match = Pattern().Match(text.Trim());
        // An upstream go.mod is untrusted: a number too large for an int is not a version, not a crash.
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var major) || !int.TryParse(match.Groups[2].Value, out var minor)) return null;
        var patch = 0;
        if (match.Groups[3].Success && !int.TryParse(match.Groups[3].Value, out patch)) return null;
        return new GoVersion(major, minor, patch, text.Trim());
    }

    public int CompareTo(GoVersion? other)
    {
        if (other is null) return 1;
        var byMajor = Major.CompareTo(other.Major);
        if (byMajor != 0) return byMajor;
        var byMinor = Minor.CompareTo(other.Minor);
        return byMinor != 0 ? byMinor : Patch.CompareTo(other.Patch);
    }

    public static bool operator <(GoVersion a, GoVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(GoVersion a, GoVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(GoVersion a, GoVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(GoVersion a, GoVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => Patch == 0 && !Text.Contains($"{Minor}.0") ? $"{Major}.{Minor}" : $"{Major}.{Minor}.{Patch}";

    [GeneratedRegex(@"\A(?:go)?([0-9]+)\.([0-9]+)(?:\.([0-9]+))?")]
    private static partial Regex Pattern();
}
