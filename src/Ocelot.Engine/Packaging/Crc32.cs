namespace Ocelot.Engine.Packaging;

/// <summary>The CRC-32 (IEEE 802.3) checksum zip entries carry.</summary>
internal sealed class Crc32
{
    private static readonly uint[] Table = BuildTable();
    private uint _value = 0xFFFFFFFF;

    public uint Value => ~_value;

    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = _value;
        foreach (var b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        _value = crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
