using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Tests.Layers;

/// <summary>A layer version is identified by its ARN: one parser reads it, and anything but exactly such an ARN is refused.</summary>
public sealed class LayerVersionArnTests
{
    [Fact]
    public void An_arn_names_its_layer_version_and_region()
    {
        var arn = LayerVersionArn.Parse("arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:7");
        Assert.Equal(("ocel-amd64-minimal-0_158_0-prod", 7L, "eu-west-1"), (arn.LayerName, arn.Version, arn.Region));
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod", arn.LayerArn);
        Assert.Equal("us-gov-west-1", LayerVersionArn.Parse("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:layer:x:1").Region);
    }

    [Theory]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:name")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:name:0")]
    [InlineData("arn:aws:lambda:eu-west-1:12345678901:layer:name:1")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:name:1\n")]
    [InlineData("arn:aws:lambda:eu-west-1:١٢٣٤٥٦٧٨٩٠١٢:layer:name:1")]
    [InlineData("arn:aws:s3:eu-west-1:123456789012:layer:name:1")]
    [InlineData("arn:aws:lambda:nowhere-9:123456789012:layer:name:1")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:name:1234567890123456789")]
    public void A_malformed_arn_is_refused(string arn)
    {
        Assert.Null(LayerVersionArn.TryParse(arn));
        Assert.Equal(ErrorIds.LayerVersionArnInvalid, Assert.Throws<OcelotException>(() => LayerVersionArn.Parse(arn)).ErrorId);
    }
}
