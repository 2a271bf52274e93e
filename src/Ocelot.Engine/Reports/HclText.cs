using System.Globalization;
using System.Text;

namespace Ocelot.Engine.Reports;

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
