using System.Runtime.InteropServices;
using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Png;

/// <summary>Builds the gray PNG image of one movie frame of u8 or u16 samples.</summary>
internal static class PngGrayFrame
{
    public static PngImage ToImage(ReadOnlySpan<byte> samples, int width, int height, PixelType type, StackMetadata metadata)
    {
        var pixels = width * height;
        if (samples.Length != pixels * type.BytesPerSample())
        {
            throw new ArgumentException($"a {width}×{height} {type.ShortName()} frame takes {pixels * type.BytesPerSample()} bytes, not {samples.Length}", nameof(samples));
        }

        var values = new ushort[pixels];
        if (type == PixelType.UInt16)
        {
            MemoryMarshal.Cast<byte, ushort>(samples).CopyTo(values);
        }
        else
        {
            for (var i = 0; i < pixels; i++)
            {
                values[i] = samples[i];
            }
        }

        return new PngImage(width, height, PngColor.Gray, type.BitsPerSample(), values) { Metadata = metadata };
    }

    public static void CheckType(PixelType type)
    {
        if (type is not (PixelType.UInt8 or PixelType.UInt16))
        {
            throw new ArgumentException($"PNG holds u8 or u16 gray samples, not {type.ShortName()}", nameof(type));
        }
    }
}
