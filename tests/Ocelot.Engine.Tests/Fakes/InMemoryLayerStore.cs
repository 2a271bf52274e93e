using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Fakes;

/// <summary>
/// A fake of one region's Lambda layers, in memory: versions numbered from 1 per layer, content digests as Lambda
/// reports them (base64 SHA-256), version policies from added statements, and Lambda's errors with their kinds.
/// </summary>
internal sealed class InMemoryLayerStore(string region, string account = InMemoryLayerStore.Account) : ILayerStore
{
    public const string Account = "123456789012";

    private readonly object _lock = new();
    private readonly Dictionary<string, long> _lastVersion = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Layer, long Version), Stored> _versions = [];

    private sealed record Stored(LayerVersionDetails Details, List<(string Sid, string Principal, string? Organization)> Statements);

    public string Region { get; } = region;

    /// <summary>The next PublishLayerVersion makes the version, then fails as if its reply were lost on the way back.</summary>
    public bool LoseNextPublishReply { get; set; }

    public int PublishCalls { get; private set; }

    public IReadOnlyList<LayerVersionDetails> Versions(string layerName)
    {
        lock (_lock) return _versions.Where(v => v.Key.Layer == layerName).OrderBy(v => v.Key.Version).Select(v => v.Value.Details).ToList();
    }

    public string LayerArn(string layerName) => $"arn:aws:lambda:{Region}:{account}:layer:{layerName}";

    public Task<IReadOnlyList<LayerSummary>> ListLayersAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<LayerSummary> layers = _versions.GroupBy(v => v.Key.Layer).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new LayerSummary(g.Key, LayerArn(g.Key), Summary(g.MaxBy(v => v.Key.Version).Value.Details))).ToList();
            return Task.FromResult(layers);
        }
    }

    public Task<IReadOnlyList<LayerVersionSummary>> ListLayerVersionsAsync(string layerName, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<LayerVersionSummary> versions = Versions(layerName).OrderByDescending(v => v.Version).Select(Summary).ToList();
        return Task.FromResult(versions);
    }

    public Task<LayerVersionDetails> GetLayerVersionAsync(string layerName, long version, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(Find(layerName, version).Details);
    }

    public async Task<LayerVersionDetails> PublishLayerVersionAsync(PublishLayerVersionInput input, CancellationToken cancellationToken = default)
    {
        if (input.Content is not LayerContent.ZipArchive zip) throw new NotSupportedException("The fake takes zips in the request only.");
        using var buffer = new MemoryStream();
        await zip.Zip.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        LayerVersionDetails details;
        lock (_lock)
        {
            PublishCalls++;
            var version = _lastVersion[input.LayerName] = _lastVersion.GetValueOrDefault(input.LayerName) + 1;
            details = new LayerVersionDetails(LayerArn(input.LayerName), $"{LayerArn(input.LayerName)}:{version}", version, input.Description,
                DateTimeOffset.UtcNow, input.CompatibleRuntimes, input.CompatibleArchitectures, input.LicenseInfo,
                new LayerVersionContent($"https://example.invalid/{input.LayerName}/{version}", Convert.ToBase64String(SHA256.HashData(bytes)), bytes.Length));
            _versions[(input.LayerName, version)] = new Stored(details, []);
            if (LoseNextPublishReply)
            {
                LoseNextPublishReply = false;
                throw new HttpRequestException("The connection was closed before the reply arrived (fake).");
            }
        }
        return details;
    }

    public Task DeleteLayerVersionAsync(string layerName, long version, CancellationToken cancellationToken = default)
    {
        lock (_lock) _versions.Remove((layerName, version)); // Lambda's delete succeeds for a version that is not there
        return Task.CompletedTask;
    }

    public Task<LayerVersionPolicy?> GetLayerVersionPolicyAsync(string layerName, long version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var stored = Find(layerName, version);
            if (stored.Statements.Count == 0) return Task.FromResult<LayerVersionPolicy?>(null);
            var statements = stored.Statements.Select(s => s.Organization is null
                ? (object)new { Sid = s.Sid, Effect = "Allow", Principal = s.Principal, Action = "lambda:GetLayerVersion" }
                : new { Sid = s.Sid, Effect = "Allow", Principal = s.Principal, Action = "lambda:GetLayerVersion",
                    Condition = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, string> { ["aws:PrincipalOrgID"] = s.Organization } } });
            return Task.FromResult<LayerVersionPolicy?>(new LayerVersionPolicy(JsonSerializer.Serialize(new { Version = "2012-10-17", Statement = statements }), "r1"));
        }
    }

    public IReadOnlyList<string> StatementIds(string layerName, long version)
    {
        lock (_lock) return Find(layerName, version).Statements.Select(s => s.Sid).ToList();
    }

    public Task<LayerVersionPermission> AddLayerVersionPermissionAsync(string layerName, long version, string statementId, string action, string principal,
        string? organizationId = null, string? revisionId = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var stored = Find(layerName, version);
            if (stored.Statements.Any(s => s.Sid == statementId))
                throw Error(LambdaErrorKind.ResourceConflict, "ResourceConflictException", HttpStatusCode.Conflict, $"The statement id ({statementId}) provided already exists.");
            var principalArn = principal == "*" ? "*" : $"arn:aws:iam::{principal}:root";
            stored.Statements.Add((statementId, principalArn, organizationId));
            return Task.FromResult(new LayerVersionPermission($"{{\"Sid\":\"{statementId}\"}}", "r2"));
        }
    }

    public Task<AccountLimits?> GetAccountSettingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<AccountLimits?>(new AccountLimits(80L * 1024 * 1024 * 1024, 262_144_000, AccountLimits.DocumentedDirectUploadZipBytes, 1000, 1000));

    public void Dispose()
    {
    }

    private Stored Find(string layerName, long version) =>
        _versions.TryGetValue((layerName, version), out var stored) ? stored
            : throw Error(LambdaErrorKind.ResourceNotFound, "ResourceNotFoundException", HttpStatusCode.NotFound, $"Layer version {LayerArn(layerName)}:{version} does not exist.");

    private static LayerVersionSummary Summary(LayerVersionDetails d) =>
        new(d.LayerVersionArn, d.Version, d.Description, d.CreatedDate, d.CompatibleRuntimes, d.CompatibleArchitectures, d.LicenseInfo);

    private static LambdaServiceException Error(LambdaErrorKind kind, string code, HttpStatusCode status, string message) =>
        new(kind, message, code, status, "fake-request-id");
}
