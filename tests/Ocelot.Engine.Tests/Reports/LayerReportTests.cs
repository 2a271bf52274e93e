using Ocelot.Engine.Publishing;
using Ocelot.Engine.Reports;

namespace Ocelot.Engine.Tests.Reports;

/// <summary>Reports for a known set of layer versions, compared with the expected documents.</summary>
public class LayerReportTests
{
    private static OcelotLayerVersion Version(string region, string name, long version, string distribution, string arch, string group, int minute,
        string collector = "v0.158.0", string? description = null) => new()
    {
        LayerName = name,
        Version = version,
        LayerArn = $"arn:aws:lambda:{region}:123456789012:layer:{name}",
        LayerVersionArn = $"arn:aws:lambda:{region}:123456789012:layer:{name}:{version}",
        Region = region,
        Distribution = distribution,
        DistributionDescription = description,
        Architecture = arch,
        ReleaseGroup = group,
        CollectorVersion = collector,
        LayerVersionString = collector.TrimStart('v').Replace('.', '_'),
        CreatedDate = new DateTimeOffset(2025, 7, 2, 14, minute, 23, TimeSpan.Zero),
        Status = LayerVersionStatus.Listed,
    };

    private static readonly OcelotLayerVersion[] Known =
    [
        Version("us-east-1", "ocel-amd64-minimal-0_158_0-prod", 1, "minimal", "amd64", "prod", 1),
        Version("us-east-1", "ocel-amd64-minimal-0_158_0-prod", 2, "minimal", "amd64", "prod", 2, description: "OTLP receiver\n"),
        Version("eu-west-1", "ocel-amd64-minimal-0_158_0-prod", 1, "minimal", "amd64", "prod", 3),
        Version("eu-west-1", "ocel-arm64-minimal-0_158_0-prod", 4, "minimal", "arm64", "prod", 4),
        Version("eu-west-1", "ocel-arm64-minimal-0_158_0-beta", 1, "minimal", "arm64", "beta", 5),
        Version("ap-southeast-2", "ocel-amd64-full-0_158_0-prod", 7, "full", "amd64", "prod", 6),
    ];

    [Fact]
    public void The_markdown_report_groups_by_distribution_then_architecture_with_the_newest_version_per_layer_and_region()
    {
        var expected = """
            # OpenTelemetry Lambda Layers Report
            Generated on: 2026-11-24 10:00:00

            Source: Ocelot layer listing (Lambda, with the metadata table where it has the version)

            This report lists all OpenTelemetry Lambda layers available across AWS regions.

            ## Available Layers by Distribution

            ### full Distribution

            #### amd64 Architecture

            | Region | Layer ARN | Version | Published (DB Timestamp) |
            |--------|-----------|---------|-------------------------|
            | ap-southeast-2 | `arn:aws:lambda:ap-southeast-2:123456789012:layer:ocel-amd64-full-0_158_0-prod:7` | 7 | 2025-07-02T14:06:23UTC |

            ### minimal Distribution

            #### amd64 Architecture

            | Region | Layer ARN | Version | Published (DB Timestamp) |
            |--------|-----------|---------|-------------------------|
            | eu-west-1 | `arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:1` | 1 | 2025-07-02T14:03:23UTC |
            | us-east-1 | `arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:2` | 2 | 2025-07-02T14:02:23UTC |

            #### arm64 Architecture

            | Region | Layer ARN | Version | Published (DB Timestamp) |
            |--------|-----------|---------|-------------------------|
            | eu-west-1 | `arn:aws:lambda:eu-west-1:123456789012:layer:ocel-arm64-minimal-0_158_0-prod:4` | 4 | 2025-07-02T14:04:23UTC |
            | eu-west-1 | `arn:aws:lambda:eu-west-1:123456789012:layer:ocel-arm64-minimal-0_158_0-beta:1` | 1 | 2025-07-02T14:05:23UTC |

            ## Usage Instructions

            To use a layer in your Lambda function, add the ARN to your function's configuration:

            ```bash
            aws lambda update-function-configuration --function-name YOUR_FUNCTION --layers ARN_FROM_TABLE
            ```

            For more information, see the [documentation](https://github.com/open-telemetry/opentelemetry-lambda).

            """;
        Assert.Equal(expected, LayerReport.Markdown(Known, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Release_notes_list_one_distribution_version_and_release_group_by_continent_and_region()
    {
        var expected = string.Join("\n",
            "## Release Details for minimal - Collector v0.158.0\n",
            "### Distribution Description\n",
            "> OTLP receiver\n\n",
            "### Build Tags Used:\n",
            "- `lambdacomponents.custom`",
            "- `lambdacomponents.receiver.otlp`",
            "\n",
            "<details><summary>\n\n### Layer ARNs by Region (click to expand)\n\n</summary>\n",
            "<table>",
            "<tr><td colspan=\"3\"><strong>Europe</strong></td></tr>",
            "<tr><td colspan=\"3\">✅ <strong>Europe (Ireland)</strong></td></tr>",
            "<tr>",
            "<td><img src=\"https://img.shields.io/badge/eu--west--1-eee?style=for-the-badge\" alt=\"eu-west-1\"></td>",
            "<td><img src=\"https://img.shields.io/badge/arch-amd64-blue?style=for-the-badge\" alt=\"amd64\"></td>",
            "<td><code>arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:1</code></td>",
            "</tr>",
            "<tr>",
            "<td><img src=\"https://img.shields.io/badge/eu--west--1-eee?style=for-the-badge\" alt=\"eu-west-1\"></td>",
            "<td><img src=\"https://img.shields.io/badge/arch-arm64-orange?style=for-the-badge\" alt=\"arm64\"></td>",
            "<td><code>arn:aws:lambda:eu-west-1:123456789012:layer:ocel-arm64-minimal-0_158_0-prod:4</code></td>",
            "</tr>",
            "</table>",
            "",
            "<table>",
            "<tr><td colspan=\"3\"><strong>North America</strong></td></tr>",
            "<tr><td colspan=\"3\">✅ <strong>US East (N. Virginia)</strong></td></tr>",
            "<tr>",
            "<td><img src=\"https://img.shields.io/badge/us--east--1-eee?style=for-the-badge\" alt=\"us-east-1\"></td>",
            "<td><img src=\"https://img.shields.io/badge/arch-amd64-blue?style=for-the-badge\" alt=\"amd64\"></td>",
            "<td><code>arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:2</code></td>",
            "</tr>",
            "</table>",
            "",
            "\n</details>");
        var actual = LayerReport.ReleaseNotes(Known, "minimal", "v0.158.0", "prod", "lambdacomponents.custom,lambdacomponents.receiver.otlp");
        Assert.Equal(expected, actual);
        Assert.DoesNotContain("beta", actual);
    }

    [Fact]
    public void Release_notes_without_matching_layers_say_so()
    {
        var notes = LayerReport.ReleaseNotes(Known, "minimal", "v0.999.0", null, "");
        Assert.Contains("- Default (no specific tags)", notes);
        Assert.Contains("No matching layers found in the metadata store for this specific version and distribution.\n", notes);
    }

    [Fact]
    public void Terraform_maps_distribution_release_group_and_architecture_to_the_newest_ARN_per_region_keeping_every_group()
    {
        var expected = """
            locals {
              ocelot_layer_arns = {
                "full" = {
                  "prod" = {
                    "amd64" = {
                      "ap-southeast-2" = "arn:aws:lambda:ap-southeast-2:123456789012:layer:ocel-amd64-full-0_158_0-prod:7"
                    }
                  }
                }
                "minimal" = {
                  "beta" = {
                    "arm64" = {
                      "eu-west-1" = "arn:aws:lambda:eu-west-1:123456789012:layer:ocel-arm64-minimal-0_158_0-beta:1"
                    }
                  }
                  "prod" = {
                    "amd64" = {
                      "eu-west-1" = "arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:1"
                      "us-east-1" = "arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:2"
                    }
                    "arm64" = {
                      "eu-west-1" = "arn:aws:lambda:eu-west-1:123456789012:layer:ocel-arm64-minimal-0_158_0-prod:4"
                    }
                  }
                }
              }
            }

            """;
        Assert.Equal(expected, LayerReport.Terraform(Known));
    }

    [Fact]
    public void Json_lists_every_version()
    {
        using var document = System.Text.Json.JsonDocument.Parse(LayerReport.Json(Known));
        Assert.Equal(Known.Length, document.RootElement.GetArrayLength());
        Assert.Equal("minimal", document.RootElement[0].GetProperty("Distribution").GetString());
    }
}
