using System.Net;

namespace Ocelot.Engine.Reports;

/// <summary>Text for HTML in a Markdown document: entity-encoded, on one line (a blank line would end the HTML block).</summary>
public static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(MarkdownText.OneLine(text ?? string.Empty));

    /// <summary>A value placed in a URL path segment inside an HTML attribute.</summary>
    public static string UrlSegment(string? text) => Encode(Uri.EscapeDataString(text ?? string.Empty));
}
