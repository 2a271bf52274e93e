using System.IO.Compression;
using System.Text;

namespace Ocelot.Engine.Packaging;

/// <summary>
/// Writes a zip whose bytes depend only on its entries: entries sorted by name, one fixed timestamp, Unix modes in
/// the external attributes with "made by Unix" (so unzip and Lambda keep the executable bit, whichever OS built it),
/// no extra fields. .NET's ZipArchive stamps the creating platform and cannot do that.
/// </summary>
public static class DeterministicZipWriter
{
    /// <summary>1980-01-01 00:00:00, the earliest DOS date, as many reproducible-build tools use.</summary>
    private const ushort FixedDosDate = (0 << 9) | (1 << 5) | 1;
    private const ushort FixedDosTime = 0;
    private const ushort VersionMadeByUnix = (3 << 8) | 20;
    private const ushort VersionNeeded = 20;

    public sealed record Entry(string Name, string? SourceFile, int UnixMode)
    {
        public bool IsDirectory => Name.EndsWith('/');

        public static Entry Directory(string name) => new(name.TrimEnd('/') + "/", null, Convert.ToInt32("40755", 8));
        public static Entry File(string name, string sourceFile, bool executable) =>
            new(name, sourceFile, Convert.ToInt32(executable ? "100755" : "100644", 8));
    }

    public static void Write(Stream output, IEnumerable<Entry> entries, CancellationToken cancellationToken = default)
    {
        var central = new MemoryStream();
        var count = 0;
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var offset = output.Position;
            var name = Encoding.UTF8.GetBytes(entry.Name);
            WriteLocalHeader(output, name, 0, 0, 0, 0);
            var (method, crc, compressedSize, size) = entry.IsDirectory ? ((ushort)0, 0u, 0u, 0u) : WriteData(output, entry.SourceFile!);
            if (!entry.IsDirectory)
            {
                // The sizes and checksum are known only now: write the local header again, over the first.
                var end = output.Position;
                output.Position = offset;
                WriteLocalHeader(output, name, method, crc, compressedSize, size);
                output.Position = end;
            }
            WriteCentralHeader(central, name, method, crc, compressedSize, size, (uint)entry.UnixMode << 16 | (entry.IsDirectory ? 0x10u : 0u), (uint)offset);
            count++;
        }
        WriteCentralDirectory(output, central, count);
    }

    /// <summary>Deflates <paramref name="sourceFile"/> into <paramref name="output"/>.</summary>
    private static (ushort Method, uint Crc, uint CompressedSize, uint Size) WriteData(Stream output, string sourceFile)
    {
        const ushort Deflate = 8;
        var dataStart = output.Position;
        var checksum = new Crc32();
        uint size = 0;
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var source = System.IO.File.OpenRead(sourceFile))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                checksum.Append(buffer.AsSpan(0, read));
                deflate.Write(buffer, 0, read);
                size += (uint)read;
            }
        }
        return (Deflate, checksum.Value, (uint)(output.Position - dataStart), size);
    }

    private static void WriteCentralDirectory(Stream output, MemoryStream central, int count)
    {
        var centralOffset = output.Position;
        central.Position = 0;
        central.CopyTo(output);
        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        writer.Write(0x06054b50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)count);
        writer.Write((ushort)count);
        writer.Write((uint)central.Length);
        writer.Write((uint)centralOffset);
        writer.Write((ushort)0);
    }

    private static void WriteLocalHeader(Stream output, byte[] name, ushort method, uint crc, uint compressedSize, uint size)
    {
        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        writer.Write(0x04034b50u);
        writer.Write(VersionNeeded);
        WriteEntryFields(writer, name, method, crc, compressedSize, size);
        writer.Write(name);
    }

    private static void WriteCentralHeader(Stream output, byte[] name, ushort method, uint crc, uint compressedSize, uint size, uint externalAttributes, uint offset)
    {
        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        writer.Write(0x02014b50u);
        writer.Write(VersionMadeByUnix);
        writer.Write(VersionNeeded);
        WriteEntryFields(writer, name, method, crc, compressedSize, size);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write(externalAttributes);
        writer.Write(offset);
        writer.Write(name);
    }

    /// <summary>The fields the local and the central header share, from the flags to the (empty) extra field's length.</summary>
    private static void WriteEntryFields(BinaryWriter writer, byte[] name, ushort method, uint crc, uint compressedSize, uint size)
    {
        writer.Write((ushort)0x0800); // names are UTF-8
        writer.Write(method);
        writer.Write(FixedDosTime);
        writer.Write(FixedDosDate);
        writer.Write(crc);
        writer.Write(compressedSize);
        writer.Write(size);
        writer.Write((ushort)name.Length);
        writer.Write((ushort)0);
    }
}
