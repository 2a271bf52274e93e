using System.Text.RegularExpressions;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Upstream;

/// <summary>
/// Where upstream comes from: <c>owner/name</c> (GitHub), any git URL, or a local repository path.
/// </summary>
public sealed partial record UpstreamSource(string Url, string DisplayName, bool IsLocal)
{
    public const string DefaultRepository = "open-telemetry/opentelemetry-lambda";

    public static UpstreamSource Parse(string repository, string currentDirectory)
    {
        var text = repository.Trim();
        if (text.Length == 0 || text.StartsWith('-') || text.Any(char.IsControl))
            throw Invalid(repository, "it is empty, starts with '-' or holds control characters");
        if (UrlPattern().IsMatch(text))
        {
            if (text.Any(char.IsWhiteSpace)) throw Invalid(repository, "a URL cannot contain spaces");
            var isFile = text.StartsWith("file://", StringComparison.OrdinalIgnoreCase);
            return new UpstreamSource(text, Redact(text), isFile);
        }
        if (ScpPattern().IsMatch(text)) return new UpstreamSource(text, text, false);
        var local = Path.GetFullPath(Path.Combine(currentDirectory, text));
        if (Directory.Exists(local)) return new UpstreamSource(local, local, true);
        if (GitHubPattern().IsMatch(text)) return new UpstreamSource($"https://github.com/{text}.git", text, false);
        throw Invalid(repository, "it is not owner/name, a git URL (https://, ssh://, git://, file://, user@host:path) or an existing folder");
    }

    /// <summary>
    /// The URL without its user info (a token in https://user:token@host/...), which must not reach verbose output,
    /// error messages, artifacts or the metadata table.
    /// </summary>
    private static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? url.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : url;

    private static OcelotException Invalid(string repository, string why) =>
        new(ErrorIds.UpstreamRepositoryInvalid, FailureKind.InvalidArgument,
            $"The upstream repository '{repository}' is not valid: {why}.",
            $"Give -UpstreamRepo as owner/name (e.g. {DefaultRepository}), a git URL, or the path of a local clone.", repository);

    [GeneratedRegex(@"^(https?|git|ssh|file)://", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._/~-]+$")]
    private static partial Regex ScpPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+$")]
    private static partial Regex GitHubPattern();
}
