using System.Security.Cryptography;
using Ocelot.Engine.Failures;

namespace Ocelot.Engine.Packaging;

/// <summary>The layer zip: <c>extensions/collector</c> (0755) and <c>collector-config/config.yaml</c> (0644).</summary>
public static class LayerPackage
{
    public static string FileName(string architecture, string distribution) => $"collector-{architecture}-{distribution}.zip";

    /// <summary>Writes the zip to a temporary file beside <paramref name="destination"/> and renames it into place.</summary>
    public static void Create(string destination, string collectorBinary, string configFile, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                DeterministicZipWriter.Write(output, [
                    DeterministicZipWriter.Entry.Directory("collector-config"),
                    DeterministicZipWriter.Entry.File("collector-config/config.yaml", configFile, executable: false),
                    DeterministicZipWriter.Entry.Directory("extensions"),
                    DeterministicZipWriter.Entry.File("extensions/collector", collectorBinary, executable: true),
                ], cancellationToken);
            }
            File.Move(temporary, destination, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (StorageFailure.IsPermanent(ex) || ex is UnauthorizedAccessException) throw StorageFailure.Translate(ex, folder, $"write the layer zip '{destination}'");
            throw new OcelotException(ErrorIds.PackageWriteFailed, FailureKind.WriteError,
                $"Could not write the layer zip '{destination}': {ex.Message}", "Check the output folder exists and is writable, and that there is space on the disk.", destination, ex);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public sealed record Digests(long Size, string Md5, string Sha256, string CodeSha256);

    /// <summary>Size, hex md5 and sha256, and the base64 sha256 that Lambda reports as CodeSha256.</summary>
    public static Digests Digest(string path)
    {
        using var stream = File.OpenRead(path);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        int read;
        long size = 0;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            sha.AppendData(buffer, 0, read);
            size += read;
        }
        var shaBytes = sha.GetHashAndReset();
        return new Digests(size, Convert.ToHexString(md5.GetHashAndReset()).ToLowerInvariant(),
            Convert.ToHexString(shaBytes).ToLowerInvariant(), Convert.ToBase64String(shaBytes));
    }
}
