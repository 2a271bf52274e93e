using Amazon.DynamoDBv2.Model;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Components;

namespace Ocelot.Engine.Tests.CollectorConfig;

public sealed class StoredComponentsTests
{
    private static LayerMetadataItem Item(IReadOnlyList<OcelotLayerComponent>? components) => new()
    {
        LayerArn = "arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_158_0:1",
        Distribution = "minimal",
        BaseLayerArn = "arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_158_0",
        Version = 1,
        Region = "us-east-1",
        Architecture = "amd64",
        Md5Hash = new string('a', 32),
        Components = components,
        ConfigProviders = ["env", "secretsmanager"],
    };

    [Fact]
    public void Components_and_providers_round_trip_through_the_item_beside_the_existing_attributes()
    {
        OcelotLayerComponent[] components =
        [
            new() { Kind = "connector", Type = "spaneventtolog", BuildTag = "lambdacomponents.connector.spaneventtolog", Module = "github.com/dev7a/otelcol-con-spaneventtolog",
                    Version = "v0.6.0", ImportPath = "github.com/dev7a/otelcol-con-spaneventtolog/spaneventtologconnector", Signals = ["traces_to_logs"], FromMetadata = true },
            ComponentBuildTag.Component("receiver", "otlp", null),
        ];
        var map = Item(components).ToAttributeMap();
        Assert.Equal("minimal", map["distribution"].S);
        var back = LayerMetadataItem.FromAttributeMap(map);
        Assert.Equal(components, back.Components!, new ComponentComparer());
        Assert.Equal(["env", "secretsmanager"], back.ConfigProviders);
        Assert.False(Item(null).ToAttributeMap().ContainsKey("components"));
    }

    [Fact]
    public void Hand_edited_entries_that_are_not_a_kind_and_a_type_are_dropped()
    {
        var map = Item(null).ToAttributeMap();
        map["components"] = new AttributeValue
        {
            L =
            [
                new() { M = new() { ["kind"] = new() { S = "exporter" }, ["type"] = new() { S = "otlphttp" } } },
                new() { M = new() { ["kind"] = new() { S = "exporter" }, ["type"] = new() { S = "../../x" } } },
                new() { M = new() { ["kind"] = new() { S = "gadget" }, ["type"] = new() { S = "otlp" } } },
                new() { S = "not a map" },
            ],
        };
        Assert.Equal(["exporter/otlphttp"], LayerMetadataItem.FromAttributeMap(map).Components!.Select(c => c.Id));
    }

    private sealed class ComponentComparer : IEqualityComparer<OcelotLayerComponent>
    {
        public bool Equals(OcelotLayerComponent? a, OcelotLayerComponent? b) =>
            a is not null && b is not null && a with { Signals = [] } == b with { Signals = [] } && a.Signals.SequenceEqual(b.Signals);

        public int GetHashCode(OcelotLayerComponent c) => c.Id.GetHashCode();
    }
}
