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

    /// <summary>Vectorized: ImageJ stacks run to gigabytes and this pass sees every sample written.</summary>
    private void Scan<T>(ReadOnlySpan<T> samples)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        var floating = typeof(T) == typeof(float) || typeof(T) == typeof(double);
        var top = new Vector<T>(T.MaxValue);
        var bottom = new Vector<T>(T.MinValue);
        var lo = top;
        var hi = bottom;
        var vectors = MemoryMarshal.Cast<T, Vector<T>>(samples);
        foreach (var v in vectors)
        {
            if (floating)
            {
                // NaN compares false and infinities exceed MaxValue, so only finite samples pass the mask.
                var finite = Vector.LessThanOrEqual(Vector.Abs(v), top);
                lo = Vector.Min(lo, Vector.ConditionalSelect(finite, v, top));
                hi = Vector.Max(hi, Vector.ConditionalSelect(finite, v, bottom));
            }
            else
            {
                lo = Vector.Min(lo, v);
                hi = Vector.Max(hi, v);
            }
        }

        var min = T.MaxValue;
        var max = T.MinValue;
        for (var i = 0; i < Vector<T>.Count; i++)
        {
            min = T.Min(min, lo[i]);
            max = T.Max(max, hi[i]);
        }

        foreach (var v in samples[(vectors.Length * Vector<T>.Count)..])
        {
            if (T.IsFinite(v))
            {
                min = T.Min(min, v);
                max = T.Max(max, v);
            }
        }

        if (min <= max)
        {
            _min = Math.Min(_min, double.CreateTruncating(min));
            _max = Math.Max(_max, double.CreateTruncating(max));
        }
    }
}
