using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Png;

/// <summary>
/// Writes a one-frame movie as a single gray PNG file, so that a frame can go wherever a movie can.
/// The file appears, complete, on <see cref="Complete"/>.
/// </summary>
public sealed class PngFrameWriter : IFrameWriter
{
    private readonly string _path;
    private readonly StackMetadata _metadata;
    private PngImage? _image;

    private PngFrameWriter(string path, int width, int height, PixelType type, StackMetadata metadata)
    {
        _path = path;
        Width = width;
        Height = height;
        PixelType = type;
        _metadata = metadata;
    }

    public int Width { get; }

    public int Height { get; }

    public PixelType PixelType { get; }

    public int FramesWritten => _image is null ? 0 : 1;

    /// <summary><paramref name="type"/> must be UInt8 or UInt16.</summary>
    public static PngFrameWriter Create(string path, int width, int height, PixelType type, StackMetadata? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        PngGrayFrame.CheckType(type);
        return new PngFrameWriter(path, width, height, type, metadata ?? StackMetadata.Unknown);
    }

    public void WriteFrameRaw(ReadOnlySpan<byte> samples)
    {
        if (_image is not null)
        {
            throw new InvalidOperationException($"{_path} holds one frame; a second one was given");
        }

        _image = PngGrayFrame.ToImage(samples, Width, Height, PixelType, _metadata);
    }

    public void WriteFrame(ReadOnlySpan<float> pixels)
    {
        var raw = new byte[pixels.Length * PixelType.BytesPerSample()];
        PixelCodec.FromFloat(PixelType, pixels, raw);
        WriteFrameRaw(raw);
    }

    public void Complete()
    {
        var image = _image ?? throw new InvalidOperationException($"{_path}: no frame was written");
        PngWriter.Write(_path, image);
    }

    public void Dispose()
    {
        _image = null;
    }
}
