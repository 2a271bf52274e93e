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
