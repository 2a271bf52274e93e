using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace Ocelot.Engine.Aws.Lambda;

/// <summary>
/// The PublishLayerVersion JSON body, <c>{"Content":{"ZipFile":"&lt;base64&gt;"}, ...}</c>, with the base64 produced
/// from the zip as it is read, so a large zip is never also held as a base64 string or a second byte array.
/// Seekable, because the SDK reads the body once to hash it for SigV4, then again to send it (and on retries).
/// </summary>
internal sealed class ZipFileJsonBodyStream : Stream
{
    private const int BlocksPerChunk = 16 * 1024;
    private static readonly byte[] Prefix = "{\"Content\":{\"ZipFile\":\""u8.ToArray();

    private readonly byte[] _suffix;
    private readonly Stream _zip;
    private readonly bool _ownsZip;
    private readonly long _zipStart;
    private readonly long _zipLength;
    private readonly long _base64Length;
    private readonly byte[] _rawChunk = new byte[BlocksPerChunk * 3];
    private readonly byte[] _encodedChunk = new byte[BlocksPerChunk * 4];
    private long _position;

    /// <param name="zip">A seekable stream, read from its current position.</param>
    /// <param name="otherFields">The remaining top-level request fields.</param>
    /// <param name="ownsZip">Whether disposing this stream disposes <paramref name="zip"/>.</param>
    public ZipFileJsonBodyStream(Stream zip, JsonObject otherFields, bool ownsZip = false)
    {
        if (!zip.CanSeek)
        {
            throw new ArgumentException("The zip stream must be seekable.", nameof(zip));
        }
        (_zip, _ownsZip) = (zip, ownsZip);
        _zipStart = _zip.Position;
        _zipLength = _zip.Length - _zipStart;
        _base64Length = (_zipLength + 2) / 3 * 4;
        var rest = otherFields.ToJsonString();
        _suffix = Encoding.UTF8.GetBytes(rest == "{}" ? "\"}}" : "\"}," + rest[1..]);
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => Prefix.Length + _base64Length + _suffix.Length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < Length)
        {
            var target = buffer[written..];
            var base64End = Prefix.Length + _base64Length;
            var count = _position < Prefix.Length ? CopyFrom(Prefix, _position, target)
                : _position < base64End ? ReadBase64(_position - Prefix.Length, target)
                : CopyFrom(_suffix, _position - base64End, target);
            written += count;
            _position += count;
        }
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsZip)
        {
            _zip.Dispose();
        }
        base.Dispose(disposing);
    }

    private static int CopyFrom(byte[] source, long offset, Span<byte> target)
    {
        var count = (int)Math.Min(source.Length - offset, target.Length);
        source.AsSpan((int)offset, count).CopyTo(target);
        return count;
    }

    /// <summary>Encodes whole 3-byte groups of the zip (4 base64 characters each) around <paramref name="offset"/>.</summary>
    private int ReadBase64(long offset, Span<byte> target)
    {
        var firstBlock = offset / 4;
        var skip = (int)(offset % 4);
        var blocks = (int)Math.Min(Math.Min(BlocksPerChunk, (skip + target.Length + 3) / 4), _base64Length / 4 - firstBlock);
        var rawCount = (int)Math.Min(blocks * 3L, _zipLength - firstBlock * 3);
        _zip.Position = _zipStart + firstBlock * 3;
        _zip.ReadExactly(_rawChunk, 0, rawCount);
        Base64.EncodeToUtf8(_rawChunk.AsSpan(0, rawCount), _encodedChunk, out _, out var encodedCount);
        var count = Math.Min(encodedCount - skip, target.Length);
        _encodedChunk.AsSpan(skip, count).CopyTo(target);
        return count;
    }
}
