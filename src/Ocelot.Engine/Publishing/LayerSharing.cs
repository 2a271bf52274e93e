using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ocelot.Engine.Publishing;

/// <summary>
/// Which grants a layer version should have, and which it already has according to its policy. Existing statements are
/// recognised by what they grant, not by their id, so grants made by other tools (the reference used id "publish") count.
/// </summary>
public static partial class LayerSharing
{
    public static IReadOnlyList<SharingGrant> Requested(bool isPublic, IEnumerable<string> principals, string? organizationId)
    {
        var grants = new List<SharingGrant>();
        if (isPublic) grants.Add(new SharingGrant(SharingGrant.Everyone, null));
        foreach (var principal in principals.Distinct(StringComparer.Ordinal))
        {
            var account = AccountFromRoot().Match(principal) is { Success: true } root ? root.Groups[1].Value : principal;
            if (!AccountId().IsMatch(account))
                throw Invalid($"'{principal}' is not a 12-digit AWS account id (or arn:aws:iam::<id>:root)", principal);
            grants.Add(new SharingGrant(account, null));
        }
        if (organizationId is not null)
        {
            if (!Organization().IsMatch(organizationId))
                throw Invalid($"'{organizationId}' is not an organization id (o- followed by 10 to 32 lowercase letters or digits)", organizationId);
            grants.Add(new SharingGrant(SharingGrant.Everyone, organizationId));
        }
        return grants;
    }

    /// <summary>The grants a policy document (GetLayerVersionPolicy's Policy) holds for lambda:GetLayerVersion.</summary>
    public static IReadOnlyList<SharingGrant> InPolicy(string? policyJson)
    {
        if (string.IsNullOrWhiteSpace(policyJson)) return [];
        using var document = JsonDocument.Parse(policyJson);
        if (!document.RootElement.TryGetProperty("Statement", out var statements)) return [];
        var grants = new List<SharingGrant>();
        foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray() : Enumerable.Repeat(statements, 1))
        {
            if (statement.TryGetProperty("Effect", out var effect) && effect.GetString() != "Allow") continue;
            var principal = PrincipalOf(statement);
            if (principal is null) continue;
            string? organization = null;
            if (statement.TryGetProperty("Condition", out var condition) && condition.TryGetProperty("StringEquals", out var equals) &&
                equals.TryGetProperty("aws:PrincipalOrgID", out var org))
                organization = org.ValueKind == JsonValueKind.Array ? org[0].GetString() : org.GetString();
            grants.Add(new SharingGrant(principal, organization));
        }
        return grants;
    }

    private static string? PrincipalOf(JsonElement statement)
    {
        if (!statement.TryGetProperty("Principal", out var principal)) return null;
        var text = principal.ValueKind switch
        {
            JsonValueKind.String => principal.GetString(),
            JsonValueKind.Object when principal.TryGetProperty("AWS", out var aws) => aws.ValueKind == JsonValueKind.Array ? aws[0].GetString() : aws.GetString(),
            _ => null,
        };
        if (text is null) return null;
        return AccountFromRoot().Match(text) is { Success: true } root ? root.Groups[1].Value : text;
    }

    private static OcelotException Invalid(string why, string target) =>
        new(ErrorIds.SharingInvalid, FailureKind.InvalidArgument, $"Cannot share the layer: {why}.",
            "Share with 12-digit account ids, and with an organization by an id like o-a1b2c3d4e5.", target);

    [GeneratedRegex(@"\Aarn:aws[a-zA-Z-]*:iam::([0-9]{12}):root\z")]
    private static partial Regex AccountFromRoot();

    [GeneratedRegex(@"\A[0-9]{12}\z")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"\Ao-[a-z0-9]{10,32}\z")]
    private static partial Regex Organization();
}
