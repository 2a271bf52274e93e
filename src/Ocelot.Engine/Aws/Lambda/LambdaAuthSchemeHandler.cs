using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>Pipeline handler that selects SigV4, the only auth scheme Lambda accepts.</summary>
public sealed class LambdaAuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext)
        => AuthSchemeOption.DEFAULT_SIGV4;
}
