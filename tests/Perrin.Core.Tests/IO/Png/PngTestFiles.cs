using System.Buffers.Binary;
using System.IO.Compression;
using Perrin.Core.IO.Png;

namespace Perrin.Core.Tests.IO.Png;

/// <summary>Builds PNG files byte by byte, independently of <see cref="PngWriter"/>, so the reader can be checked against them.</summary>
internal static class PngTestFiles
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly (int X0, int Y0, int DX, int DY)[] Adam7 =
    [
        (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
    ];

    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.Compute(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static byte[] Ihdr(uint width, uint height, int bitDepth, int colorType, int interlace = 0, int compression = 0, int filter = 0)
    {
        var data = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(data, width);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), height);
        data[8] = (byte)bitDepth;
        data[9] = (byte)colorType;
        data[10] = (byte)compression;
        data[11] = (byte)filter;
        data[12] = (byte)interlace;
        return Chunk("IHDR", data);
    }

    public static byte[] Iend() => Chunk("IEND", []);

    public static byte[] Idat(byte[] scanlines) => Chunk("IDAT", Zlib(scanlines));

    public static byte[] File(params byte[][] chunks) => [.. Signature, .. chunks.SelectMany(c => c)];

    /// <summary>A whole file: IHDR, the given chunks, one IDAT of the scanlines, IEND.</summary>
    public static byte[] Simple(uint width, uint height, int bitDepth, int colorType, byte[] scanlines, params byte[][] beforeData) =>
        File([Ihdr(width, height, bitDepth, colorType), .. beforeData, Idat(scanlines), Iend()]);

    public static byte[] Zlib(byte[] data)
    {
        using var memory = new MemoryStream();
        using (var zlib = new ZLibStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return memory.ToArray();
    }

    public static byte[] Inflate(byte[] zlibData)
    {
        using var zlib = new ZLibStream(new MemoryStream(zlibData), CompressionMode.Decompress);
        using var result = new MemoryStream();
        zlib.CopyTo(result);
        return result.ToArray();
    }

    /// <summary>Filters a row as the PNG specification defines it, written out independently of the product code.</summary>
    public static byte[] FilterRow(int type, byte[] row, byte[] prior, int bpp)
    {
        var result = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = prior[i], c = i >= bpp ? prior[i - bpp] : 0;
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            var paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            var prediction = type switch { 1 => a, 2 => b, 3 => (a + b) / 2, 4 => paeth, _ => 0 };
            result[i] = (byte)(row[i] - prediction);
        }

        return result;
    }

    /// <summary>
    /// Scanlines (filter byte + filtered row) of an image given as packed rows, interlaced with Adam7 or not.
    /// Row j of each pass uses filter (j + pass) mod 5 so that every filter meets every pass.
    /// </summary>
    public static byte[] Scanlines(int width, int height, int bitsPerPixel, Func<int, int, ulong> pixel, bool interlaced)
    {
        var passes = interlaced ? Adam7 : [(0, 0, 1, 1)];
        var bpp = Math.Max(1, bitsPerPixel / 8);
        var output = new List<byte>();
        for (var p = 0; p < passes.Length; p++)
        {
            var (x0, y0, dx, dy) = passes[p];
            var pw = width > x0 ? (width - x0 + dx - 1) / dx : 0;
            var ph = height > y0 ? (height - y0 + dy - 1) / dy : 0;
            if (pw == 0 || ph == 0)
            {
                continue;
            }

            var prior = new byte[((pw * bitsPerPixel) + 7) / 8];
            for (var j = 0; j < ph; j++)
            {
                var row = new byte[prior.Length];
                for (var i = 0; i < pw; i++)
                {
                    PutBits(row, i * bitsPerPixel, bitsPerPixel, pixel(x0 + (i * dx), y0 + (j * dy)));
                }

                var filter = (j + p) % 5;
                output.Add((byte)filter);
                output.AddRange(FilterRow(filter, row, prior, bpp));
                prior = row;
            }
        }

        return [.. output];
    }

    /// <summary>Chunk offsets and lengths of a valid file, in order.</summary>
    public static List<(int Offset, int Length, string Type)> Chunks(byte[] file)
    {
        var chunks = new List<(int, int, string)>();
        for (var at = 8; at + 12 <= file.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            chunks.Add((at, length, System.Text.Encoding.ASCII.GetString(file, at + 4, 4)));
            at += 12 + length;
        }

        return chunks;
    }

    /// <summary>Recomputes the CRC of the chunk at <paramref name="offset"/> after its data was changed.</summary>
    public static void FixCrc(byte[] file, int offset)
    {
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(offset + 8 + length), Crc32.Compute(file.AsSpan(offset + 4, 4 + length)));
    }

    /// <summary>Writes the low <paramref name="bits"/> bits of <paramref name="value"/> big-endian at bit <paramref name="bitOffset"/>.</summary>
    private static void PutBits(byte[] row, int bitOffset, int bits, ulong value)
    {
        for (var k = 0; k < bits; k++)
        {
            if (((value >> (bits - 1 - k)) & 1) != 0)
            {
                var bit = bitOffset + k;
                row[bit >> 3] |= (byte)(0x80 >> (bit & 7));
            }
        }
    }
}
