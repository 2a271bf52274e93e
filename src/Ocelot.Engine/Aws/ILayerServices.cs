using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;

namespace Ocelot.Engine.Aws;

/// <summary>
/// Where publishing, listing and removing find a region's layers and the metadata table: Lambda and DynamoDB through
/// an <see cref="AwsConnection"/> (<see cref="AwsLayerServices"/>), or in-memory fakes in engine tests.
/// The caller disposes what it opens.
/// </summary>
public interface ILayerServices
{
    /// <param name="withoutRetries">No retries: for a call that is not idempotent (PublishLayerVersion), whose caller checks the outcome before trying again.</param>
    ILayerStore OpenLayers(string region, bool withoutRetries = false);

    ILayerMetadataStore OpenMetadata(string region, string tableName);
}
