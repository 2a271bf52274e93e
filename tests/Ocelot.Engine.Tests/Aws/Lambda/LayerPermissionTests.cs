using System.Text.Json;
using Ocelot.Engine.Tests.Aws.Lambda.Support;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

public sealed class LayerPermissionTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    [Fact]
    public async Task Grants_to_everyone_an_account_and_an_organization_then_removes_one()
    {
        var name = TestZips.UniqueLayerName("perm");
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);
        await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer(name))));

        var everyone = await client.AddLayerVersionPermissionAsync(name, 1, "everyone", "lambda:GetLayerVersion", "*");
        await client.AddLayerVersionPermissionAsync(name, 1, "account", "lambda:GetLayerVersion", "111122223333");
        var organization = await client.AddLayerVersionPermissionAsync(name, 1, "organization", "lambda:GetLayerVersion", "*", organizationId: "o-a1b2c3d4e5");

        Assert.Equal("everyone", JsonSerializer.Deserialize<JsonElement>(everyone.Statement).GetProperty("Sid").GetString());
        Assert.False(string.IsNullOrEmpty(organization.RevisionId));
        var statements = Statements((await client.GetLayerVersionPolicyAsync(name, 1))!);
        Assert.Equal(["everyone", "account", "organization"], statements.Select(s => s.GetProperty("Sid").GetString()));
        Assert.Equal("111122223333", statements[1].GetProperty("Principal").GetString());
        Assert.Equal("o-a1b2c3d4e5", statements[2].GetProperty("OrganizationId").GetString());

        // No RevisionId here: moto 5.2.1 compares it against a list and so rejects every RevisionId
        // (the query parameter itself is checked on the stand-in in SignatureCrossCheckTests).
        await client.RemoveLayerVersionPermissionAsync(name, 1, "account");

        Assert.Equal(["everyone", "organization"], Statements((await client.GetLayerVersionPolicyAsync(name, 1))!).Select(s => s.GetProperty("Sid").GetString()));
    }

    [Fact]
    public async Task Policy_of_an_unshared_version_is_null()
    {
        var name = TestZips.UniqueLayerName("nopolicy");
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);
        await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer(name))));

        Assert.Null(await client.GetLayerVersionPolicyAsync(name, 1));
    }

    // moto also rejects a current RevisionId (see above); this shows the error's mapping, not moto's revision logic.
    [Fact]
    public async Task Removing_with_a_stale_revision_is_a_failed_precondition()
    {
        var name = TestZips.UniqueLayerName("revision");
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);
        await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer(name))));
        await client.AddLayerVersionPermissionAsync(name, 1, "everyone", "lambda:GetLayerVersion", "*");

        var error = await Assert.ThrowsAsync<LambdaServiceException>(
            () => client.RemoveLayerVersionPermissionAsync(name, 1, "everyone", "not-the-current-revision"));
        Assert.Equal(LambdaErrorKind.PreconditionFailed, error.Kind);

        Assert.Equal("PreconditionFailedException", error.ErrorCode);
    }

    [Fact]
    public async Task Removing_an_unknown_statement_is_not_found()
    {
        var name = TestZips.UniqueLayerName("nostatement");
        using var client = LambdaLayerClient.Create("us-east-1", null, moto.Url);
        await client.PublishLayerVersionAsync(new PublishLayerVersionInput(name, LayerContent.FromZip(TestZips.PythonLayer(name))));

        Assert.Equal(LambdaErrorKind.ResourceNotFound, (await Assert.ThrowsAsync<LambdaServiceException>(() => client.RemoveLayerVersionPermissionAsync(name, 1, "never-added"))).Kind);
    }

    private static JsonElement[] Statements(LayerVersionPolicy policy)
        => JsonSerializer.Deserialize<JsonElement>(policy.Policy).GetProperty("Statement").EnumerateArray().ToArray();
}
