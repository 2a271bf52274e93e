using System.Globalization;
using System.Text;
using System.Text.Json;
using Ocelot.Engine.Aws;

namespace Ocelot.Engine.Reports;

/// <summary>Documents about published layer versions: the reference's layers report and release notes, JSON, and Terraform.</summary>
public static class LayerReport
{
    private static readonly string[] Architectures = ["amd64", "arm64"];

    /// <summary>The layers report of the reference tool (behaviour §5.1), built from a listing instead of a table scan.</summary>
    public static string Markdown(IReadOnlyList<OcelotLayerVersion> versions, DateTimeOffset generatedOn)
    {
        var text = new StringBuilder();
        text.Append("# OpenTelemetry Lambda Layers Report\n");
        text.Append($"Generated on: {generatedOn.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}\n\n");
        text.Append("Source: Ocelot layer listing (Lambda, with the metadata table where it has the version)\n\n");
        text.Append("This report lists all OpenTelemetry Lambda layers available across AWS regions.\n\n");
        text.Append("## Available Layers by Distribution\n\n");
        if (versions.Count == 0)
        {
            text.Append("No layers found matching the specified criteria.\n");
        }
        foreach (var distribution in versions.GroupBy(v => v.Distribution ?? "unknown").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append($"### {MarkdownText.Inline(distribution.Key)} Distribution\n\n");
            foreach (var architecture in distribution.GroupBy(v => v.Architecture is "amd64" or "arm64" ? v.Architecture : "unknown")
                         .OrderBy(g => Array.IndexOf(Architectures, g.Key) is var i && i < 0 ? 2 : i))
            {
                text.Append($"#### {architecture.Key} Architecture\n\n");
                text.Append("| Region | Layer ARN | Version | Published (DB Timestamp) |\n");
                text.Append("|--------|-----------|---------|-------------------------|\n");
                foreach (var row in NewestPerLayerAndRegion(architecture).OrderBy(v => v.Region, StringComparer.Ordinal).ThenBy(v => v.CreatedDate))
                    text.Append($"| {MarkdownText.Inline(row.Region)} | {MarkdownText.Code(row.LayerVersionArn)} | {row.Version.ToString(CultureInfo.InvariantCulture)} | {Timestamp(row.CreatedDate)} |\n");
                text.Append('\n');
            }
        }
        text.Append("## Usage Instructions\n\n");
        text.Append("To use a layer in your Lambda function, add the ARN to your function's configuration:\n\n");
        text.Append("```bash\naws lambda update-function-configuration --function-name YOUR_FUNCTION --layers ARN_FROM_TABLE\n```\n\n");
        text.Append("For more information, see the [documentation](https://github.com/open-telemetry/opentelemetry-lambda).\n");
        return text.ToString();
    }

    /// <summary>
    /// Release notes for one distribution and collector version (behaviour §5.2), filtered by release group too (the
    /// reference mixed groups), with region names from the SDK's region data rather than a download.
    /// </summary>
    public static string ReleaseNotes(IReadOnlyList<OcelotLayerVersion> versions, string distribution, string collectorVersion, string? releaseGroup, string buildTags)
    {
        var items = versions.Where(v => v.Distribution == distribution && v.CollectorVersion == collectorVersion &&
            (releaseGroup is null || v.ReleaseGroup == releaseGroup)).ToList();
        var lines = new List<string> { $"## Release Details for {MarkdownText.Inline(distribution)} - Collector {MarkdownText.Inline(collectorVersion)}\n" };
        var description = items.OrderByDescending(v => v.Version).FirstOrDefault(v => !string.IsNullOrEmpty(v.DistributionDescription))?.DistributionDescription;
        if (description is not null)
        {
            lines.Add("### Distribution Description\n");
            lines.Add($"> {MarkdownText.Inline(description)}\n\n");
        }
        lines.Add("### Build Tags Used:\n");
        var tags = buildTags.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        if (tags.Count > 0) lines.AddRange(tags.Select(t => $"- {MarkdownText.Code(t)}"));
        else lines.Add(buildTags.Length > 0 ? "- Default (no specific tags identified)" : "- Default (no specific tags)");
        lines.Add("\n");
        lines.Add("<details><summary>\n\n### Layer ARNs by Region (click to expand)\n\n</summary>\n");
        if (items.Count == 0)
        {
            lines.Add("No matching layers found in the metadata store for this specific version and distribution.\n");
        }
        foreach (var continent in items.GroupBy(v => Continent(v.Region)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            lines.Add("<table>");
            lines.Add($"<tr><td colspan=\"3\"><strong>{HtmlText.Encode(continent.Key)}</strong></td></tr>");
            foreach (var region in continent.GroupBy(v => v.Region).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                lines.Add($"<tr><td colspan=\"3\">✅ <strong>{HtmlText.Encode(DisplayName(region.Key))}</strong></td></tr>");
                foreach (var architecture in Architectures)
                {
                    foreach (var row in NewestPerLayerAndRegion(region.Where(v => v.Architecture == architecture)).OrderBy(v => v.LayerVersionArn, StringComparer.Ordinal))
                    {
                        lines.Add("<tr>");
                        lines.Add($"<td><img src=\"https://img.shields.io/badge/{HtmlText.UrlSegment(region.Key.Replace("-", "--"))}-eee?style=for-the-badge\" alt=\"{HtmlText.Encode(region.Key)}\"></td>");
                        lines.Add($"<td><img src=\"https://img.shields.io/badge/arch-{architecture}-{(architecture == "amd64" ? "blue" : "orange")}?style=for-the-badge\" alt=\"{architecture}\"></td>");
                        lines.Add($"<td><code>{HtmlText.Encode(row.LayerVersionArn)}</code></td>");
                        lines.Add("</tr>");
                    }
                }
            }
            lines.Add("</table>");
            lines.Add(string.Empty);
        }
        lines.Add("\n</details>");
        return string.Join("\n", lines);
    }

    public static string Json(IReadOnlyList<OcelotLayerVersion> versions) =>
        JsonSerializer.Serialize(versions.Select(v => new
        {
            v.Region, v.LayerName, v.Version, v.LayerVersionArn, v.LayerArn, v.Distribution, v.Architecture, v.CollectorVersion,
            v.ReleaseGroup, v.Md5, v.CodeSha256, v.CodeSize, v.CreatedDate, v.Description, v.SharedWith, v.Public,
        }), new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>
    /// A Terraform <c>locals</c> block: distribution → release group → architecture → region → newest layer version ARN,
    /// so two release groups of one distribution in one region both appear. A layer whose distribution, release group or
    /// architecture is unknown is kept under <c>"unknown"</c>. Every key and value is an escaped HCL string.
    /// </summary>
    public static string Terraform(IReadOnlyList<OcelotLayerVersion> versions)
    {
        var text = new StringBuilder("locals {\n  ocelot_layer_arns = {\n");
        static string Key(string? value) => HclText.Normalise(string.IsNullOrEmpty(value) ? "unknown" : value);
        foreach (var distribution in versions.GroupBy(v => Key(v.Distribution)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append($"    {HclText.Quoted(distribution.Key)} = {{\n");
            foreach (var group in distribution.GroupBy(v => Key(v.ReleaseGroup)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.Append($"      {HclText.Quoted(group.Key)} = {{\n");
                foreach (var architecture in group.GroupBy(v => Key(v.Architecture)).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    text.Append($"        {HclText.Quoted(architecture.Key)} = {{\n");
                    foreach (var region in architecture.GroupBy(v => Key(v.Region)).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        var newest = region.OrderByDescending(v => v.CreatedDate).ThenByDescending(v => v.Version).First();
                        text.Append($"          {HclText.Quoted(region.Key)} = {HclText.Quoted(newest.LayerVersionArn)}\n");
                    }
                    text.Append("        }\n");
                }
                text.Append("      }\n");
            }
            text.Append("    }\n");
        }
        text.Append("  }\n}\n");
        return text.ToString();
    }

    private static IEnumerable<OcelotLayerVersion> NewestPerLayerAndRegion(IEnumerable<OcelotLayerVersion> versions) =>
        versions.GroupBy(v => (v.LayerArn, v.Region)).Select(g => g.OrderByDescending(v => v.Version).First());

    // A region read back from a stranger's object may be no region at all; the SDK then has no display name for it.
    private static string DisplayName(string region)
    {
        try
        {
            return AwsRegion.DisplayName(region);
        }
        catch (ArgumentException)
        {
            return region;
        }
    }

    private static string Timestamp(DateTimeOffset? created) =>
        created is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "UTC" : string.Empty;

    /// <summary>The continent headings of the AWS locations data, by region prefix (the SDK has no continent field).</summary>
    public static string Continent(string region) => region.Split('-')[0] switch
    {
        "us" or "ca" or "mx" => "North America",
        "sa" => "South America",
        "eu" => "Europe",
        "ap" => "Asia Pacific",
        "me" or "il" => "Middle East",
        "af" => "Africa",
        "cn" => "China",
        _ => "Other",
    };
}
