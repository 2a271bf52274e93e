using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>Resolves the Lambda endpoint for a region, or uses the configured endpoint override.</summary>
public sealed class LambdaEndpointProvider : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var region = parameters["Region"] as string;
        var endpointOverride = parameters["Endpoint"] as string;
        var useFips = parameters["UseFIPS"] is true;
        var useDualStack = parameters["UseDualStack"] is true;
        if (string.IsNullOrEmpty(region))
        {
            throw new AmazonClientException("Invalid Configuration: Missing Region");
        }

        string url;
        if (!string.IsNullOrEmpty(endpointOverride))
        {
            if (useFips || useDualStack)
            {
                throw new AmazonClientException("Invalid Configuration: FIPS and dualstack are not supported with a custom endpoint");
            }
            url = endpointOverride;
        }
        else
        {
            var partition = Fn.Partition(region) ?? throw new AmazonClientException($"Cannot find the partition of region '{region}'");
            var dnsSuffix = useDualStack ? partition.dualStackDnsSuffix : partition.dnsSuffix;
            url = $"https://lambda{(useFips ? "-fips" : "")}.{region}.{dnsSuffix}";
        }

        // The signing region goes in the auth scheme: with an endpoint override the SDK would otherwise
        // sign for a region guessed from the URL or the environment, not the one this client was given.
        var attributes = JsonSerializer.Serialize(new
        {
            authSchemes = new[] { new { name = "sigv4", signingName = "lambda", signingRegion = region } },
        });
        return new Endpoint(url, attributes, null);
    }
}
