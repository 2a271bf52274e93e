using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>Pipeline handler that maps the client config to endpoint parameters for <see cref="LambdaEndpointProvider"/>.</summary>
public sealed class LambdaEndpointResolver : BaseEndpointResolver
{
    protected override void ServiceSpecificHandler(IExecutionContext executionContext, EndpointParameters parameters)
        => InjectHostPrefix(executionContext.RequestContext);

    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        // RegionEndpoint must be read before ServiceURL: its first read may assign the region, and assigning
        // the region clears an endpoint that ServiceURL had already loaded from the environment or profile.
        var region = requestContext.Request.AlternateEndpoint?.SystemName
            ?? config.RegionEndpoint?.SystemName
            ?? config.AuthenticationRegion;
        return new EndpointParameters
        {
            ["Region"] = region,
            ["UseDualStack"] = config.UseDualstackEndpoint,
            ["UseFIPS"] = config.UseFIPSEndpoint,
            ["Endpoint"] = config.ServiceURL,
        };
    }
}
