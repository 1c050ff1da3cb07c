using System.Runtime.InteropServices;
using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Png;

/// <summary>
/// A movie stored as one PNG per frame, in natural file-name order (frame2 before frame10). Open reads only the
/// headers, to check that every frame has the same size and sample type; frames are decoded when asked for.
/// Colour frames become gray by ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B, rounded) and alpha is ignored.
/// 16-bit files give <see cref="PixelType.UInt16"/>, all others (including palette and 1/2/4-bit) <see cref="PixelType.UInt8"/>.
/// The pixel size comes from the first file's pHYs chunk.
/// </summary>
public sealed class PngSequenceReader : IFrameReader
{
    private readonly string[] _files;
    private bool _disposed;

    private PngSequenceReader(string[] files, int width, int height, PixelType type, StackMetadata metadata)
    {
        _files = files;
        Width = width;
        Height = height;
        PixelType = type;
        Metadata = metadata;
    }

    public string SourcePath => _files[0];

    public IReadOnlyList<string> Files => _files;

    public int Width { get; }

    public int Height { get; }

    public int FrameCount => _files.Length;

    public PixelType PixelType { get; }

    public StackMetadata Metadata { get; }

    /// <summary>Opens a folder (all its *.png files), a pattern such as "frames/img_*.png", or a single PNG file.</summary>
    public static PngSequenceReader Open(string pathOrFolderOrPattern)
    {
        var files = PngSequenceFiles.Resolve(pathOrFolderOrPattern);
        var (first, pixelSizeNm) = PngReader.ReadInfo(files[0]);
        var type = TypeOf(first);
        for (var f = 1; f < files.Length; f++)
        {
            var header = PngReader.ReadHeader(files[f]);
            if (header.Width != first.Width || header.Height != first.Height || TypeOf(header) != type)
            {
                throw new PerrinFormatException(files[f], 8,
                    $"the frame is {header.Width}×{header.Height} with {header.BitDepth}-bit samples; expected {first.Width}×{first.Height} " +
                    $"with {(type == PixelType.UInt16 ? "16" : "8 or fewer")}-bit samples like {Path.GetFileName(files[0])}");
            }
        }

        return new PngSequenceReader(files, first.Width, first.Height, type, new StackMetadata { PixelSizeNm = pixelSizeNm });
    }

    public void ReadFrameRaw(int index, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, FrameCount);
        var pixels = Width * Height;
        if (destination.Length != pixels * PixelType.BytesPerSample())
        {
            throw new ArgumentException($"a frame takes {pixels * PixelType.BytesPerSample()} bytes, not {destination.Length}", nameof(destination));
        }

        var path = _files[index];
        var image = PngReader.Read(path);
        if (image.Width != Width || image.Height != Height || image.BitDepth != PixelType.BitsPerSample())
        {
            throw new PerrinFormatException(path, 8, $"the frame is {image.Width}×{image.Height} at {image.BitDepth} bits; expected {Width}×{Height} at {PixelType.BitsPerSample()} bits (the file changed after the sequence was opened)");
        }

        var gray = new ushort[pixels];
        PngGrayConversion.ToGray(image, gray);
        if (PixelType == PixelType.UInt16)
        {
            MemoryMarshal.AsBytes(gray.AsSpan()).CopyTo(destination);
            return;
        }

        for (var i = 0; i < pixels; i++)
        {
            destination[i] = (byte)gray[i];
        }
    }

    public void ReadFrame(int index, Span<float> destination)
    {
        var pixels = Width * Height;
        if (destination.Length != pixels)
        {
            throw new ArgumentException($"a frame holds {pixels} pixels, not {destination.Length}", nameof(destination));
        }

        var raw = new byte[pixels * PixelType.BytesPerSample()];
        ReadFrameRaw(index, raw);
        PixelCodec.ToFloat(PixelType, raw, destination);
    }

    public void Dispose() => _disposed = true;

    private static PixelType TypeOf(PngHeader header) => header.BitDepth == 16 ? PixelType.UInt16 : PixelType.UInt8;
}
