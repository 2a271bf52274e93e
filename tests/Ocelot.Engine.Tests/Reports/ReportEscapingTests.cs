using System.Text;
using System.Text.Json;
using CsCheck;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Ocelot.Engine.Publishing;
using Ocelot.Engine.Reports;

namespace Ocelot.Engine.Tests.Reports;

/// <summary>
/// Reports built from data a stranger wrote (layer names, ARNs, regions, metadata items): each document means exactly
/// the data. Terraform output is read back by the real terraform binary; Markdown by Markdig with GitHub's extensions.
/// </summary>
public sealed class ReportEscapingTests
{
    private static readonly string[] Hostile =
    [
        "${file(\"/etc/passwd\")}",
        "%{ for x in [1] }${x}%{ endfor }",
        "$${already} %%{escaped}",
        "$$${x}",
        "a\"b\\c\\\"d",
        "line\nbreak\r\nand\ttab",
        "\\${x}",
        "trailing backslash\\",
        "<script>alert(1)</script>",
        "| a | b |\n|---|---|",
        "[click](https://evil.example/x) ![img](https://evil.example/p.png)",
        "`code` **bold** _em_ ~~strike~~ $math$",
        "- list\n1. item\n# heading\n> quote",
        "&amp; &lt; &#x3c;",
        "e\u0301 combining, \u212B angstrom",
        "\u0000\u0007\u001b[31m\u007f\u0085\u2028\u2029",
        "emoji 😀 and 𝔘𝔫𝔦",
        "",
    ];

    private static OcelotLayerVersion Version(string distribution, string group, string architecture, string region, string arn, int minute = 0) => new()
    {
        LayerName = "layer",
        Version = 1,
        LayerArn = arn,
        LayerVersionArn = arn,
        Region = region,
        Distribution = distribution,
        ReleaseGroup = group,
        Architecture = architecture,
        CollectorVersion = "v0.158.0",
        DistributionDescription = arn,
        CreatedDate = new DateTimeOffset(2026, 1, 1, 0, minute, 0, TimeSpan.Zero),
        Status = LayerVersionStatus.Listed,
    };

    private static string Expected(string value) => value.Length == 0 ? "unknown" : value.Normalize(NormalizationForm.FormC);

    private static void AssertTerraformReadsBack(IReadOnlyList<OcelotLayerVersion> versions)
    {
        var expected = new SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, string>>>>(StringComparer.Ordinal);
        foreach (var v in versions.OrderBy(v => v.CreatedDate))
        {
            var groups = expected.TryGetValue(Expected(v.Distribution!), out var g) ? g : expected[Expected(v.Distribution!)] = new(StringComparer.Ordinal);
            var architectures = groups.TryGetValue(Expected(v.ReleaseGroup!), out var a) ? a : groups[Expected(v.ReleaseGroup!)] = new(StringComparer.Ordinal);
            var regions = architectures.TryGetValue(Expected(v.Architecture!), out var r) ? r : architectures[Expected(v.Architecture!)] = new(StringComparer.Ordinal);
            regions[Expected(v.Region)] = v.LayerVersionArn.Normalize(NormalizationForm.FormC);
        }
        // Every leaf is read back base64-encoded: terraform NFC-normalises jsonencode's output text, which can fuse an
        // escape such as \r with a following combining mark and so corrupt the JSON, though not the value.
        var rows = TerraformConsole.Evaluate(LayerReport.Terraform(versions),
            "flatten([for d, gs in local.ocelot_layer_arns : [for g, as in gs : [for a, rs in as : [for r, arn in rs : " +
            "[base64encode(d), base64encode(g), base64encode(a), base64encode(r), base64encode(arn)]]]]])");
        var actual = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var leaves = rows.EnumerateArray().Select(e => Encoding.UTF8.GetString(Convert.FromBase64String(e.GetString()!))).Chunk(5);
        foreach (var leaf in leaves)
        {
            var node = actual;
            foreach (var key in leaf[..3])
                node = (SortedDictionary<string, object>)(node.TryGetValue(key, out var child) ? child : node[key] = new SortedDictionary<string, object>(StringComparer.Ordinal));
            node[leaf[3]] = leaf[4];
        }
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
    }

    [Fact]
    public void Terraform_reads_back_every_hostile_string_as_the_same_string_and_evaluates_nothing()
    {
        var versions = Hostile.Select((text, i) => Version(text, "g" + text, text + "a", "r" + text, "arn:" + text, i)).ToList();
        AssertTerraformReadsBack(versions);
    }

    private static Gen<string> Choice(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    private static readonly Gen<string> Piece = Gen.OneOf(
        Choice("${", "%{", "$", "%", "{", "}", "\\", "\"", "\n", "\r", "\t", "$${", "%%{", "\\u0041", "\u0301", "\u0000", "\u007f", "\u2028"),
        Gen.Int[0x20, 0x7E].Select(c => ((char)c).ToString()),
        Gen.Int[0, 0x1F].Select(c => ((char)c).ToString()),
        Gen.Int[0x80, 0xD7FF].Select(c => char.ConvertFromUtf32(c)),
        Gen.Int[0xE000, 0x10FFFF].Select(c => char.ConvertFromUtf32(c)));

    private static readonly Gen<string> HostileString = Piece.Array[0, 10].Select(parts => string.Concat(parts));

    [Fact]
    public void Terraform_reads_back_generated_strings_exactly_in_their_NFC_form()
    {
        var version = Gen.Select(HostileString, HostileString, HostileString, HostileString, HostileString, Gen.Int[0, 59],
            (d, g, a, r, arn, minute) => Version(d, g, a, r, arn, minute));
        // One terraform run checks a batch of 40 versions; 8 batches keep the test to a few seconds.
        version.List[40].Sample(AssertTerraformReadsBack, iter: 8, threads: 1);
    }

    // GitHub's extensions to CommonMark: tables, strikethrough, autolinks, task lists, footnotes, math.
    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseAutoLinks().UseTaskLists().UseFootnotes().UseMathematics().Build();

    private static string PlainText(ContainerInline? inlines)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines?.Descendants<Inline>() ?? [])
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.ToString()); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }
        return Collapse(text.ToString());
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Flat(string text) => Collapse(new string(text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray()));

    private static void AssertMarkdownMeansTheData(string distribution, string region, string arn)
    {
        var report = LayerReport.Markdown([Version(distribution, "prod", "amd64", region, arn)], DateTimeOffset.UnixEpoch);
        var document = Markdown.Parse(report, GitHubLike);
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.Empty(document.Descendants<EmphasisInline>());
        // The one link is the report's own documentation link; anything autolinked shows its own target as its text.
        var links = document.Descendants<LinkInline>().ToList();
        Assert.All(links, l => Assert.False(l.IsImage));
        Assert.Single(links, l => !l.IsAutoLink);
        Assert.All(links.Where(l => l.IsAutoLink), l => Assert.EndsWith(PlainText(l).Replace("http://", string.Empty), l.Url));
        var heading = Assert.Single(document.Descendants<HeadingBlock>(), h => h.Level == 3);
        Assert.Equal(Flat(distribution + " Distribution"), PlainText(heading.Inline));
        var table = Assert.Single(document.Descendants<Table>());
        Assert.Equal(2, table.Count);
        var row = (TableRow)table[1];
        Assert.Equal(4, row.Count);
        string Cell(int i) => PlainText(((ParagraphBlock)((TableCell)row[i])[0]).Inline);
        Assert.Equal(Flat(region), ((TableCell)row[0]).Count == 0 ? string.Empty : Cell(0));
        Assert.Equal(Flat(arn), ((TableCell)row[1]).Count == 0 ? string.Empty : Cell(1));
        Assert.Equal("1", Cell(2));
    }

    [Fact]
    public void Markdown_keeps_hostile_strings_inside_their_cell_and_heading_as_text()
    {
        foreach (var text in Hostile.Where(t => t.Length > 0)) AssertMarkdownMeansTheData(text, text, text);
        AssertMarkdownMeansTheData("minimal", "us-east-1", "arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:1");
        Assert.Contains("| `arn:aws:lambda:us-east-1:123456789012:layer:x:1` |",
            LayerReport.Markdown([Version("d", "prod", "amd64", "us-east-1", "arn:aws:lambda:us-east-1:123456789012:layer:x:1")], DateTimeOffset.UnixEpoch));
    }

    private static readonly Gen<string> MarkdownHostile = Gen.OneOf(
        Choice("|", "\n", "\r\n", "<", ">", "&", "[", "]", "(", ")", "!", "`", "*", "_", "#", "\\", "$", "{", "}", "~", "-", "+", "=", ".",
            "1", " ", "a", ":", "/", "\"", "'", "http://", "www.", "<b>", "&lt;", "\t", "\u2028"),
        Gen.Int[0x20, 0x7E].Select(c => ((char)c).ToString()))
        .Array[1, 16].Select(parts => string.Concat(parts)).Where(s => Flat(s).Length > 0);

    [Fact]
    public void Markdown_keeps_generated_strings_as_text_in_their_place()
    {
        Gen.Select(MarkdownHostile, MarkdownHostile, MarkdownHostile).Sample((d, r, a) => AssertMarkdownMeansTheData(d, r, a), iter: 2000);
    }

    [Fact]
    public void Release_notes_encode_hostile_strings_as_text_in_their_html_table()
    {
        foreach (var text in Hostile.Where(t => t.Length > 0))
        {
            var notes = LayerReport.ReleaseNotes([Version("minimal", "prod", "amd64", "eu-west-1", text) with { DistributionDescription = text }], "minimal", "v0.158.0", "prod", text);
            var document = Markdown.Parse(notes, GitHubLike);
            Assert.Empty(document.Descendants<EmphasisInline>());
            Assert.DoesNotContain(document.Descendants<LinkInline>(), l => !l.IsAutoLink);
            // Only Ocelot's own tags: the data never opens one.
            var html = string.Concat(document.Descendants<HtmlBlock>().Select(b => b.Lines.ToString()));
            var tags = System.Text.RegularExpressions.Regex.Matches(html, "<(/?[a-z]+)").Select(m => m.Groups[1].Value).Distinct().Order().ToList();
            Assert.Equal(["/code", "/details", "/strong", "/summary", "/table", "/td", "/tr", "code", "details", "img", "strong", "summary", "table", "td", "tr"],
                tags.Intersect(["/code", "/details", "/strong", "/summary", "/table", "/td", "/tr", "code", "details", "img", "strong", "summary", "table", "td", "tr", "script", "b", "a"]).ToList());
            Assert.Contains($"<td><code>{System.Net.WebUtility.HtmlEncode(Flat(text).Length == 0 ? "" : new string(text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray()))}</code></td>", notes);
            var quote = Assert.Single(document.Descendants<QuoteBlock>());
            Assert.Equal(Flat(text), PlainText(((ParagraphBlock)quote[0]).Inline));
        }
    }

    [Fact]
    public void Json_is_a_real_serializer_and_reads_back_every_hostile_string()
    {
        var versions = Hostile.Select((text, i) => Version(text, text, text, text, text, i)).ToList();
        using var document = JsonDocument.Parse(LayerReport.Json(versions));
        Assert.Equal(Hostile, document.RootElement.EnumerateArray().Select(e => e.GetProperty("LayerVersionArn").GetString()));
        Assert.Equal(Hostile, document.RootElement.EnumerateArray().Select(e => e.GetProperty("Distribution").GetString()));
    }
}
