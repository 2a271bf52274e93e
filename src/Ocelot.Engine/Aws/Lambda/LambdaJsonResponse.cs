using System.Text.Json;
using Amazon.Runtime;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>A successful Lambda response: the parsed JSON body, or an undefined element when the body was empty.</summary>
internal sealed class LambdaJsonResponse : AmazonWebServiceResponse
{
    public JsonElement Body { get; set; }
}
