namespace Ocelot.Engine.Aws.Lambda;

/// <summary>Where the zip for a new layer version comes from: sent in the request, or an object already in S3.</summary>
public abstract record LayerContent
{
    private LayerContent()
    {
    }

    /// <summary>Sends the zip in the request, read from the stream's current position (not disposed).
    /// A seekable stream is encoded as it is sent; any other is first copied into memory.</summary>
    public static LayerContent FromZip(Stream zip) => new ZipArchive(zip);

    public static LayerContent FromZip(byte[] zip) => new ZipArchive(new MemoryStream(zip, writable: false));

    public static LayerContent FromS3(string bucket, string key, string? objectVersion = null) => new S3Object(bucket, key, objectVersion);

    public sealed record ZipArchive(Stream Zip) : LayerContent;

    public sealed record S3Object(string Bucket, string Key, string? ObjectVersion) : LayerContent;
}
