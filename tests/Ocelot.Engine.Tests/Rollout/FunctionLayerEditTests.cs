using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Rollout;
using Xunit;

namespace Ocelot.Engine.Tests.Rollout;

public class FunctionLayerEditTests
{
    private const string Otel1 = "arn:aws:lambda:us-east-1:123456789012:layer:otel:1";
    private const string Otel2 = "arn:aws:lambda:us-east-1:123456789012:layer:otel:2";
    private const string Other = "arn:aws:lambda:us-east-1:901920570463:layer:other:7";
    private static readonly LayerVersionArn Target = LayerVersionArn.Parse(Otel2);

    [Fact]
    public void The_new_version_takes_the_old_ones_place_and_the_other_layers_keep_theirs()
    {
        var edit = FunctionLayerEdit.For([Other, Otel1, "arn:aws:lambda:us-east-1:123456789012:layer:third:3"], Target, add: false)!;
        Assert.Equal([Other, Otel2, "arn:aws:lambda:us-east-1:123456789012:layer:third:3"], edit.Layers);
        Assert.Equal((Otel1, FunctionLayerChangeKind.Replace), (edit.PreviousLayerVersionArn, edit.Kind));
    }

    [Fact]
    public void A_function_without_the_layer_is_left_alone_unless_Add_appends_it()
    {
        Assert.Null(FunctionLayerEdit.For([Other], Target, add: false));
        var edit = FunctionLayerEdit.For([Other], Target, add: true)!;
        Assert.Equal([Other, Otel2], edit.Layers);
        Assert.Equal((null, FunctionLayerChangeKind.Add), (edit.PreviousLayerVersionArn, edit.Kind));
    }

    [Fact]
    public void A_function_already_on_the_version_is_unchanged()
    {
        Assert.Equal(FunctionLayerChangeKind.Unchanged, FunctionLayerEdit.For([Otel2, Other], Target, add: true)!.Kind);
    }

    [Fact]
    public void Same_name_in_another_account_or_region_is_another_layer()
    {
        Assert.Null(FunctionLayerEdit.For(["arn:aws:lambda:us-east-1:999999999999:layer:otel:1", "arn:aws:lambda:eu-west-1:123456789012:layer:otel:1"], Target, add: false));
    }

    [Fact]
    public void AlsoReplace_swaps_an_older_releases_layer_and_drops_a_second_match()
    {
        var old = "arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_157_0-prod:4";
        var target = LayerVersionArn.Parse("arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_158_0-prod:1");
        var edit = FunctionLayerEdit.For([old, Other, "arn:aws:lambda:us-east-1:123456789012:layer:ocel-amd64-minimal-0_156_0-prod:9"], target, add: false,
            alsoReplace: name => name.StartsWith("ocel-amd64-minimal-", StringComparison.Ordinal))!;
        Assert.Equal([target.ToString(), Other], edit.Layers);
        Assert.Equal(old, edit.PreviousLayerVersionArn);
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:layer:otel:2\n")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:layer:otel")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:layer:otel:0")]
    [InlineData("arn:aws:lambda:us-east-1:12345:layer:otel:2")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:otel:2")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:layer:ot/el:2")]
    public void Anything_but_a_layer_version_arn_is_refused(string text)
    {
        Assert.False(LayerVersionArn.TryParse(text, out _));
        Assert.Equal(ErrorIds.LayerVersionArnInvalid, Assert.Throws<OcelotException>(() => LayerVersionArn.Parse(text)).ErrorId);
    }

    [Fact]
    public void A_layer_version_arn_round_trips()
    {
        var arn = LayerVersionArn.Parse("arn:aws-cn:lambda:cn-north-1:123456789012:layer:a_b-c:42");
        Assert.Equal(("aws-cn", "cn-north-1", "123456789012", "a_b-c", 42L), (arn.Partition, arn.Region, arn.Account, arn.LayerName, arn.Version));
        Assert.Equal("arn:aws-cn:lambda:cn-north-1:123456789012:layer:a_b-c:42", arn.ToString());
    }
}
