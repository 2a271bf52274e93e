namespace Ocelot.Engine.Publishing;

/// <summary>One grant of <c>lambda:GetLayerVersion</c>: everyone, an account, or an organization.</summary>
public sealed record SharingGrant(string Principal, string? OrganizationId)
{
    public const string Everyone = "*";

    public bool IsPublic => Principal == Everyone && OrganizationId is null;

    /// <summary>What SharedWith lists: <c>*</c>, an account id, or an organization id.</summary>
    public string Label => OrganizationId ?? Principal;

    /// <summary>A statement id of Lambda's allowed characters, stable per grant, so re-adding is recognisable.</summary>
    public string StatementId => OrganizationId is not null ? $"ocelot-org-{OrganizationId}" : IsPublic ? "ocelot-public" : $"ocelot-account-{Principal}";
}
