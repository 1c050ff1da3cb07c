using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// The open file behind a <see cref="TiffReader"/>: positional reads that never run past the end,
/// integers in the file's byte order, and errors that name the file and the offset.
/// </summary>
internal sealed class TiffByteSource : IDisposable
{
    private readonly SafeFileHandle _handle;

    private TiffByteSource(string path, SafeFileHandle handle)
    {
        Path = path;
        _handle = handle;
        Length = RandomAccess.GetLength(handle);
    }

    public string Path { get; }

    public long Length { get; }

    public bool LittleEndian { get; set; } = true;

    public bool BigTiff { get; set; }

    /// <summary>Bytes in an offset or a count field: 4 in classic TIFF, 8 in BigTIFF.</summary>
    public int OffsetSize => BigTiff ? 8 : 4;

    public static TiffByteSource Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        return new TiffByteSource(path, handle);
    }

    public PerrinFormatException Error(long offset, string problem) => new(Path, offset, problem);

    public PerrinFormatException Error(long offset, string problem, Exception inner) => new(Path, offset, problem, inner);

    /// <summary>True when <paramref name="count"/> bytes starting at <paramref name="offset"/> lie inside the file.</summary>
    public bool Holds(long offset, long count) => offset >= 0 && count >= 0 && offset <= Length && count <= Length - offset;

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; <paramref name="what"/> names the data for the error.</summary>
    public void ReadExactly(long offset, Span<byte> buffer, string what)
    {
        if (!Holds(offset, buffer.Length))
        {
            throw Error(offset, $"{what}: {buffer.Length} bytes at byte {offset} run past the end of the file ({Length} bytes)");
        }

        var done = 0;
        while (done < buffer.Length)
        {
            var n = RandomAccess.Read(_handle, buffer[done..], offset + done);
            if (n <= 0)
            {
                throw Error(offset + done, $"{what}: the file ended early (it shrank while being read)");
            }

            done += n;
        }
    }

    public ushort UInt16(ReadOnlySpan<byte> bytes) =>
        LittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    public uint UInt32(ReadOnlySpan<byte> bytes) =>
        LittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    public ulong UInt64(ReadOnlySpan<byte> bytes) =>
        LittleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt64BigEndian(bytes);

    /// <summary>An offset or count field of the file's width (4 or 8 bytes).</summary>
    public ulong Word(ReadOnlySpan<byte> bytes) => BigTiff ? UInt64(bytes) : UInt32(bytes);

    public void Dispose() => _handle.Dispose();
}
