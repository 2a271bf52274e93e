using System.Text.RegularExpressions;

namespace Ocelot.Engine.Completion;

/// <summary>
/// The profile names of the shared AWS config and credentials files, as the AWS CLI reads them: <c>[default]</c> and
/// <c>[profile name]</c> in the config file, <c>[name]</c> in the credentials file.
/// </summary>
public static partial class AwsProfileNames
{
    /// <summary>The config file in effect: AWS_CONFIG_FILE, else ~/.aws/config.</summary>
    public static string ConfigFile(Func<string, string?> environment) =>
        environment("AWS_CONFIG_FILE") is { Length: > 0 } path ? ExpandHome(path) : Path.Combine(Home(), ".aws", "config");

    /// <summary>The credentials file in effect: <paramref name="profileLocation"/>, AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials.</summary>
    public static string CredentialsFile(Func<string, string?> environment, string? profileLocation = null) =>
        profileLocation is { Length: > 0 } ? ExpandHome(profileLocation)
        : environment("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } path ? ExpandHome(path)
        : Path.Combine(Home(), ".aws", "credentials");

    /// <summary>Sorted, unique names from both files; a missing or unreadable file contributes nothing.</summary>
    public static IReadOnlyList<string> Read(string configFile, string credentialsFile)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in ReadLines(configFile))
        {
            var match = ConfigSection().Match(line);
            if (!match.Success) continue;
            if (match.Groups["profile"].Success) names.Add(match.Groups["name"].Value);
            else if (match.Groups["name"].Value == "default") names.Add("default");
        }
        foreach (var line in ReadLines(credentialsFile))
        {
            var match = CredentialsSection().Match(line);
            if (match.Success) names.Add(match.Groups["name"].Value);
        }
        return [.. names];
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            // A profile file is small; anything huge is not one (and must not stall a Tab press).
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > 1024 * 1024) return [];
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Home() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal)
            ? Path.Combine(Home(), path.Length > 2 ? path[2..] : string.Empty)
            : path;

    // "[profile name]" or "[name]"; names are what the CLI accepts (no brackets, no control characters).
    [GeneratedRegex(@"\A\s*\[\s*(?:(?<profile>profile)\s+)?(?<name>[^\]\s\p{Cc}][^\]\p{Cc}]*?)\s*\]\s*(?:[#;].*)?\z")]
    private static partial Regex ConfigSection();

    [GeneratedRegex(@"\A\s*\[\s*(?<name>[^\]\s\p{Cc}][^\]\p{Cc}]*?)\s*\]\s*(?:[#;].*)?\z")]
    private static partial Regex CredentialsSection();
}
