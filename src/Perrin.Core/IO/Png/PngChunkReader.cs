using System.Buffers.Binary;

namespace Perrin.Core.IO.Png;

/// <summary>
/// Reads the chunks of a PNG stream in order, checking every CRC. Data is read in bounded pieces, so a lying
/// length field costs no more memory than the bytes actually present. Offsets count from where reading began.
/// </summary>
internal sealed class PngChunkReader
{
    private const int PieceSize = 1 << 16;
    private readonly Stream _stream;
    private readonly byte[] _piece = new byte[PieceSize];
    private long _position;

    public PngChunkReader(Stream stream, string? name)
    {
        _stream = stream;
        Name = name;
    }

    public string? Name { get; }

    public void ReadSignature()
    {
        Span<byte> signature = stackalloc byte[8];
        var got = Fill(signature);
        if (got < signature.Length || !signature.SequenceEqual(PngFormat.Signature))
        {
            throw Error(0, got < signature.Length
                ? $"the file is {got} bytes long; expected the 8-byte PNG signature"
                : "not a PNG file: expected the signature 89 50 4E 47 0D 0A 1A 0A");
        }
    }

    public PngChunkHeader ReadHeader()
    {
        var offset = _position;
        Span<byte> bytes = stackalloc byte[8];
        var got = Fill(bytes);
        if (got == 0)
        {
            throw Error(offset, "the file ends here; expected another chunk (the IEND chunk is missing)");
        }

        if (got < bytes.Length)
        {
            throw Error(offset, "the file ends inside a chunk header; expected a 4-byte length and a 4-byte type");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var typeBytes = bytes[4..];
        foreach (var b in typeBytes)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                throw Error(offset, $"the chunk type {Convert.ToHexString(typeBytes)} is not four ASCII letters; expected a chunk header");
            }
        }

        var type = System.Text.Encoding.ASCII.GetString(typeBytes);
        if (length > PngFormat.MaxChunkLength)
        {
            throw Error(offset, $"the {type} chunk claims {length} bytes; chunk lengths are at most {PngFormat.MaxChunkLength}");
        }

        return new PngChunkHeader(offset, (int)length, type);
    }

    /// <summary>Reads a whole chunk's data; the caller has checked that its length is small.</summary>
    public byte[] ReadData(PngChunkHeader chunk)
    {
        var data = new byte[chunk.Length];
        var crc = Crc32.Update(Crc32.Initial, TypeBytes(chunk));
        if (Fill(data) < data.Length)
        {
            throw Truncated(chunk);
        }

        CheckCrc(chunk, Crc32.Update(crc, data));
        return data;
    }

    /// <summary>Streams a chunk's data into <paramref name="sink"/>, or past it when the sink is null.</summary>
    public void CopyData(PngChunkHeader chunk, Stream? sink)
    {
        var crc = Crc32.Update(Crc32.Initial, TypeBytes(chunk));
        var left = chunk.Length;
        while (left > 0)
        {
            var piece = _piece.AsSpan(0, Math.Min(left, PieceSize));
            if (Fill(piece) < piece.Length)
            {
                throw Truncated(chunk);
            }

            crc = Crc32.Update(crc, piece);
            sink?.Write(piece);
            left -= piece.Length;
        }

        CheckCrc(chunk, crc);
    }

    public PerrinFormatException Error(long offset, string problem) => new(Name, offset, problem);

    private void CheckCrc(PngChunkHeader chunk, uint state)
    {
        Span<byte> stored = stackalloc byte[4];
        if (Fill(stored) < stored.Length)
        {
            throw Truncated(chunk);
        }

        var expected = Crc32.Finish(state);
        var actual = BinaryPrimitives.ReadUInt32BigEndian(stored);
        if (actual != expected)
        {
            throw Error(chunk.Offset, $"the {chunk.Type} chunk's CRC is {actual:X8}; its {chunk.Length} data bytes give {expected:X8} (the file is corrupt)");
        }
    }

    private PerrinFormatException Truncated(PngChunkHeader chunk) =>
        Error(chunk.Offset, $"the file ends inside the {chunk.Type} chunk; expected {chunk.Length} data bytes and a 4-byte CRC");

    private static byte[] TypeBytes(PngChunkHeader chunk) => System.Text.Encoding.ASCII.GetBytes(chunk.Type);

    private int Fill(Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var n = _stream.Read(destination[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        _position += total;
        return total;
    }
}
