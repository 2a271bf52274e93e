namespace Ocelot;

/// <summary>The DynamoDB table Ocelot records published layer versions in.</summary>
public sealed record OcelotMetadataTable
{
    public required string TableName { get; init; }
    public required string Region { get; init; }

    /// <summary>Created, or AlreadyExists (with the expected schema).</summary>
    public required string Status { get; init; }

    public override string ToString() => $"{TableName} ({Region})";
}
