using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Perrin.Core.IO.Compression;

/// <summary>Reads codes packed most significant bit first, up to 57 bits at a time from a 64-bit buffer.</summary>
internal ref struct LzwBitReader(ReadOnlySpan<byte> source)
{
    private readonly ReadOnlySpan<byte> _source = source;
    private int _position;
    private ulong _bits;
    private int _count;

    /// <summary>Takes the next code; false when fewer than <paramref name="width"/> bits are left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(int width, out int code)
    {
        if (_count < width && !Refill(width))
        {
            code = 0;
            return false;
        }

        code = (int)(_bits >> (64 - width));
        _bits <<= width;
        _count -= width;
        return true;
    }

    /// <summary>The byte of the source where the code just read began.</summary>
    public readonly int LastCodeByte(int width) => ((_position << 3) - _count - width) >> 3;

    private bool Refill(int width)
    {
        if (_source.Length - _position >= sizeof(ulong))
        {
            // The bits of the partly taken byte are ORed in again, with the same values, on the next refill.
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(_source), _position));
            _bits |= (BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(word) : word) >> _count;
            var taken = (63 - _count) >> 3;
            _position += taken;
            _count += taken << 3;
            return true;
        }

        while (_count <= 56 && _position < _source.Length)
        {
            _bits |= (ulong)_source[_position++] << (56 - _count);
            _count += 8;
        }

        return _count >= width;
    }
}
