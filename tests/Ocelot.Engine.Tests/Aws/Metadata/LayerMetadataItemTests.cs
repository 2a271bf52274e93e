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

/// <summary>Items come from anyone who can write the table: one that cannot be read is an error naming it and the attribute, never a crash.</summary>
public sealed class MalformedLayerMetadataItemTests
{
    private const string Arn = SampleItems.BaseLayerArn + ":3";

    public static TheoryData<string, AttributeValue, string> Malformed => new()
    {
        { "version", new() { N = "123456789012345678901234567890" }, "not a whole number" },
        { "version", new() { N = "9223372036854775808" }, "not a whole number" },
        { "version", new() { N = "1.5" }, "not a whole number" },
        { "version", new() { S = "three" }, "is not a number" },
        { "code_size", new() { N = "1e400" }, "not a whole number" },
        { "version", new() { BOOL = true }, "it is not a number" },
        { "distribution", new() { M = new() { ["a"] = new() { S = "b" } } }, "it is not a string" },
        { "distribution", new() { BOOL = false }, "it is not a string" },
        { "public", new() { S = "true" }, "it is not a boolean" },
        { "build_tags", new() { S = "custom" }, "not a list of strings" },
        { "shared_with", new() { L = [new() { M = new() { ["x"] = new() { S = "y" } } }] }, "something other than strings" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void An_attribute_of_the_wrong_type_or_an_unholdable_number_names_the_item_and_attribute(string attribute, AttributeValue value, string problem)
    {
        var map = new Dictionary<string, AttributeValue> { ["layer_arn"] = new() { S = Arn }, [attribute] = value };
        var failure = Assert.Throws<LayerMetadataFormatException>(() => LayerMetadataItem.FromAttributeMap(map));
        Assert.Equal(Arn, failure.LayerArn);
        Assert.Equal(attribute, failure.Attribute);
        Assert.Contains(problem, failure.Message);
        Assert.Contains(Arn, failure.Message);
    }

    [Fact]
    public void An_item_without_a_string_key_is_malformed()
    {
        Assert.Equal("layer_arn", Assert.Throws<LayerMetadataFormatException>(() => LayerMetadataItem.FromAttributeMap(new Dictionary<string, AttributeValue>
        {
            ["version"] = new() { N = "1" },
        })).Attribute);
        Assert.Throws<LayerMetadataFormatException>(() => LayerMetadataItem.FromAttributeMap(new Dictionary<string, AttributeValue>
        {
            ["layer_arn"] = new() { L = [] },
        }));
    }

    [Fact]
    public void Null_attributes_and_the_largest_holdable_number_are_read()
    {
        var item = LayerMetadataItem.FromAttributeMap(new Dictionary<string, AttributeValue>
        {
            ["layer_arn"] = new() { S = Arn },
            ["code_size"] = new() { N = "9223372036854775807" },
            ["distribution"] = new() { NULL = true },
            ["version"] = new() { N = "3.0" },
        });
        Assert.Equal(long.MaxValue, item.CodeSize);
        Assert.Equal(3, item.Version);
        Assert.Equal("", item.Distribution);
    }
}
