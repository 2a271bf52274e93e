using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

using Ocelot.Engine.Aws.Lambda;

namespace Ocelot.Engine.Tests.Aws.Lambda.Support;

internal static class TestZips
{
    public static byte[] PythonLayer(string marker)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("python/ocelot_marker.py").Open();
            entry.Write(Encoding.UTF8.GetBytes($"MARKER = '{marker}'\n"));
        }
        return buffer.ToArray();
    }

    /// <summary>A zip of incompressible bytes, so the archive is about <paramref name="size"/> bytes.</summary>
    public static byte[] Random(int size)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("python/blob.bin", CompressionLevel.NoCompression).Open();
            entry.Write(RandomNumberGenerator.GetBytes(size));
        }
        return buffer.ToArray();
    }

    public static string Sha256Base64(byte[] bytes) => Convert.ToBase64String(SHA256.HashData(bytes));

    /// <summary>A layer name no other test uses, so tests can share one moto in parallel.</summary>
    public static string UniqueLayerName(string purpose) => $"ocelot-{purpose}-{Guid.NewGuid():N}";
}
