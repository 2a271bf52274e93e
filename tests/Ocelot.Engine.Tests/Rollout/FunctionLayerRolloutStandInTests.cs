using System.Text.Json;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Rollout;
using Ocelot.Engine.Tests.Aws.Lambda.Support;
using Xunit;

namespace Ocelot.Engine.Tests.Rollout;

/// <summary>
/// The parts of a rollout moto cannot show: a function changed by someone else between plan and update
/// (PreconditionFailed on the RevisionId), an update that stays InProgress for a while, one that ends Failed, and one
/// that never finishes. A loopback stand-in answers as Lambda does for those cases only.
/// </summary>
public sealed class FunctionLayerRolloutStandInTests
{
    private const string Otel1 = "arn:aws:lambda:us-east-1:123456789012:layer:otel:1";
    private const string Otel2 = "arn:aws:lambda:us-east-1:123456789012:layer:otel:2";
    private const string Other = "arn:aws:lambda:us-east-1:123456789012:layer:other:4";

    private static object Function(string revision, string status, string[] layers, string? reason = null) => new
    {
        FunctionName = "fn", FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fn", Architectures = new[] { "x86_64" },
        Layers = layers.Select(l => new { Arn = l }), RevisionId = revision, State = "Active", LastUpdateStatus = status, LastUpdateStatusReason = reason,
    };

    private static readonly object Layer = new
    {
        LayerArn = "arn:aws:lambda:us-east-1:123456789012:layer:otel", LayerVersionArn = Otel2, Version = 2,
        CreatedDate = "2026-01-01T00:00:00.000+0000", CompatibleArchitectures = new[] { "x86_64" },
    };

    private static async Task<(IReadOnlyList<FunctionLayerUpdate> Results, LoopbackLambdaStandIn StandIn)> RollOut(Func<CapturedRequest, StandInResponse?> update, int timeoutSeconds = 30)
    {
        var standIn = new LoopbackLambdaStandIn(request => request switch
        {
            { Method: "GET", RawPath: "/2015-03-31/functions" } => StandInResponse.Json(200, new { Functions = new[] { Function("r1", "Successful", [Otel1]) } }),
            { Method: "GET" } when request.DecodedPath.Contains("/layers/") => StandInResponse.Json(200, Layer),
            _ => update(request) ?? StandInResponse.LambdaError(500, "ServiceException", "unexpected " + request.Method + " " + request.RawUrl),
        });
        var rollout = new FunctionLayerRollout(new RolloutOptions
        {
            Connection = new AwsConnection(null, standIn.Url),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        });
        var plan = await rollout.PlanAsync([new RolloutTarget(LayerVersionArn.Parse(Otel2), _ => true, [])], NullOperationSink.Instance, CancellationToken.None);
        Assert.Empty(plan.Failures);
        return (await rollout.ApplyAsync(plan.Changes, NullOperationSink.Instance, CancellationToken.None), standIn);
    }

    [Fact]
    public async Task A_function_changed_meanwhile_is_read_again_and_its_new_layers_kept_then_the_update_is_awaited()
    {
        var puts = 0;
        var polls = 0;
        var (results, standIn) = await RollOut(request => (request.Method, request.DecodedPath) switch
        {
            ("PUT", _) when Interlocked.Increment(ref puts) == 1 => StandInResponse.LambdaError(412, "PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id."),
            ("PUT", _) => StandInResponse.Json(200, Function("r3", "InProgress", [Other, Otel2])),
            ("GET", "/2015-03-31/functions/fn/configuration") when polls++ == 0 => StandInResponse.Json(200, Function("r2", "Successful", [Other, Otel1])),
            ("GET", "/2015-03-31/functions/fn/configuration") when polls < 4 => StandInResponse.Json(200, Function("r3", "InProgress", [Other, Otel2])),
            ("GET", "/2015-03-31/functions/fn/configuration") => StandInResponse.Json(200, Function("r3", "Successful", [Other, Otel2])),
            _ => null,
        });
        using (standIn)
        {
            var result = Assert.Single(results);
            Assert.Null(result.Failure);
            Assert.Equal(("Updated", Otel1), (result.Update.Status, result.Update.PreviousLayerVersionArn));
            Assert.Equal([Other, Otel2], result.Update.Layers);
            var bodies = standIn.Requests.Where(r => r.Method == "PUT").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
            Assert.Equal(["r1", "r2"], bodies.Select(b => b.GetProperty("RevisionId").GetString()));
            Assert.Equal([Other, Otel2], bodies[1].GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
            Assert.True(polls >= 4, $"polled {polls} times");
        }
    }

    [Fact]
    public async Task An_update_that_ends_Failed_is_an_error_with_Lambdas_reason()
    {
        var (results, standIn) = await RollOut(request => request.Method switch
        {
            "PUT" => StandInResponse.Json(200, Function("r2", "InProgress", [Otel2])),
            "GET" => StandInResponse.Json(200, Function("r2", "Failed", [Otel1], reason: "Layer conflict: extension failed to register")),
            _ => null,
        });
        using (standIn)
        {
            var failure = Assert.Single(results).Failure;
            Assert.Equal(ErrorIds.FunctionUpdateFailed, failure?.ErrorId);
            Assert.Contains("extension failed to register", failure!.Message);
        }
    }

    [Fact]
    public async Task An_update_that_never_finishes_times_out()
    {
        var (results, standIn) = await RollOut(request => request.Method switch
        {
            "PUT" or "GET" => StandInResponse.Json(200, Function("r2", "InProgress", [Otel2])),
            _ => null,
        }, timeoutSeconds: 1);
        using (standIn)
        {
            Assert.Equal(ErrorIds.FunctionUpdateTimedOut, Assert.Single(results).Failure?.ErrorId);
        }
    }
}
