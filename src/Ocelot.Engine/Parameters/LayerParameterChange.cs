using System.Text.RegularExpressions;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Publishing;

namespace Ocelot.Engine.Parameters;

/// <summary>What happened to one SSM parameter: its value now (null when it was deleted), or why it could not be changed.</summary>
public sealed record LayerParameterChange(string Region, string Name, string? Value, OcelotException? Failure);
