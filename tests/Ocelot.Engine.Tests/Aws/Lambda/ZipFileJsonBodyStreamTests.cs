using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda;

public sealed class ZipFileJsonBodyStreamTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 7)]
    [InlineData(4, 4096)]
    [InlineData(200_003, 1)]
    [InlineData(200_003, 7)]
    [InlineData(200_003, 50_001)]
    [InlineData(200_003, 1_000_000)]
    public void Reads_the_same_json_as_encoding_it_in_one_go(int zipSize, int readSize)
    {
        var zip = RandomNumberGenerator.GetBytes(zipSize);
        var fields = new JsonObject { ["Description"] = "d \"quoted\" é", ["CompatibleRuntimes"] = new JsonArray("python3.12") };
        var expected = $"{{\"Content\":{{\"ZipFile\":\"{Convert.ToBase64String(zip)}\"}},{fields.ToJsonString()[1..]}";

        using var body = new ZipFileJsonBodyStream(new MemoryStream(zip), fields);

        Assert.Equal(Encoding.UTF8.GetByteCount(expected), body.Length);
        Assert.Equal(expected, ReadAll(body, readSize));
        Assert.NotNull(JsonNode.Parse(expected));
    }

    [Fact]
    public void Can_be_read_again_from_any_position()
    {
        var zip = RandomNumberGenerator.GetBytes(100_000);
        using var body = new ZipFileJsonBodyStream(new MemoryStream(zip), new JsonObject());
        var whole = ReadAll(body, 8192);

        foreach (var position in new long[] { 0, 1, 23, 24, 25, 26, 27, 28, 50_000, body.Length - 3, body.Length })
        {
            body.Position = position;
            Assert.Equal(whole[(int)position..], ReadAll(body, 333));
        }
        Assert.EndsWith("\"}}", whole);
    }

    [Fact]
    public void Starts_at_the_zip_streams_current_position()
    {
        var bytes = RandomNumberGenerator.GetBytes(1000);
        var zip = new MemoryStream(bytes) { Position = 10 };

        using var body = new ZipFileJsonBodyStream(zip, new JsonObject());

        Assert.Contains(Convert.ToBase64String(bytes, 10, 990), ReadAll(body, 4096));
    }

    [Fact]
    public void Refuses_a_stream_it_cannot_rewind()
    {
        Assert.Throws<ArgumentException>(() => new ZipFileJsonBodyStream(new OneWayStream(), new JsonObject()));
    }

    private sealed class OneWayStream() : MemoryStream(new byte[3])
    {
        public override bool CanSeek => false;
    }

    private static string ReadAll(Stream stream, int readSize)
    {
        var result = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            result.Write(buffer, 0, read);
        }
        return Encoding.UTF8.GetString(result.ToArray());
    }
}
