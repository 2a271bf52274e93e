using Amazon.Runtime.Internal;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>Identifies the service to SDK telemetry, client-side monitoring and global endpoint providers.</summary>
internal sealed class LambdaServiceMetadata : IServiceMetadata
{
    public string ServiceId => LambdaLayerClientConfig.LambdaServiceId;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>(0);
}
