namespace Ocelot.Engine.Operations;

/// <summary>The per-user cache folder: <c>$env:OCELOT_CACHE</c>, else the platform's user cache location.</summary>
public static class UserCacheFolder
{
    public const string EnvironmentVariable = "OCELOT_CACHE";

    public const string XdgVariable = "XDG_CACHE_HOME";

    public static string Resolve(string? environmentValue, string? xdgCacheHome)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue)) return Path.GetFullPath(environmentValue);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "ocelot", "cache");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Caches", "ocelot");
        return Path.Combine(string.IsNullOrWhiteSpace(xdgCacheHome) ? Path.Combine(home, ".cache") : xdgCacheHome, "ocelot");
    }
}
