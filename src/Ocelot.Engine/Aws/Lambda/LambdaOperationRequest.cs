using Amazon.Runtime;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>One REST call to the Lambda API, described as data for <see cref="LambdaRequestMarshaller"/>.</summary>
internal sealed class LambdaOperationRequest : AmazonWebServiceRequest
{
    public LambdaOperationRequest(string httpMethod, string resourcePath)
    {
        HttpMethod = httpMethod;
        ResourcePath = resourcePath;
    }

    public string HttpMethod { get; }

    /// <summary>Path with <c>{Name}</c> placeholders filled from <see cref="PathValues"/>.</summary>
    public string ResourcePath { get; }

    public Dictionary<string, string> PathValues { get; } = new();

    public Dictionary<string, string> Query { get; } = new();

    public byte[]? JsonBody { get; init; }

    /// <summary>A JSON body too large to hold as bytes; must be seekable so the SDK can hash it and rewind for retries.</summary>
    public Stream? JsonBodyStream { get; init; }
}
