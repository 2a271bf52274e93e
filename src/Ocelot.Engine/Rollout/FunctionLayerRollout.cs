using System.Collections.Concurrent;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Operations;

namespace Ocelot.Engine.Rollout;

/// <summary>
/// Rolls a layer version out to functions: plans every function's new layer list from one listing per region (so
/// -WhatIf and the confirmation show exactly old -> new), then applies the approved changes with bounded parallelism,
/// each region paced under Lambda's control-plane rate, and waits for each function's update to finish.
/// </summary>
public sealed class FunctionLayerRollout(RolloutOptions options)
{
    private const int UpdateAttempts = 4;

    public async Task<RolloutPlan> PlanAsync(IReadOnlyList<RolloutTarget> targets, IOperationSink sink, CancellationToken cancellationToken)
    {
        var changes = new ConcurrentBag<(int Order, FunctionLayerChange Change)>();
        var unchanged = new ConcurrentBag<(int Order, FunctionLayerUpdate Update)>();
        var failures = new ConcurrentBag<(int Order, OcelotException Failure)>();
        var indexed = targets.Select((target, index) => (Target: target, Index: index)).ToList();
        await Task.WhenAll(indexed.GroupBy(t => t.Target.Layer.Region).Select(async region =>
        {
            using var lambda = LambdaLayerClient.Create(region.Key, options.Connection);
            using var pacer = new RequestPacer(concurrency: Math.Max(1, options.ThrottleLimit));
            IReadOnlyList<FunctionConfiguration> functions;
            try
            {
                functions = await pacer.RunAsync(() => lambda.ListFunctionsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add((region.Min(t => t.Index), AwsFailures.Translate(ex, ErrorIds.FunctionListFailed, region.Key, "Listing functions", region.Key)));
                return;
            }
            sink.Verbose($"{functions.Count} functions in {region.Key}.");
            var tags = new ConcurrentDictionary<string, Task<IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal);
            foreach (var layer in region.GroupBy(t => t.Target.Layer))
            {
                IReadOnlyList<string> architectures;
                try
                {
                    architectures = (await pacer.RunAsync(() => lambda.GetLayerVersionAsync(layer.Key.LayerArn, layer.Key.Version, cancellationToken), cancellationToken)
                        .ConfigureAwait(false)).CompatibleArchitectures;
                }
                catch (LambdaServiceException lambdaError) when (lambdaError.Kind == LambdaErrorKind.ResourceNotFound)
                {
                    failures.Add((layer.Min(t => t.Index), new OcelotException(ErrorIds.LayerVersionNotFound, FailureKind.ObjectNotFound,
                        $"The layer version {layer.Key} does not exist (or is not shared with this account).",
                        "Check the ARN with Get-OcelotLayer; a function can only use a layer version of its own region.", layer.Key.ToString())));
                    continue;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures.Add((layer.Min(t => t.Index), AwsFailures.Translate(ex, ErrorIds.FunctionListFailed, region.Key, $"Reading {layer.Key}", layer.Key.ToString())));
                    continue;
                }
                foreach (var (target, index) in layer)
                {
                    foreach (var missing in target.LiteralNames.Where(name => !functions.Any(f => string.Equals(f.FunctionName, name, StringComparison.OrdinalIgnoreCase))))
                        failures.Add((index, new OcelotException(ErrorIds.FunctionNotFound, FailureKind.ObjectNotFound,
                            $"There is no function '{missing}' in {region.Key}.", "Check the name, or use a wildcard such as 'api-*'.", missing)));
                    var chosen = await Task.WhenAll(functions.Where(f => target.NameMatches(f.FunctionName)).Select(async function =>
                    {
                        var edit = FunctionLayerEdit.For(function.LayerArns, target.Layer, options.Add, options.AlsoReplace);
                        if (edit is null) return (function, edit, Tagged: false);
                        if (options.Tags.Count == 0) return (function, edit, Tagged: true);
                        try
                        {
                            var functionTags = await tags.GetOrAdd(function.FunctionArn, arn => pacer.RunAsync(() => lambda.ListTagsAsync(arn, cancellationToken), cancellationToken)).ConfigureAwait(false);
                            return (function, edit, Tagged: options.Tags.All(t => functionTags.TryGetValue(t.Key, out var value) && value == t.Value));
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            failures.Add((index, AwsFailures.Translate(ex, ErrorIds.FunctionListFailed, region.Key, $"Reading the tags of {function.FunctionName}", function.FunctionArn)));
                            return (function, edit, Tagged: false);
                        }
                    })).ConfigureAwait(false);
                    foreach (var (function, edit, tagged) in chosen)
                    {
                        if (edit is null)
                        {
                            sink.Verbose($"{function.FunctionName} ({region.Key}) uses no version of {target.Layer.LayerName}; skipped (it is only added when asked).");
                            continue;
                        }
                        if (!tagged) continue;
                        var failure = Refusal(function, edit, target.Layer, architectures, region.Key);
                        if (failure is not null)
                        {
                            failures.Add((index, failure));
                            continue;
                        }
                        if (edit.Kind == FunctionLayerChangeKind.Unchanged)
                            unchanged.Add((index, new FunctionLayerUpdate(function.FunctionName, function.FunctionArn, region.Key, edit.PreviousLayerVersionArn,
                                target.Layer.ToString(), edit.Layers, "Unchanged", null)));
                        else
                            changes.Add((index, new FunctionLayerChange(function.FunctionName, function.FunctionArn, region.Key, target.Layer, edit, function.RevisionId)));
                    }
                }
            }
        })).ConfigureAwait(false);
        return Deduplicated(changes, unchanged, failures);
    }

    public async Task<IReadOnlyList<FunctionLayerUpdate>> ApplyAsync(IReadOnlyList<FunctionLayerChange> changes, IOperationSink sink, CancellationToken cancellationToken)
    {
        var clients = changes.Select(c => c.Region).Distinct(StringComparer.Ordinal).ToDictionary(r => r,
            r => (Lambda: LambdaLayerClient.Create(r, options.Connection), Pacer: new RequestPacer(concurrency: Math.Max(1, options.ThrottleLimit))));
        try
        {
            using var slots = new SemaphoreSlim(Math.Max(1, options.ThrottleLimit));
            var done = 0;
            var results = new ConcurrentDictionary<FunctionLayerChange, FunctionLayerUpdate>();
            // Changes to one function (two layers rolled out at once) run in order, each from the layers the previous one left.
            await Task.WhenAll(changes.GroupBy(c => c.FunctionArn).Select(async function =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    IReadOnlyList<string>? layersNow = null;
                    foreach (var change in function)
                    {
                        var (lambda, pacer) = clients[change.Region];
                        var result = await ApplyOneAsync(lambda, pacer, change, layersNow, sink, cancellationToken).ConfigureAwait(false);
                        if (result.Failure is null) layersNow = result.Update.Layers;
                        results[change] = result;
                        var count = Interlocked.Increment(ref done);
                        sink.Progress(new ProgressUpdate(1, "Updating function layers", $"{count} of {changes.Count}", 100 * count / changes.Count));
                    }
                }
                finally
                {
                    slots.Release();
                }
            })).ConfigureAwait(false);
            sink.Progress(new ProgressUpdate(1, "Updating function layers", "done", 100, Completed: true));
            return changes.Select(c => results[c]).ToList();
        }
        finally
        {
            foreach (var (lambda, pacer) in clients.Values)
            {
                lambda.Dispose();
                pacer.Dispose();
            }
        }
    }

    private async Task<FunctionLayerUpdate> ApplyOneAsync(LambdaLayerClient lambda, RequestPacer pacer, FunctionLayerChange change,
        IReadOnlyList<string>? layersNow, IOperationSink sink, CancellationToken cancellationToken)
    {
        var edit = layersNow is null ? change.Edit : FunctionLayerEdit.For(layersNow, change.Target, add: true, options.AlsoReplace)!;
        var revision = layersNow is null ? change.RevisionId : null;
        var add = options.Add || change.Edit.Kind == FunctionLayerChangeKind.Add;
        FunctionLayerUpdate Failed(OcelotException failure) =>
            new(change.FunctionName, change.FunctionArn, change.Region, edit.PreviousLayerVersionArn, change.Target.ToString(), edit.Layers, "Failed", failure);
        try
        {
            FunctionConfiguration updated;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    updated = await pacer.RunAsync(() => lambda.UpdateFunctionLayersAsync(change.FunctionName, edit.Layers, revision, cancellationToken), cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception ex) when (attempt < UpdateAttempts && ex is LambdaServiceException { Kind: LambdaErrorKind.PreconditionFailed or LambdaErrorKind.ResourceConflict })
                {
                    // Someone changed the function since the plan (PreconditionFailed) or an update is still running
                    // (ResourceConflict): wait for it, re-read the layers and apply the same intent to them.
                    sink.Verbose($"{change.FunctionName} ({change.Region}) changed or is updating; reading it again ({ex.Message}).");
                    var fresh = await WaitUntilSettledAsync(lambda, pacer, change, cancellationToken).ConfigureAwait(false);
                    var again = FunctionLayerEdit.For(fresh.LayerArns, change.Target, add, options.AlsoReplace);
                    if (again is null)
                        return Failed(new OcelotException(ErrorIds.FunctionUpdateFailed, FailureKind.InvalidOperation,
                            $"{change.FunctionName} in {change.Region} no longer uses {change.Target.LayerName}; it was changed by someone else meanwhile.",
                            "Run the command again to see the current layers.", change.FunctionArn));
                    if (again.Kind == FunctionLayerChangeKind.Unchanged)
                        return new FunctionLayerUpdate(change.FunctionName, change.FunctionArn, change.Region, again.PreviousLayerVersionArn, change.Target.ToString(), again.Layers, "Unchanged", null);
                    (edit, revision) = (again, fresh.RevisionId);
                }
            }
            if (!IsSettled(updated)) updated = await WaitUntilSettledAsync(lambda, pacer, change, cancellationToken).ConfigureAwait(false);
            if (updated.LastUpdateStatus == "Failed")
                return Failed(new OcelotException(ErrorIds.FunctionUpdateFailed, FailureKind.InvalidOperation,
                    $"Lambda could not update {change.FunctionName} in {change.Region}: {updated.LastUpdateStatusReason ?? "no reason given"}.",
                    "Check the function in the Lambda console; pipe this command's output back into it to roll back the others.", change.FunctionArn));
            sink.Verbose($"{change.FunctionName} ({change.Region}): {change.Describe()}.");
            return new FunctionLayerUpdate(change.FunctionName, change.FunctionArn, change.Region, edit.PreviousLayerVersionArn, change.Target.ToString(),
                updated.LayerArns, edit.Kind == FunctionLayerChangeKind.Add ? "Added" : "Updated", null);
        }
        catch (TimeoutException ex)
        {
            return Failed(new OcelotException(ErrorIds.FunctionUpdateTimedOut, FailureKind.OperationStopped, ex.Message,
                "Check the function in the Lambda console, or allow a longer timeout.", change.FunctionArn, ex));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failed(AwsFailures.Translate(ex, ErrorIds.FunctionUpdateFailed, change.Region, $"Updating the layers of {change.FunctionName}", change.FunctionArn));
        }
    }

    private static bool IsSettled(FunctionConfiguration function) =>
        function.LastUpdateStatus is not "InProgress" && function.State is not "Pending";

    /// <summary>Polls until the function's last update has finished (Successful or Failed); a TimeoutException after <see cref="RolloutOptions.Timeout"/>.</summary>
    private async Task<FunctionConfiguration> WaitUntilSettledAsync(LambdaLayerClient lambda, RequestPacer pacer, FunctionLayerChange change, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.Timeout;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            var function = await pacer.RunAsync(() => lambda.GetFunctionConfigurationAsync(change.FunctionName, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (IsSettled(function)) return function;
            if (DateTime.UtcNow + delay > deadline)
                throw new TimeoutException($"{change.FunctionName} in {change.Region} was still updating (LastUpdateStatus {function.LastUpdateStatus}) after {options.Timeout.TotalSeconds:0} s.");
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            // Lambda's own waiter polls every 5 s; start faster since a layer change usually settles in a second or two.
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
        }
    }

    private static OcelotException? Refusal(FunctionConfiguration function, FunctionLayerEdit edit, LayerVersionArn layer, IReadOnlyList<string> layerArchitectures, string region)
    {
        var missing = layerArchitectures.Count == 0 ? [] : function.EffectiveArchitectures.Where(a => !layerArchitectures.Contains(a, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
            return new OcelotException(ErrorIds.LayerArchitectureMismatch, FailureKind.InvalidOperation,
                $"{function.FunctionName} in {region} runs on {string.Join(", ", function.EffectiveArchitectures)}, but {layer} is built for {string.Join(", ", layerArchitectures)}; it was not changed.",
                "Roll out the layer built for the function's architecture (Get-OcelotLayer -Architecture).", function.FunctionArn);
        if (edit.Layers.Count > FunctionLayerEdit.MaxLayersPerFunction)
            return new OcelotException(ErrorIds.FunctionLayerLimitExceeded, FailureKind.LimitsExceeded,
                $"{function.FunctionName} in {region} already has {function.LayerArns.Count} layers; Lambda allows {FunctionLayerEdit.MaxLayersPerFunction}, so {layer} was not added.",
                "Remove a layer from the function first.", function.FunctionArn);
        return null;
    }

    private static RolloutPlan Deduplicated(
        IEnumerable<(int Order, FunctionLayerChange Change)> changes, IEnumerable<(int Order, FunctionLayerUpdate Update)> unchanged, IEnumerable<(int Order, OcelotException Failure)> failures)
    {
        var planned = new List<FunctionLayerChange>();
        var problems = failures.OrderBy(f => f.Order).Select(f => f.Failure).ToList();
        var chosen = new Dictionary<(string Function, string Layer), LayerVersionArn>();
        foreach (var (_, change) in changes.OrderBy(c => c.Order).ThenBy(c => c.Change.Region, StringComparer.Ordinal).ThenBy(c => c.Change.FunctionName, StringComparer.Ordinal))
        {
            var key = (change.FunctionArn, change.Target.LayerArn);
            if (!chosen.TryGetValue(key, out var earlier))
            {
                chosen[key] = change.Target;
                planned.Add(change);
            }
            else if (earlier != change.Target)
            {
                problems.Add(new OcelotException(ErrorIds.FunctionTargetConflict, FailureKind.InvalidArgument,
                    $"{change.FunctionName} in {change.Region} was chosen for both {earlier} and {change.Target}; it gets {earlier}.",
                    "Choose each function for one version of a layer.", change.FunctionArn));
            }
        }
        var same = unchanged.OrderBy(u => u.Order).Select(u => u.Update).Where(u => !chosen.ContainsKey((u.Update.FunctionArn, LayerVersionArn.Parse(u.Update.NewLayerVersionArn).LayerArn))).ToList();
        return new RolloutPlan(planned, same, problems);
    }
}
