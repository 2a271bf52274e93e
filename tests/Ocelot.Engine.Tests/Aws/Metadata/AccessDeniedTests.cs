using System.Net;
using System.Reflection;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Tests.Aws.Metadata;

// moto_server does not enforce IAM by default, so the denial comes from a stand-in client.
public sealed class AccessDeniedTests
{
    [Fact]
    public async Task Access_denied_surfaces_as_its_own_exception()
    {
        var table = new LayerMetadataTable(DenyingClient.Create(), "ocelot-layers");

        var error = await Assert.ThrowsAsync<MetadataTableException>(() => table.PutAsync(SampleItems.Full()));

        Assert.Equal(MetadataTableProblem.AccessDenied, error.Problem);

        Assert.Equal("PutItem", error.Operation);
        Assert.Equal("eu-west-1", error.Region);
        Assert.Contains("not authorized", error.Message);
    }

    public class DenyingClient : DispatchProxy
    {
        public static IAmazonDynamoDB Create() => DispatchProxy.Create<IAmazonDynamoDB, DenyingClient>();

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method?.Name == "get_Config") return new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.EUWest1 };
            var denied = new AmazonDynamoDBException("User is not authorized to perform: dynamodb:PutItem", null,
                ErrorType.Sender, "AccessDeniedException", "request-1", HttpStatusCode.BadRequest);
            var resultType = method!.ReturnType.GetGenericArguments().Single();
            var fromException = typeof(Task).GetMethod(nameof(Task.FromException), 1, [typeof(Exception)])!;
            return fromException.MakeGenericMethod(resultType).Invoke(null, [denied]);
        }
    }
}
