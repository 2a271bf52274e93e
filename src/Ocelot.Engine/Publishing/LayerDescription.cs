namespace Ocelot.Engine.Publishing;

/// <summary>
/// The layer version description, as the reference writes it (behaviour §3.4): <c>md5: &lt;hex&gt; | tag, tag</c>, tags
/// without their <c>lambdacomponents.</c> prefix, cut to Lambda's 256 characters. The md5 is how a republish of the
/// same zip is recognised.
/// </summary>
public static class LayerDescription
{
    public const int MaxLength = 256;

    public static string Build(string md5, IEnumerable<string> buildTags)
    {
        var description = $"md5: {md5}";
        var tags = buildTags.Select(t => t.Trim().Replace("lambdacomponents.", string.Empty)).Where(t => t.Length > 0).ToList();
        if (tags.Count > 0) description += " | " + string.Join(", ", tags);
        return description.Length > MaxLength ? description[..(MaxLength - 3)] + "..." : description;
    }

    public static bool Matches(string? description, string md5) =>
        description is not null && description.Contains(md5, StringComparison.OrdinalIgnoreCase);
}
