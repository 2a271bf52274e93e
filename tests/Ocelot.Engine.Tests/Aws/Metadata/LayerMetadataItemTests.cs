using Amazon.DynamoDBv2.Model;

using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Aws.Metadata;

public sealed class LayerMetadataItemTests
{
    [Fact]
    public void Attribute_map_round_trips_every_property()
    {
        var original = SampleItems.Full();

        var copy = LayerMetadataItem.FromAttributeMap(original.ToAttributeMap());

        Assert.Equal(WithoutLists(original), WithoutLists(copy));
        Assert.Equal(original.CompatibleRuntimes, copy.CompatibleRuntimes);
        Assert.Equal(original.BuildTags, copy.BuildTags);
        Assert.Equal(original.SharedWith, copy.SharedWith);
    }

    [Fact]
    public void Empty_strings_and_lists_are_not_written_and_read_back_as_null()
    {
        var item = SampleItems.Minimal() with
        {
            DistributionDescription = "",
            BaseName = "",
            CompatibleRuntimes = [],
            SharedWith = [],
            BuildTags = [],
        };

        var map = item.ToAttributeMap();
        var copy = LayerMetadataItem.FromAttributeMap(map);

        Assert.Equal(
            ["architecture", "base_layer_arn", "distribution", "layer_arn", "md5_hash", "public", "region", "version"],
            map.Keys.Order());
        Assert.Null(copy.DistributionDescription);
        Assert.Null(copy.BaseName);
        Assert.Null(copy.CompatibleRuntimes);
        Assert.Null(copy.SharedWith);
        Assert.Null(copy.CodeSize);
    }

    [Fact]
    public void Missing_required_attributes_are_all_named()
    {
        var item = SampleItems.Minimal() with { Distribution = "", Md5Hash = "", Version = 0 };

        Assert.Equal(["distribution", "version", "md5_hash"], item.FindMissingRequiredAttributes());
    }

    [Fact]
    public void Reading_is_lenient_about_types_and_absent_attributes()
    {
        var item = LayerMetadataItem.FromAttributeMap(new Dictionary<string, AttributeValue>
        {
            ["layer_arn"] = new() { S = SampleItems.BaseLayerArn + ":7" },
            ["version"] = new() { S = "7" },
            ["compatible_runtimes"] = new() { SS = ["python3.12"] },
        });

        Assert.Equal(7, item.Version);
        Assert.Equal(["python3.12"], item.CompatibleRuntimes);
        Assert.False(item.Public);
        Assert.Equal("", item.Distribution);
        Assert.Null(item.PublishTimestamp);
    }

    [Theory]
    [InlineData(123456, "2025-07-02T14:29:23.123456+00:00")]
    [InlineData(5, "2025-07-02T14:29:23.000005+00:00")]
    [InlineData(0, "2025-07-02T14:29:23+00:00")]
    public void Publish_timestamp_matches_python_isoformat(int microseconds, string expected)
    {
        // A non-UTC offset and sub-microsecond ticks: Python would show UTC and truncate.
        var instant = new DateTimeOffset(2025, 7, 2, 16, 29, 23, TimeSpan.FromHours(2)).AddTicks(microseconds * 10L + 7);

        Assert.Equal(expected, PublishTimestamp.Format(instant));
    }

    private static LayerMetadataItem WithoutLists(LayerMetadataItem item) =>
        item with { CompatibleRuntimes = null, BuildTags = null, SharedWith = null };
}
