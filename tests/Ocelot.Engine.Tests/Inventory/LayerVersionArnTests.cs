using Ocelot.Engine.Failures;
using Ocelot.Engine.Inventory;

namespace Ocelot.Engine.Tests.Inventory;

/// <summary>A layer version is identified by its ARN: the values that come with it must agree with it.</summary>
public sealed class LayerVersionArnTests
{
    private const string Arn = "arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:7";

    [Fact]
    public void An_arn_names_its_layer_version_and_region()
    {
        Assert.Equal(new LayerVersionReference("ocel-amd64-minimal-0_158_0-prod", 7, "eu-west-1"), LayerVersionArn.Check(Arn, null, null, null));
        Assert.Equal(new LayerVersionReference("ocel-amd64-minimal-0_158_0-prod", 7, "eu-west-1"),
            LayerVersionArn.Check(Arn, "ocel-amd64-minimal-0_158_0-prod", 7, "EU-WEST-1"));
    }

    [Theory]
    [InlineData("ocel-amd64-minimal-0_158_0-beta", 7L, "eu-west-1")]
    [InlineData("ocel-amd64-minimal-0_158_0-prod", 8L, "eu-west-1")]
    [InlineData("ocel-amd64-minimal-0_158_0-prod", 7L, "us-east-1")]
    public void Values_that_disagree_with_the_arn_are_refused(string layerName, long version, string region)
    {
        var error = Assert.Throws<OcelotException>(() => LayerVersionArn.Check(Arn, layerName, version, region));
        Assert.Equal(ErrorIds.InputObjectInvalid, error.ErrorId);
    }

    [Theory]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:name")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:name:0")]
    [InlineData("arn:aws:lambda:eu-west-1:12345678901:layer:name:1")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:name:1\n")]
    [InlineData("arn:aws:lambda:eu-west-1:١٢٣٤٥٦٧٨٩٠١٢:layer:name:1")]
    [InlineData("arn:aws:s3:eu-west-1:123456789012:layer:name:1")]
    [InlineData("arn:aws:lambda:nowhere-9:123456789012:layer:name:1")]
    public void A_malformed_arn_is_refused(string arn)
    {
        Assert.Throws<OcelotException>(() => LayerVersionArn.Check(arn, null, null, null));
    }
}
