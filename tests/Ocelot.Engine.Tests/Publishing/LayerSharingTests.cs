using Ocelot.Engine.Publishing;

namespace Ocelot.Engine.Tests.Publishing;

/// <summary>Which grants a version has is read from its policy by what each statement grants, whoever wrote it.</summary>
public sealed class LayerSharingTests
{
    [Fact]
    public void Grants_made_by_other_tools_are_recognised_by_what_they_grant()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"publish","Effect":"Allow","Principal":"*","Action":"lambda:GetLayerVersion"},
              {"Sid":"team","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"lambda:GetLayerVersion"},
              {"Sid":"org","Effect":"Allow","Principal":"*","Action":"lambda:GetLayerVersion","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}},
              {"Sid":"no","Effect":"Deny","Principal":"*","Action":"lambda:GetLayerVersion"}]}
            """;

        var grants = LayerSharing.InPolicy(policy);

        Assert.Equal(LayerSharing.Requested(true, ["111122223333"], "o-a1b2c3d4e5"), grants);
        Assert.Equal(["*", "111122223333", "o-a1b2c3d4e5"], grants.Select(g => g.Label));
        Assert.True(grants[0].IsPublic);
        Assert.False(grants[2].IsPublic);
    }

    [Fact]
    public void A_version_without_a_policy_has_no_grants() => Assert.Empty(LayerSharing.InPolicy(null));

    [Fact]
    public void An_account_given_as_its_root_ARN_is_the_same_grant_as_its_id()
    {
        Assert.Equal(LayerSharing.Requested(false, ["111122223333"], null), LayerSharing.Requested(false, ["arn:aws:iam::111122223333:root", "111122223333"], null).Distinct());
        Assert.Equal("ocelot-account-111122223333", Assert.Single(LayerSharing.Requested(false, ["arn:aws:iam::111122223333:root"], null)).StatementId);
    }
}
