using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>Client configuration for the Lambda layer operations, shaped like a generated SDK service config.</summary>
public sealed class LambdaLayerClientConfig : ClientConfig
{
    internal const string LambdaServiceId = "Lambda";
    private static readonly string UserAgentString = InternalSDKUtils.BuildUserAgentString(LambdaServiceId, "0.1.0");
    private static readonly LambdaEndpointResolver EndpointResolver = new();

    // DefaultConfigurationProvider needs an entry for whichever AWS_DEFAULTS_MODE is selected.
    private static readonly IDefaultConfiguration[] DefaultModes = Enum.GetValues<DefaultConfigurationMode>()
        .Select(mode => (IDefaultConfiguration)new DefaultConfiguration
        {
            Name = mode,
            RetryMode = RequestRetryMode.Standard,
            ConnectTimeout = TimeSpan.FromMilliseconds(mode == DefaultConfigurationMode.Mobile ? 30000 : 3100),
            TlsNegotiationTimeout = TimeSpan.FromMilliseconds(mode == DefaultConfigurationMode.Mobile ? 30000 : 3100),
        })
        .ToArray();

    public LambdaLayerClientConfig()
        : base(new DefaultConfigurationProvider(DefaultModes))
    {
        ServiceId = LambdaServiceId;
        AuthenticationServiceName = "lambda";
        EndpointProvider = new LambdaEndpointProvider();
        // A direct-upload layer body is up to ~67 MB of base64; HttpClient's 100 s default is too short for slow links.
        Timeout = TimeSpan.FromMinutes(15);
    }

    public override string RegionEndpointServiceName => "lambda";

    public override string ServiceVersion => "2015-03-31";

    public override string UserAgent => UserAgentString;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        var requestContext = new RequestContext(false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, LambdaServiceId) { AlternateEndpoint = parameters.AlternateEndpoint },
        };
        return EndpointResolver.GetEndpoint(new Amazon.Runtime.Internal.ExecutionContext(requestContext, null));
    }
}
