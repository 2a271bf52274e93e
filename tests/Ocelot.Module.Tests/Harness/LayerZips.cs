using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Ocelot.Module.Tests.Harness;

/// <summary>Layer zips shaped like Invoke-OcelotBuild's: an executable ELF <c>extensions/collector</c> (random after its header, so content is unique) and a config.</summary>
public static class LayerZips
{
    public const ushort Amd64 = 62;
    public const ushort Arm64 = 183;

    public static byte[] ElfHeader(ushort machine)
    {
        var header = new byte[64];
        header[0] = 0x7F; header[1] = (byte)'E'; header[2] = (byte)'L'; header[3] = (byte)'F';
        header[4] = 2; // 64-bit
        header[5] = 1; // little-endian
        header[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(16), 2); // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(18), machine);
        return header;
    }

    public static string Write(string path, int bytes = 4096, ushort machine = Amd64, bool withConfig = true, params (string Name, string Text)[] extra)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        var collector = archive.CreateEntry("extensions/collector", CompressionLevel.NoCompression);
        collector.ExternalAttributes = (0x8000 | 0b111_101_101) << 16;
        using (var entry = collector.Open())
        {
            entry.Write(ElfHeader(machine));
            entry.Write(RandomNumberGenerator.GetBytes(bytes));
        }
        if (withConfig)
            using (var writer = new StreamWriter(archive.CreateEntry("collector-config/config.yaml").Open()))
                writer.Write("receivers: {}\n");
        foreach (var (name, text) in extra)
            using (var writer = new StreamWriter(archive.CreateEntry(name).Open()))
                writer.Write(text);
        return path;
    }
}
