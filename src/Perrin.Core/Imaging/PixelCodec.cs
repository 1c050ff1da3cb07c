using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Perrin.Core.Imaging;

/// <summary>
/// Converts between raw samples (in the machine's byte order) of a <see cref="PixelType"/> and float32.
/// Conversion to integers rounds half away from zero and saturates, so it never wraps around.
/// </summary>
public static class PixelCodec
{
    public static void ToFloat(PixelType type, ReadOnlySpan<byte> raw, Span<float> destination)
    {
        var n = destination.Length;
        if (raw.Length != (long)n * type.BytesPerSample())
        {
            throw new ArgumentException($"{n} samples of {type.ShortName()} take {(long)n * type.BytesPerSample()} bytes, not {raw.Length}", nameof(raw));
        }

        switch (type)
        {
            case PixelType.UInt8:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = raw[i];
                }

                break;
            case PixelType.Int8:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = (sbyte)raw[i];
                }

                break;
            case PixelType.UInt16:
                Widen(MemoryMarshal.Cast<byte, ushort>(raw), destination);
                break;
            case PixelType.Int16:
                Widen(MemoryMarshal.Cast<byte, short>(raw), destination);
                break;
            case PixelType.UInt32:
                Widen(MemoryMarshal.Cast<byte, uint>(raw), destination);
                break;
            case PixelType.Int32:
                Widen(MemoryMarshal.Cast<byte, int>(raw), destination);
                break;
            case PixelType.Float32:
                MemoryMarshal.Cast<byte, float>(raw).CopyTo(destination);
                break;
            case PixelType.Float64:
                Widen(MemoryMarshal.Cast<byte, double>(raw), destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown pixel type");
        }
    }

    public static void FromFloat(PixelType type, ReadOnlySpan<float> source, Span<byte> raw)
    {
        var n = source.Length;
        if (raw.Length != (long)n * type.BytesPerSample())
        {
            throw new ArgumentException($"{n} samples of {type.ShortName()} take {(long)n * type.BytesPerSample()} bytes, not {raw.Length}", nameof(raw));
        }

        switch (type)
        {
            case PixelType.UInt8:
                for (var i = 0; i < n; i++)
                {
                    raw[i] = (byte)Saturate(source[i], byte.MinValue, byte.MaxValue);
                }

                break;
            case PixelType.Int8:
                for (var i = 0; i < n; i++)
                {
                    raw[i] = (byte)(sbyte)Saturate(source[i], sbyte.MinValue, sbyte.MaxValue);
                }

                break;
            case PixelType.UInt16:
                {
                    var d = MemoryMarshal.Cast<byte, ushort>(raw);
                    for (var i = 0; i < n; i++)
                    {
                        d[i] = (ushort)Saturate(source[i], ushort.MinValue, ushort.MaxValue);
                    }

                    break;
                }

            case PixelType.Int16:
                {
                    var d = MemoryMarshal.Cast<byte, short>(raw);
                    for (var i = 0; i < n; i++)
                    {
                        d[i] = (short)Saturate(source[i], short.MinValue, short.MaxValue);
                    }

                    break;
                }

            case PixelType.UInt32:
                {
                    var d = MemoryMarshal.Cast<byte, uint>(raw);
                    for (var i = 0; i < n; i++)
                    {
                        d[i] = (uint)Saturate(source[i], uint.MinValue, uint.MaxValue);
                    }

                    break;
                }

            case PixelType.Int32:
                {
                    var d = MemoryMarshal.Cast<byte, int>(raw);
                    for (var i = 0; i < n; i++)
                    {
                        d[i] = (int)Saturate(source[i], int.MinValue, int.MaxValue);
                    }

                    break;
                }

            case PixelType.Float32:
                MemoryMarshal.Cast<float, byte>(source).CopyTo(raw);
                break;
            case PixelType.Float64:
                {
                    var d = MemoryMarshal.Cast<byte, double>(raw);
                    for (var i = 0; i < n; i++)
                    {
                        d[i] = source[i];
                    }

                    break;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown pixel type");
        }
    }

    /// <summary>Reverses the byte order of every sample in place (a no-op for one-byte samples).</summary>
    public static void ReverseEndianness(PixelType type, Span<byte> raw)
    {
        switch (type.BytesPerSample())
        {
            case 2:
                {
                    var s = MemoryMarshal.Cast<byte, ushort>(raw);
                    BinaryPrimitives.ReverseEndianness(s, s);
                    break;
                }

            case 4:
                {
                    var s = MemoryMarshal.Cast<byte, uint>(raw);
                    BinaryPrimitives.ReverseEndianness(s, s);
                    break;
                }

            case 8:
                {
                    var s = MemoryMarshal.Cast<byte, ulong>(raw);
                    BinaryPrimitives.ReverseEndianness(s, s);
                    break;
                }
        }
    }

    /// <summary>Lowest and highest value a sample of the type can hold, as doubles.</summary>
    public static (double Min, double Max) Range(PixelType type) => type switch
    {
        PixelType.UInt8 => (byte.MinValue, byte.MaxValue),
        PixelType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        PixelType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        PixelType.Int16 => (short.MinValue, short.MaxValue),
        PixelType.UInt32 => (uint.MinValue, uint.MaxValue),
        PixelType.Int32 => (int.MinValue, int.MaxValue),
        PixelType.Float32 => (float.MinValue, float.MaxValue),
        PixelType.Float64 => (double.MinValue, double.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown pixel type"),
    };

    private static double Saturate(float value, double min, double max)
    {
        if (float.IsNaN(value))
        {
            return 0;
        }

        var rounded = Math.Round((double)value, MidpointRounding.AwayFromZero);
        return rounded < min ? min : rounded > max ? max : rounded;
    }

    private static void Widen<T>(ReadOnlySpan<T> source, Span<float> destination)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = float.CreateTruncating(source[i]);
        }
    }
}
