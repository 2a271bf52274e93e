using System.Text.Json;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

/// <summary>What a loopback stand-in answers.</summary>
public sealed record StandInResponse(int Status, string Body, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static StandInResponse Json(int status, object body) => new(status, JsonSerializer.Serialize(body));

    /// <summary>A Lambda error as the service sends it: type in x-amzn-ErrorType, message in the body.</summary>
    public static StandInResponse LambdaError(int status, string errorType, string message) => new(
        status,
        JsonSerializer.Serialize(new { Type = "User", message }),
        Headers: new Dictionary<string, string> { ["x-amzn-ErrorType"] = errorType, ["x-amzn-RequestId"] = "stand-in-request-id" });
}
