using System.Numerics;
using System.Runtime.InteropServices;
using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Tiff;

/// <summary>Running smallest and largest finite sample of everything written, for ImageJ's min= and max= display range.</summary>
internal sealed class SampleRange
{
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    /// <summary>(min, max), or (0, 0) when no finite sample has been seen.</summary>
    public (double Min, double Max) Range => _min > _max ? (0, 0) : (_min, _max);

    public void Update(PixelType type, ReadOnlySpan<byte> samples)
    {
        switch (type)
        {
            case PixelType.UInt8:
                Scan(samples);
                break;
            case PixelType.Int8:
                Scan(MemoryMarshal.Cast<byte, sbyte>(samples));
                break;
            case PixelType.UInt16:
                Scan(MemoryMarshal.Cast<byte, ushort>(samples));
                break;
            case PixelType.Int16:
                Scan(MemoryMarshal.Cast<byte, short>(samples));
                break;
            case PixelType.UInt32:
                Scan(MemoryMarshal.Cast<byte, uint>(samples));
                break;
            case PixelType.Int32:
                Scan(MemoryMarshal.Cast<byte, int>(samples));
                break;
            case PixelType.Float32:
                Scan(MemoryMarshal.Cast<byte, float>(samples));
                break;
            case PixelType.Float64:
                Scan(MemoryMarshal.Cast<byte, double>(samples));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown pixel type");
        }
    }

    private void Scan<T>(ReadOnlySpan<T> samples)
        where T : unmanaged, INumber<T>
    {
        var any = false;
        var lo = T.Zero;
        var hi = T.Zero;
        foreach (var v in samples)
        {
            if (!T.IsFinite(v))
            {
                continue;
            }

            if (!any)
            {
                lo = hi = v;
                any = true;
            }
            else if (v < lo)
            {
                lo = v;
            }
            else if (v > hi)
            {
                hi = v;
            }
        }

        if (any)
        {
            _min = Math.Min(_min, double.CreateTruncating(lo));
            _max = Math.Max(_max, double.CreateTruncating(hi));
        }
    }
}
