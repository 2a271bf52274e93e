namespace Ocelot.Engine.Aws.Lambda;

/// <summary>
/// The Lambda layer operations that publishing, listing and removing use, in one region. <see cref="LambdaLayerClient"/>
/// is the real store; engine tests use an in-memory fake. Errors are <see cref="LambdaServiceException"/>s with a kind.
/// </summary>
public interface ILayerStore : IDisposable
{
    Task<IReadOnlyList<LayerSummary>> ListLayersAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LayerVersionSummary>> ListLayerVersionsAsync(string layerName, CancellationToken cancellationToken = default);

    Task<LayerVersionDetails> GetLayerVersionAsync(string layerName, long version, CancellationToken cancellationToken = default);

    Task<LayerVersionDetails> PublishLayerVersionAsync(PublishLayerVersionInput input, CancellationToken cancellationToken = default);

    Task DeleteLayerVersionAsync(string layerName, long version, CancellationToken cancellationToken = default);

    /// <returns>The policy, or null when the layer version has none.</returns>
    Task<LayerVersionPolicy?> GetLayerVersionPolicyAsync(string layerName, long version, CancellationToken cancellationToken = default);

    Task<LayerVersionPermission> AddLayerVersionPermissionAsync(string layerName, long version, string statementId, string action, string principal,
        string? organizationId = null, string? revisionId = null, CancellationToken cancellationToken = default);

    /// <returns>The account's limits, or null when Lambda does not say.</returns>
    Task<AccountLimits?> GetAccountSettingsAsync(CancellationToken cancellationToken = default);
}
