using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Ocelot.Engine.Reports;

/// <summary>
/// Text from AWS (layer names, ARNs, descriptions, metadata items) written into a document so that it stays text:
/// it can neither end the construct it sits in (a table cell, a heading, an HTML block, a quoted string) nor start a
/// new one (a link, an image, an HTML tag, a template interpolation).
/// </summary>
public static partial class MarkdownText
{
    /// <summary>
    /// For an inline context (a table cell, a heading, a blockquote line): line breaks become spaces, HTML's
    /// <c>&amp; &lt; &gt;</c> become entities, and every ASCII punctuation mark Markdown or a common extension gives a
    /// meaning (emphasis, code, links, autolinks, images, tables, strikethrough, math, attributes) is backslash-escaped,
    /// as is a leading block marker.
    /// </summary>
    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var flat = OneLine(text).Trim();
        var escaped = new StringBuilder(flat.Length + 8);
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '!' or '#' or '|' or '~' or '$' or '{' or '}'
                    or '=' or '+' or '^' or ':' or '@' or '"':
                    escaped.Append('\\').Append(c);
                    break;
                // "www." starts an extended autolink; "://", ":" and "@" are escaped above for the other kinds.
                case '.' when i >= 3 && flat.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase):
                    escaped.Append("\\.");
                    break;
                default: escaped.Append(c); break;
            }
        }
        var result = escaped.ToString();
        // A line starting "- " or "1. " would become a list (or "---" a rule) in a blockquote.
        var block = LeadingBlockMarker().Match(result);
        return block.Success ? result.Insert(block.Groups["mark"].Index, "\\") : result;
    }

    /// <summary>
    /// A code span when the text is made only of characters that cannot end or escape one (an ARN, a region, a build
    /// tag as Lambda and Ocelot write them); otherwise the escaped text, so hostile data never renders as code it is not.
    /// </summary>
    public static string Code(string? text) =>
        text is not null && PlainToken().IsMatch(text) ? $"`{text}`" : Inline(text);

    /// <summary>Control characters and Unicode line/paragraph separators become spaces: one value, one line.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        return builder.ToString();
    }

    [GeneratedRegex(@"\A\s*(?:(?<mark>-)|\d{1,9}(?<mark>[.)]))")]
    private static partial Regex LeadingBlockMarker();

    [GeneratedRegex(@"\A[A-Za-z0-9:._/+=@-]{1,2048}\z")]
    private static partial Regex PlainToken();
}

/// <summary>Text for HTML in a Markdown document: entity-encoded, on one line (a blank line would end the HTML block).</summary>
public static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(MarkdownText.OneLine(text ?? string.Empty));

    /// <summary>A value placed in a URL path segment inside an HTML attribute.</summary>
    public static string UrlSegment(string? text) => Encode(Uri.EscapeDataString(text ?? string.Empty));
}

/// <summary>
/// A Terraform (HCL) quoted string that reads back as exactly the given text: backslashes, quotes and line breaks
/// escaped, and the template sequences <c>${</c> and <c>%{</c> doubled so <c>terraform apply</c> never evaluates
/// anything from AWS. Everything outside printable ASCII is a <c>\u</c>/<c>\U</c> escape: HCL normalises its source
/// text to Unicode NFC, which would otherwise fuse a combining mark with the escape before it (<c>\r</c> + U+0301
/// became <c>\ŕ</c>). HCL also normalises every string value to NFC, so the text is written in that form (ARNs, names
/// and regions are ASCII and unchanged); unpaired surrogates become U+FFFD.
/// </summary>
public static class HclText
{
    public static string Quoted(string? text)
    {
        var value = Normalise(text ?? string.Empty);
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            switch (c)
            {
                case '\\': quoted.Append(@"\\"); break;
                case '"': quoted.Append("\\\""); break;
                case '\n': quoted.Append(@"\n"); break;
                case '\r': quoted.Append(@"\r"); break;
                case '\t': quoted.Append(@"\t"); break;
                case '$' or '%' when next == '{': quoted.Append(c).Append(c); break;
                default:
                    if (c is >= ' ' and <= '~')
                        quoted.Append(c);
                    else if (char.IsHighSurrogate(c))
                        quoted.Append(@"\U").Append(char.ConvertToUtf32(c, value[++i]).ToString("X8", CultureInfo.InvariantCulture));
                    else
                        quoted.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>The string Terraform will hold for <paramref name="text"/>: valid UTF-16, in NFC.</summary>
    public static string Normalise(string text)
    {
        var valid = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                valid.Append(text[i]).Append(text[++i]);
            }
            else valid.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
        }
        return valid.ToString().Normalize(NormalizationForm.FormC);
    }
}
