using System.Text.Json;

namespace Ocelot.Module.Tests.Fixtures;

/// <summary>
/// A moto_server with layers seeded for listing tests, once per test class: in three regions, layers dev-alpha, dev-beta
/// and prod-gamma (suffixed with the set's id) with versions 1-3, and metadata items for every dev-alpha version in a
/// table of the set's own. A test that deletes seeds a fresh set (<see cref="SeedFresh"/>) so the shared one stays whole.
/// </summary>
public sealed class LayerListingSeed : IDisposable
{
    public static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-southeast-2"];

    public LayerListingSeed()
    {
        Shared = SeedFresh();
    }

    public MotoServer Moto { get; } = new();

    /// <summary>The set seeded once for the class: read it, never delete from it.</summary>
    public Set Shared { get; }

    /// <summary>Seeds a new set with an id of its own.</summary>
    public Set SeedFresh()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        var table = $"meta-{id}";
        var script = $$$"""
            import boto3, io, zipfile, time, datetime
            def zipped(text):
                b = io.BytesIO()
                with zipfile.ZipFile(b, 'w') as z: z.writestr('extensions/collector', text)
                return b.getvalue()
            ddb = boto3.client('dynamodb', endpoint_url='{{{Moto.Endpoint}}}', region_name='us-east-1')
            ddb.create_table(TableName='{{{table}}}', BillingMode='PAY_PER_REQUEST',
                AttributeDefinitions=[{'AttributeName': 'layer_arn', 'AttributeType': 'S'}],
                KeySchema=[{'AttributeName': 'layer_arn', 'KeyType': 'HASH'}])
            regions = {{{JsonSerializer.Serialize(Regions)}}}
            names = ['ocel-amd64-dev-alpha{{{id}}}-0_158_0-prod', 'ocel-arm64-dev-beta{{{id}}}-0_158_0-prod', 'ocel-amd64-prod-gamma{{{id}}}-0_158_0-prod']
            for version in (1, 2, 3):
                if version == 3:
                    time.sleep(1.2)
                    print(datetime.datetime.now(datetime.timezone.utc).isoformat())
                    time.sleep(1.2)
                for region in regions:
                    lam = boto3.client('lambda', endpoint_url='{{{Moto.Endpoint}}}', region_name=region)
                    for name in names:
                        arch = 'arm64' if '-arm64-' in name else 'x86_64'
                        r = lam.publish_layer_version(LayerName=name, Content={'ZipFile': zipped(f'{name}{version}')},
                            Description=f'md5: {version:032d} | custom', CompatibleArchitectures=[arch])
                        if 'alpha' in name:
                            ddb.put_item(TableName='{{{table}}}', Item={'layer_arn': {'S': r['LayerVersionArn']}, 'distribution': {'S': 'dev-alpha'},
                                'architecture': {'S': 'amd64'}, 'collector_version_input': {'S': 'v0.158.0'}, 'md5_hash': {'S': f'{version:032d}'},
                                'base_layer_arn': {'S': r['LayerArn']}, 'version': {'N': str(r['Version'])}, 'region': {'S': region},
                                'layer_version_str': {'S': '0_158_0'}, 'public': {'BOOL': False}})
            """;
        return new Set(id, table, DateTimeOffset.Parse(Moto.Python(script).Trim()));
    }

    public void Dispose() => Moto.Dispose();

    /// <param name="BetweenVersions">A time after every version 2 and before every version 3.</param>
    public sealed record Set(string Id, string Table, DateTimeOffset BetweenVersions);
}
