using System.Net;
using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Ocelot.Engine.Aws;
using Ocelot.Engine.Aws.Lambda;
using Ocelot.Engine.Aws.Metadata;
using Ocelot.Engine.Failures;
using Ocelot.Engine.Layers;
using Ocelot.Engine.Operations;
using Ocelot.Engine.Publishing;

namespace Ocelot.Engine.Copying;

/// <summary>One copy: the source version, the region it was copied to, and the copy (or why not).</summary>
public sealed record LayerCopyResult(LayerVersionArn Source, string Region, OcelotLayerVersion? Copy, OcelotException? Failure);
