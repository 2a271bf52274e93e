using System.Net;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>Reads Lambda's JSON responses and its JSON error documents for the SDK pipeline.</summary>
internal sealed class LambdaJsonResponseUnmarshaller : JsonResponseUnmarshaller
{
    public static LambdaJsonResponseUnmarshaller Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        using var body = new MemoryStream();
        context.Stream.CopyTo(body);
        return new LambdaJsonResponse
        {
            Body = body.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(body.GetBuffer().AsSpan(0, (int)body.Length)),
        };
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        try
        {
            var reader = new StreamingUtf8JsonReader(context.Stream, AWSConfigs.StreamingUtf8JsonReaderBufferSize ?? 4096, context.JsonMaxDepth);
            var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
            return new AmazonServiceException(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
        }
        catch (Exception parseFailure) when (parseFailure is not AmazonServiceException)
        {
            // Proxies and emulators answer some paths with HTML (moto's 404 for account-settings); keep the status code.
            return new AmazonServiceException(
                $"Lambda returned HTTP {(int)statusCode} with a body that is not a Lambda error document.",
                innerException, ErrorType.Unknown, null, null, statusCode);
        }
    }
}
