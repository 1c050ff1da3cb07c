using System.Buffers.Binary;

namespace Perrin.Core.IO.Png;

internal static class PngChunkWriter
{
    public static void Write(Stream stream, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header[4..]);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Initial, header[4..]), data)));
        stream.Write(header);
        stream.Write(data);
        stream.Write(crc);
    }
}
