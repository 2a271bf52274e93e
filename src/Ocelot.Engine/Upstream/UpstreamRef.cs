using System.Text.RegularExpressions;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Upstream;

/// <summary>A branch, tag or commit SHA (7 to 40 hex digits), validated before it reaches git.</summary>
public static partial class UpstreamRef
{
    public const string DefaultRef = "main";

    public static string Validate(string value)
    {
        var text = value.Trim();
        if (!RefPattern().IsMatch(text) || text.Contains("..") || text.EndsWith(".lock", StringComparison.Ordinal) || text.EndsWith('/') || text.Contains("//") || text.Contains("@{"))
        {
            throw new OcelotException(ErrorIds.UpstreamRefInvalid, FailureKind.InvalidArgument,
                $"The upstream ref '{value}' is not a valid branch, tag or commit SHA.",
                "Give a branch (main), a tag (e.g. layer-collector/0.16.0) or a commit SHA as the upstream ref.", value);
        }
        return text;
    }

    public static bool LooksLikeCommit(string value) => CommitPattern().IsMatch(value);

    public static bool IsFullCommit(string value) => value.Length == 40 && LooksLikeCommit(value);

    [GeneratedRegex(@"\A[A-Za-z0-9_][A-Za-z0-9._/+-]{0,254}\z")]
    private static partial Regex RefPattern();

    [GeneratedRegex(@"\A[0-9a-fA-F]{7,40}\z")]
    private static partial Regex CommitPattern();
}
