using System.Globalization;
using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Png;

/// <summary>
/// Writes a movie as one gray PNG per frame: folder/prefix_0001.png, prefix_0002.png… numbered from 1 and
/// zero-padded to the digits of the expected frame count (at least 4). Each file is written atomically and is
/// complete once <see cref="WriteFrameRaw"/> returns. Unlike a single-file movie, disposing without
/// <see cref="Complete"/> keeps the frames already written; nothing is half-written. Files of an earlier, longer
/// sequence with the same prefix are not removed. The pixel size, when given, is stored in each file's pHYs chunk.
/// </summary>
public sealed class PngSequenceWriter : IFrameWriter
{
    private readonly string _folder;
    private readonly string _prefix;
    private readonly int _digits;
    private readonly StackMetadata _metadata;
    private bool _completed;
    private bool _disposed;

    private PngSequenceWriter(string folder, string prefix, int width, int height, PixelType type, int digits, StackMetadata metadata)
    {
        _folder = folder;
        _prefix = prefix;
        Width = width;
        Height = height;
        PixelType = type;
        _digits = digits;
        _metadata = metadata;
    }

    public int Width { get; }

    public int Height { get; }

    public PixelType PixelType { get; }

    public int FramesWritten { get; private set; }

    /// <summary>Creates <paramref name="folder"/> if needed. <paramref name="type"/> must be UInt8 or UInt16.</summary>
    public static PngSequenceWriter Create(string folder, string prefix, int width, int height, PixelType type, int expectedFrames = 0, StackMetadata? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedFrames);
        PngGrayFrame.CheckType(type);

        if (prefix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || prefix.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{prefix}' cannot start a file name", nameof(prefix));
        }

        if ((long)width * height > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"a {width}×{height} frame does not fit in memory as one array");
        }

        Directory.CreateDirectory(folder);
        var digits = Math.Max(4, expectedFrames.ToString(CultureInfo.InvariantCulture).Length);
        return new PngSequenceWriter(folder, prefix, width, height, type, digits, metadata ?? StackMetadata.Unknown);
    }

    /// <summary>The file that frame <paramref name="index"/> (0-based) is written to.</summary>
    public string PathOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var number = (index + 1).ToString(CultureInfo.InvariantCulture).PadLeft(_digits, '0');
        return Path.Combine(_folder, _prefix.Length == 0 ? $"{number}.png" : $"{_prefix}_{number}.png");
    }

    public void WriteFrameRaw(ReadOnlySpan<byte> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the sequence is complete; no more frames can be written");
        }

        var image = PngGrayFrame.ToImage(samples, Width, Height, PixelType, _metadata);
        PngWriter.Write(PathOf(FramesWritten), image);
        FramesWritten++;
    }

    public void WriteFrame(ReadOnlySpan<float> pixels)
    {
        var raw = new byte[pixels.Length * PixelType.BytesPerSample()];
        PixelCodec.FromFloat(PixelType, pixels, raw);
        WriteFrameRaw(raw);
    }

    /// <summary>Marks the sequence finished; every frame is already in its file.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _completed = true;
    }

    public void Dispose() => _disposed = true;
}
