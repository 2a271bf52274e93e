using System.IO.Compression;
using System.Text;
using Ocelot.Engine.Tests.Packaging;

namespace Ocelot.Engine.Tests.Fakes;

/// <summary>Zips shaped like built layers (an amd64 ELF collector, mode 0755, and a config), different per marker.</summary>
internal static class LayerZips
{
    public static byte[] Bytes(string marker)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var collector = zip.CreateEntry("extensions/collector", CompressionLevel.Fastest);
            collector.ExternalAttributes = (0x8000 | 0b111_101_101) << 16;
            using (var stream = collector.Open()) stream.Write(LayerZipInspectionTests.Elf(62));
            using var config = zip.CreateEntry("collector-config/config.yaml").Open();
            config.Write(Encoding.UTF8.GetBytes($"# {marker}\nreceivers: {{}}\n"));
        }
        return buffer.ToArray();
    }

    public static string Write(string folder, string marker)
    {
        var path = Path.Combine(folder, $"{marker}.zip");
        File.WriteAllBytes(path, Bytes(marker));
        return path;
    }
}
