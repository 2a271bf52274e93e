using Ocelot.Engine.Tests.Aws.Lambda.Support;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

public sealed class AccountSettingsTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task Is_null_on_moto_which_does_not_implement_it()
    {
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);

        Assert.Null(await client.GetAccountSettingsAsync());
        Assert.Equal(50L * 1024 * 1024, AccountLimits.DocumentedDirectUploadZipBytes);
    }

    [Fact]
    public async Task Reads_the_limits_lambda_reports()
    {
        using var standIn = new LoopbackLambdaStandIn(_ => StandInResponse.Json(200, new
        {
            AccountLimit = new { TotalCodeSize = 80530636800L, CodeSizeUnzipped = 262144000, CodeSizeZipped = 52428800, ConcurrentExecutions = 1000, UnreservedConcurrentExecutions = 900 },
            AccountUsage = new { TotalCodeSize = 1234, FunctionCount = 2 },
        }));
        using var client = LambdaLayerClient.Create("us-east-1", null, standIn.Url);

        var limits = await client.GetAccountSettingsAsync();

        Assert.Equal(new AccountLimits(80530636800L, 262144000, 52428800, 1000, 900), limits);
        Assert.Equal("/2016-08-19/account-settings/", Assert.Single(standIn.Requests).RawPath);
    }
}
