using Ocelot.Engine.Failures;
using Ocelot.Engine.Inventory;
using Ocelot.Engine.Layers;

namespace Ocelot.Engine.Tests.Inventory;

/// <summary>A layer version is identified by its ARN: every other part of an object to delete must agree with it.</summary>
public sealed class LayerVersionIdentityTests
{
    private const string Arn = "arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:3";
    private const string Name = "ocel-amd64-minimal-0_158_0-prod";

    [Fact]
    public void An_object_that_agrees_with_its_ARN_resolves_to_exactly_it()
    {
        var reference = LayerVersionIdentity.Resolve(Name, 3, "eu-west-1", Arn, "the object");
        Assert.Equal(new LayerVersionReference(Name, 3, "eu-west-1", Arn), reference);
        Assert.Equal(reference, LayerVersionIdentity.Resolve("arn:aws:lambda:eu-west-1:123456789012:layer:" + Name, 3, "eu-west-1", Arn, "the object"));
        Assert.Equal("aws-cn", LayerVersionArn.TryParse("arn:aws-cn:lambda:cn-north-1:123456789012:layer:x:1")!.Partition);
    }

    [Theory]
    [InlineData("ocel-amd64-other-0_158_0-prod", 3L, "eu-west-1", "LayerName 'ocel-amd64-other-0_158_0-prod'")]
    [InlineData(Name, 4L, "eu-west-1", "Version 4 (the ARN says 3)")]
    [InlineData(Name, 3L, "us-east-1", "Region 'us-east-1' (the ARN says 'eu-west-1')")]
    [InlineData("x", 1L, "us-east-1", "LayerName 'x'")]
    public void Any_part_that_disagrees_is_refused_naming_it(string name, long version, string region, string expected)
    {
        var failure = Assert.Throws<OcelotException>(() => LayerVersionIdentity.Resolve(name, version, region, Arn, "the piped layer version"));
        Assert.Equal(ErrorIds.LayerVersionIdentityMismatch, failure.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, failure.Kind);
        Assert.Contains(expected, failure.Message);
        Assert.Equal(Arn, failure.Target);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_region_is_refused_with_or_without_an_ARN(string? region)
    {
        Assert.Equal(ErrorIds.LayerVersionRegionMissing, Assert.Throws<OcelotException>(() => LayerVersionIdentity.Resolve(Name, 3, region, Arn, "the object")).ErrorId);
        Assert.Equal(ErrorIds.LayerVersionRegionMissing, Assert.Throws<OcelotException>(() => LayerVersionIdentity.Resolve(Name, 3, region, null, "the object")).ErrorId);
    }

    [Theory]
    [InlineData(Arn + "\n")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod")]
    [InlineData("arn:aws:lambda:eu-west-1:12345678901२:layer:x:3")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:x:0")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:x:3")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:a/b:3")]
    [InlineData("ocel-amd64-minimal-0_158_0-prod:3")]
    public void A_value_that_is_not_exactly_a_layer_version_ARN_is_refused(string arn)
    {
        Assert.Null(LayerVersionArn.TryParse(arn));
        Assert.Equal(ErrorIds.LayerVersionIdentityMismatch, Assert.Throws<OcelotException>(() => LayerVersionIdentity.Resolve(Name, 3, "eu-west-1", arn, "the object")).ErrorId);
    }
}
