using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>Turns a <see cref="LambdaOperationRequest"/> into the SDK request that the pipeline signs and sends.</summary>
internal sealed class LambdaRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static LambdaRequestMarshaller Instance { get; } = new();

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (LambdaOperationRequest)input;
        IRequest request = new DefaultRequest(operation, "Amazon.Lambda")
        {
            HttpMethod = operation.HttpMethod,
            ResourcePath = operation.ResourcePath,
        };
        // Path and query values go in raw: the SDK encodes them once for the wire (ComposeUrl)
        // and the same way for the SigV4 canonical request, so ':' in ARNs and '+/=' in markers stay consistent.
        foreach (var (name, value) in operation.PathValues)
        {
            request.AddPathResource("{" + name + "}", value);
        }
        foreach (var (name, value) in operation.Query)
        {
            request.Parameters.Add(name, value);
        }
        request.UseQueryString = operation.Query.Count > 0;

        if (operation.JsonBody is not null || operation.JsonBodyStream is not null)
        {
            // Content-Type is a signed header: it must be exactly what goes on the wire, with no charset suffix.
            request.Headers["Content-Type"] = "application/json";
            request.Content = operation.JsonBody;
            request.ContentStream = operation.JsonBodyStream;
        }
        return request;
    }
}
