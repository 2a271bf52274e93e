using System.Text.RegularExpressions;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Upstream;

/// <summary>
/// Where upstream comes from: <c>owner/name</c> (GitHub), any git URL, or a local repository path. Credentials in
/// a URL's user info are taken out of it: <see cref="Url"/> (which reaches the cache's git config) never holds them,
/// and <see cref="Credentials"/> hands them to libgit2 from memory.
/// </summary>
public sealed partial record UpstreamSource(string Url, string DisplayName, bool IsLocal, UpstreamCredentials? Credentials = null)
{
    public const string DefaultRepository = "open-telemetry/opentelemetry-lambda";

    public static UpstreamSource Parse(string repository, string currentDirectory)
    {
        var text = repository.Trim();
        if (text.Length == 0 || text.StartsWith('-') || text.Any(char.IsControl))
            throw Invalid(repository, "it is empty, starts with '-' or holds control characters");
        if (UrlPattern().IsMatch(text))
        {
            var (withoutUserInfo, credentials) = SplitUserInfo(text);
            if (text.Any(char.IsWhiteSpace)) throw Invalid(repository, "a URL cannot contain spaces");
            var isFile = text.StartsWith("file://", StringComparison.OrdinalIgnoreCase);
            var display = credentials is null ? withoutUserInfo : withoutUserInfo.Insert(withoutUserInfo.IndexOf("://", StringComparison.Ordinal) + 3, "***@");
            return new UpstreamSource(withoutUserInfo, display, isFile, credentials);
        }
        if (ScpPattern().IsMatch(text)) return new UpstreamSource(text, text, false);
        var local = Path.GetFullPath(Path.Combine(currentDirectory, text));
        if (Directory.Exists(local)) return new UpstreamSource(local, local, true);
        if (GitHubPattern().IsMatch(text)) return new UpstreamSource($"https://github.com/{text}.git", text, false);
        throw Invalid(repository, "it is not owner/name, a git URL (https://, ssh://, git://, file://, user@host:path) or an existing folder");
    }

    /// <summary>
    /// Splits <c>scheme://user:password@host/path</c> into the URL without user info and the (percent-decoded)
    /// credentials. The user info ends at the last '@' before the path, so an unencoded '@' in a password still
    /// stays out of the URL.
    /// </summary>
    public static (string Url, UpstreamCredentials? Credentials) SplitUserInfo(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return (url, null);
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0) return (url, null);
        var userInfo = url[authorityStart..at];
        var colon = userInfo.IndexOf(':');
        var user = colon < 0 ? userInfo : userInfo[..colon];
        var password = colon < 0 ? string.Empty : userInfo[(colon + 1)..];
        return (url[..authorityStart] + url[(at + 1)..], new UpstreamCredentials(Decode(user), Decode(password)));
    }

    private static string Decode(string text)
    {
        try { return Uri.UnescapeDataString(text); }
        catch (UriFormatException) { return text; }
    }

    /// <summary>What may be shown of a repository argument: a URL loses its user info.</summary>
    public static string Redact(string repository)
    {
        var (url, credentials) = SplitUserInfo(repository);
        return credentials is null ? repository : url.Insert(url.IndexOf("://", StringComparison.Ordinal) + 3, "***@");
    }

    private static OcelotException Invalid(string repository, string why) =>
        new(ErrorIds.UpstreamRepositoryInvalid, FailureKind.InvalidArgument,
            $"The upstream repository '{Redact(repository)}' is not valid: {why}.",
            $"Give the upstream repository as owner/name (e.g. {DefaultRepository}), a git URL, or the path of a local clone.", Redact(repository));

    [GeneratedRegex(@"\A(https?|git|ssh|file)://", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._/~-]+\z")]
    private static partial Regex ScpPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+\z")]
    private static partial Regex GitHubPattern();
}
