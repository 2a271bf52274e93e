using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Copying;

/// <summary>
/// Whose account copies land in: a profile, or access keys held in memory only; neither means the same credentials
/// as the source (the SDK's chain, or -ProfileName).
/// </summary>
public sealed record TargetAccount(string? ProfileName, string? AccessKey, string? SecretKey, string? SessionToken)
{
    public bool IsSourceAccount => ProfileName is null && AccessKey is null;

    /// <summary>How to reach the target account: the source connection's endpoint, signed with the target's credentials.</summary>
    public AwsConnection Connection(AwsConnection source) => Credentials(source.ProfileName) is { } credentials ? source.SigningWith(credentials) : source;

    /// <returns>The credentials, or null for the source's (resolved by the SDK per client).</returns>
    private AWSCredentials? Credentials(string? sourceProfile)
    {
        if (AccessKey is not null)
        {
            if (string.IsNullOrEmpty(SecretKey))
                throw new OcelotException(ErrorIds.CopyTargetInvalid, FailureKind.InvalidArgument, "The target account's access key needs its secret key.",
                    "Give both keys (and a session token for temporary credentials), or a profile of the target account.", "TargetSecretKey");
            return string.IsNullOrEmpty(SessionToken) ? new BasicAWSCredentials(AccessKey, SecretKey) : new SessionAWSCredentials(AccessKey, SecretKey, SessionToken);
        }
        var profile = ProfileName ?? sourceProfile;
        if (profile is null) return null;
        if (!new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var credentials))
            throw new OcelotException(ErrorIds.CopyTargetInvalid, FailureKind.InvalidArgument, $"The AWS profile '{profile}' was not found or has no usable credentials.",
                "Check the name with 'aws configure list-profiles'.", profile);
        return credentials;
    }
}
