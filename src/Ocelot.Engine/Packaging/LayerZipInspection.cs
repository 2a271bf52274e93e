using System.Buffers.Binary;
using System.IO.Compression;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Packaging;

/// <summary>
/// Opens a layer zip before it is published and refuses one Lambda would accept but that could not work, or that
/// could write outside /opt: not a zip, no <c>extensions/collector</c>, a collector that is not an ELF executable for
/// the declared architecture, a <c>collector-config/config.yaml</c> that is not a file, an absolute or <c>..</c>
/// entry, or more unzipped bytes than Lambda allows.
/// </summary>
public static class LayerZipInspection
{
    /// <summary>Lambda's quota for a function and all its layers, unzipped (250 MB).</summary>
    public const long UnzippedSizeLimit = 262_144_000;

    public const string CollectorEntry = "extensions/collector";
    public const string ConfigEntry = "collector-config/config.yaml";

    // ELF e_machine values (System V ABI): EM_X86_64 and EM_AARCH64.
    private const ushort MachineAmd64 = 62;
    private const ushort MachineArm64 = 183;
    private const int ElfHeaderBytes = 64;

    public sealed record Findings(long UnzippedSize, bool HasConfig, string Architecture);

    /// <param name="architecture">amd64 or arm64; null means amd64, the default of the layer name.</param>
    public static Findings Inspect(string path, string? architecture)
    {
        var declared = architecture ?? "amd64";
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long total = 0;
            ZipArchiveEntry? collector = null;
            var hasConfig = false;
            foreach (var entry in zip.Entries)
            {
                CheckName(path, entry.FullName);
                total += entry.Length;
                if (total > UnzippedSizeLimit)
                    throw Refuse(path, FailureKind.LimitsExceeded,
                        $"unzipped, its entries come to more than Lambda's limit of {UnzippedSizeLimit} bytes (250 MB) for a function and its layers",
                        "Build a smaller distribution (fewer components).");
                var name = Normalise(entry.FullName);
                if (name == CollectorEntry || name == CollectorEntry + "/") collector = entry;
                if (name == ConfigEntry + "/")
                    throw Refuse(path, FailureKind.InvalidData, $"'{ConfigEntry}' is a folder, not a file", "Rebuild the zip with Invoke-OcelotBuild.");
                if (name == ConfigEntry)
                {
                    if (IsSymbolicLink(entry) || IsDirectory(entry))
                        throw Refuse(path, FailureKind.InvalidData, $"'{ConfigEntry}' is not a regular file", "Rebuild the zip with Invoke-OcelotBuild.");
                    hasConfig = true;
                }
            }
            if (collector is null)
                throw Refuse(path, FailureKind.InvalidData, $"it has no '{CollectorEntry}', the collector executable Lambda runs as an extension",
                    "Publish a zip built by Invoke-OcelotBuild.");
            CheckCollector(path, collector, declared);
            return new Findings(total, hasConfig, declared);
        }
        catch (InvalidDataException ex)
        {
            throw Refuse(path, FailureKind.InvalidData, $"it is not a readable zip archive ({ex.Message})", "Publish a zip built by Invoke-OcelotBuild.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OcelotException(ErrorIds.LayerZipInvalid, FailureKind.ReadError, $"The layer zip '{path}' could not be read: {ex.Message}",
                "Check the file exists and is readable.", path, ex);
        }
    }

    private static void CheckName(string path, string name)
    {
        var normalised = name.Replace('\\', '/');
        var absolute = normalised.StartsWith('/') || (normalised.Length >= 2 && normalised[1] == ':');
        var climbs = normalised.Split('/').Any(part => part == "..");
        if (absolute || climbs || normalised.Contains('\0'))
            throw Refuse(path, FailureKind.InvalidData, $"its entry '{Printable(name)}' is absolute or climbs out with '..'; Lambda would extract it outside /opt",
                "Publish a zip built by Invoke-OcelotBuild.");
    }

    private static void CheckCollector(string path, ZipArchiveEntry collector, string declared)
    {
        if (IsDirectory(collector) || collector.FullName.EndsWith('/'))
            throw Refuse(path, FailureKind.InvalidData, $"'{CollectorEntry}' is a folder, not the collector executable", "Publish a zip built by Invoke-OcelotBuild.");
        if (IsSymbolicLink(collector))
            throw Refuse(path, FailureKind.InvalidData, $"'{CollectorEntry}' is a symbolic link, not the collector executable", "Publish a zip built by Invoke-OcelotBuild.");
        var mode = UnixMode(collector);
        if (mode is { } bits && (bits & 0b001_000_000) == 0)
            throw Refuse(path, FailureKind.InvalidData, $"'{CollectorEntry}' is not marked executable (mode {Convert.ToString(bits & 0xFFF, 8)}); Lambda could not start it",
                "Rebuild the zip with Invoke-OcelotBuild, which sets mode 0755.");
        var header = new byte[ElfHeaderBytes];
        int read;
        using (var stream = collector.Open())
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        if (read < 20 || header[0] != 0x7F || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
            throw Refuse(path, FailureKind.InvalidData, $"'{CollectorEntry}' is not an ELF executable (Lambda runs Linux binaries)",
                "Publish a zip built by Invoke-OcelotBuild.");
        // EI_CLASS 2 = 64-bit, EI_DATA 1 = little-endian: both Lambda architectures are 64-bit little-endian.
        if (header[4] != 2 || header[5] != 1)
            throw Refuse(path, FailureKind.InvalidData, $"'{CollectorEntry}' is not a 64-bit little-endian ELF executable", "Publish a zip built for amd64 or arm64.");
        var type = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(16));
        if (type is not (2 or 3)) // ET_EXEC or ET_DYN (position-independent executables)
            throw Refuse(path, FailureKind.InvalidData, $"'{CollectorEntry}' is an ELF file but not an executable (e_type {type})", "Publish a zip built by Invoke-OcelotBuild.");
        var machine = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(18));
        var actual = machine switch { MachineAmd64 => "amd64", MachineArm64 => "arm64", _ => null };
        if (actual != declared)
            throw Refuse(path, FailureKind.InvalidData,
                $"'{CollectorEntry}' is built for {actual ?? $"ELF machine {machine}"}, but the layer is declared {declared}; Lambda could not run it",
                actual is null ? "Publish a zip built for amd64 or arm64." : $"Declare the layer {actual}, or publish the {declared} zip.");
    }

    private static string Normalise(string name) => name.Replace('\\', '/');

    private static int? UnixMode(ZipArchiveEntry entry)
    {
        var mode = (entry.ExternalAttributes >> 16) & 0xFFFF;
        return mode == 0 ? null : mode;
    }

    private static bool IsSymbolicLink(ZipArchiveEntry entry) => UnixMode(entry) is { } mode && (mode & 0xF000) == 0xA000;

    private static bool IsDirectory(ZipArchiveEntry entry) =>
        (UnixMode(entry) is { } mode && (mode & 0xF000) == 0x4000) || (entry.ExternalAttributes & 0x10) != 0;

    private static string Printable(string name) =>
        new(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static OcelotException Refuse(string path, FailureKind kind, string why, string action, Exception? inner = null) =>
        new(kind == FailureKind.LimitsExceeded ? ErrorIds.LayerZipTooLargeUnzipped : ErrorIds.LayerZipInvalid, kind,
            $"The layer zip '{path}' cannot be published: {why}.", action, path, inner);
}
