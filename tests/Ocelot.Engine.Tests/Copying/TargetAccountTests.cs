using Ocelot.Engine.Aws;
using Ocelot.Engine.Copying;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Tests.Copying;

/// <summary>Copies land in the target account: its clients use the target's keys and the source's endpoint, never the source's keys.</summary>
public sealed class TargetAccountTests
{
    private static readonly AwsConnection Source = new AwsConnection(null, "http://127.0.0.1:4566") { AccessKey = "AKIASOURCE", SecretKey = "source-secret", ReadEnvironment = _ => null }.Resolve();

    [Fact]
    public void A_target_given_by_keys_signs_with_them_at_the_source_endpoint()
    {
        var target = new TargetAccount(null, "AKIATARGET", "target-secret", null).Connection(Source);

        Assert.Equal("AKIATARGET", target.Credentials()!.GetCredentials().AccessKey);
        Assert.Equal(Source.EndpointUrl, target.EndpointUrl);
    }

    [Fact]
    public void No_target_means_the_source_account()
    {
        Assert.Same(Source, new TargetAccount(null, null, null, null).Connection(Source));
        Assert.Equal("AKIASOURCE", Source.Credentials()!.GetCredentials().AccessKey);
    }

    [Fact]
    public void A_target_key_without_its_secret_is_refused()
    {
        var error = Assert.Throws<OcelotException>(() => new TargetAccount(null, "AKIATARGET", null, null).Connection(Source));
        Assert.Equal(ErrorIds.CopyTargetInvalid, error.ErrorId);
    }
}
