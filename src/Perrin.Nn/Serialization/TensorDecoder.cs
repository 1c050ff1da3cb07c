using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Perrin.Nn.Serialization;

/// <summary>Decodes little-endian safetensors elements into float32 or int64, bit-exact where the dtype already matches.</summary>
internal static class TensorDecoder
{
    public static void ToFloat32(ReadOnlySpan<byte> bytes, SafeTensorsDType dtype, Span<float> into)
    {
        switch (dtype)
        {
            case SafeTensorsDType.F32 when BitConverter.IsLittleEndian:
                MemoryMarshal.Cast<byte, float>(bytes)[..into.Length].CopyTo(into);
                break;
            case SafeTensorsDType.F32:
                for (var i = 0; i < into.Length; i++) into[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
                break;
            case SafeTensorsDType.F64:
                for (var i = 0; i < into.Length; i++) into[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]);
                break;
            case SafeTensorsDType.F16:
                for (var i = 0; i < into.Length; i++) into[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(2 * i)..]);
                break;
            case SafeTensorsDType.BF16:
                // bfloat16 is the upper half of a float32, so widening is exact.
                for (var i = 0; i < into.Length; i++) into[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]) << 16);
                break;
            default:
                var integers = new long[into.Length];
                ToInt64(bytes, dtype, integers);
                for (var i = 0; i < into.Length; i++) into[i] = integers[i];
                break;
        }
    }

    public static void ToInt64(ReadOnlySpan<byte> bytes, SafeTensorsDType dtype, Span<long> into)
    {
        var n = into.Length;
        switch (dtype)
        {
            case SafeTensorsDType.I64 when BitConverter.IsLittleEndian:
                MemoryMarshal.Cast<byte, long>(bytes)[..n].CopyTo(into);
                break;
            case SafeTensorsDType.I64:
                for (var i = 0; i < n; i++) into[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(8 * i)..]);
                break;
            case SafeTensorsDType.U64:
                // Values above long.MaxValue saturate rather than wrap to negative numbers.
                for (var i = 0; i < n; i++) into[i] = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..]), long.MaxValue);
                break;
            case SafeTensorsDType.I32:
                for (var i = 0; i < n; i++) into[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]);
                break;
            case SafeTensorsDType.U32:
                for (var i = 0; i < n; i++) into[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * i)..]);
                break;
            case SafeTensorsDType.I16:
                for (var i = 0; i < n; i++) into[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]);
                break;
            case SafeTensorsDType.U16:
                for (var i = 0; i < n; i++) into[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]);
                break;
            case SafeTensorsDType.I8:
                for (var i = 0; i < n; i++) into[i] = (sbyte)bytes[i];
                break;
            case SafeTensorsDType.U8:
                for (var i = 0; i < n; i++) into[i] = bytes[i];
                break;
            case SafeTensorsDType.BOOL:
                for (var i = 0; i < n; i++) into[i] = bytes[i] != 0 ? 1 : 0;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "not an integer dtype");
        }
    }
}
