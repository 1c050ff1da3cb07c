using Perrin.Core.IO;

namespace Perrin.Core.Imaging;

/// <summary>
/// A frames × height × width stack of float32 samples held in memory, with its calibration.
/// Frame f, row y, column x is at index (f·height + y)·width + x. For movies larger than memory,
/// use an <see cref="IFrameReader"/> directly.
/// </summary>
public sealed class ImageStack
{
    private readonly float[] _data;

    public ImageStack(int frames, int height, int width, StackMetadata? metadata = null)
        : this(frames, height, width, new float[CheckedLength(frames, height, width)], metadata)
    {
    }

    public ImageStack(int frames, int height, int width, float[] data, StackMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var length = CheckedLength(frames, height, width);
        if (data.Length != length)
        {
            throw new ArgumentException($"a {frames}×{height}×{width} stack needs {length} samples, not {data.Length}", nameof(data));
        }

        FrameCount = frames;
        Height = height;
        Width = width;
        _data = data;
        Metadata = metadata ?? StackMetadata.Unknown;
    }

    public int FrameCount { get; }

    public int Height { get; }

    public int Width { get; }

    public int PixelsPerFrame => Height * Width;

    public StackMetadata Metadata { get; set; }

    /// <summary>All samples, frame after frame.</summary>
    public Span<float> Data => _data;

    /// <summary>A view of frame <paramref name="frame"/> that shares the stack's memory.</summary>
    public ImageFrame this[int frame] => new(FrameMemory(frame), Height, Width);

    public Memory<float> FrameMemory(int frame)
    {
        if ((uint)frame >= (uint)FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), $"frame {frame} is outside a stack of {FrameCount} frames");
        }

        return _data.AsMemory(frame * PixelsPerFrame, PixelsPerFrame);
    }

    public ref float At(int frame, int y, int x) => ref this[frame][y, x];

    /// <summary>Reads every frame of a movie into memory.</summary>
    public static ImageStack Read(IFrameReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stack = new ImageStack(reader.FrameCount, reader.Height, reader.Width, reader.Metadata);
        for (var f = 0; f < reader.FrameCount; f++)
        {
            reader.ReadFrame(f, stack.FrameMemory(f).Span);
        }

        return stack;
    }

    /// <summary>Writes every frame through <paramref name="writer"/> (without completing it).</summary>
    public void WriteTo(IFrameWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer.Width != Width || writer.Height != Height)
        {
            throw new ArgumentException($"the writer takes {writer.Width}×{writer.Height} frames, the stack holds {Width}×{Height}", nameof(writer));
        }

        for (var f = 0; f < FrameCount; f++)
        {
            writer.WriteFrame(FrameMemory(f).Span);
        }
    }

    /// <summary>Builds a stack from 8-bit samples, frame after frame.</summary>
    public static ImageStack FromUInt8(int frames, int height, int width, ReadOnlySpan<byte> samples, StackMetadata? metadata = null)
    {
        var stack = new ImageStack(frames, height, width, metadata);
        PixelCodec.ToFloat(PixelType.UInt8, samples, stack._data);
        return stack;
    }

    /// <summary>Builds a stack from 16-bit samples, frame after frame.</summary>
    public static ImageStack FromUInt16(int frames, int height, int width, ReadOnlySpan<ushort> samples, StackMetadata? metadata = null)
    {
        var stack = new ImageStack(frames, height, width, metadata);
        PixelCodec.ToFloat(PixelType.UInt16, System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples), stack._data);
        return stack;
    }

    public byte[] ToUInt8(IntegerScaling scaling = IntegerScaling.Clip)
    {
        var result = new byte[_data.Length];
        PixelCodec.FromFloat(PixelType.UInt8, Scaled(PixelType.UInt8, scaling), result);
        return result;
    }

    public ushort[] ToUInt16(IntegerScaling scaling = IntegerScaling.Clip)
    {
        var result = new ushort[_data.Length];
        PixelCodec.FromFloat(PixelType.UInt16, Scaled(PixelType.UInt16, scaling), System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    /// <summary>Smallest and largest finite sample, or (0, 0) for an empty or all-NaN stack.</summary>
    public (float Min, float Max) FiniteRange()
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var v in _data)
        {
            if (float.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return min > max ? (0, 0) : (min, max);
    }

    private ReadOnlySpan<float> Scaled(PixelType type, IntegerScaling scaling)
    {
        if (scaling == IntegerScaling.Clip)
        {
            return _data;
        }

        var (min, max) = FiniteRange();
        var (lo, hi) = PixelCodec.Range(type);
        var scale = max > min ? (hi - lo) / ((double)max - min) : 0;
        var scaled = new float[_data.Length];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = (float)(lo + ((_data[i] - min) * scale));
        }

        return scaled;
    }

    private static int CheckedLength(int frames, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        var length = (long)frames * height * width;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(frames), $"a {frames}×{height}×{width} stack does not fit in memory as one array; read it frame by frame");
        }

        return (int)length;
    }
}
