using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace Ocelot.Engine.Parameters;

/// <summary>What happened to one SSM parameter: its value now (null when it was deleted), or why it could not be changed.</summary>
public sealed record LayerParameterChange(string Region, string Name, string? Value, OcelotException? Failure);
