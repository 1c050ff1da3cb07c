using System.Buffers;

namespace Perrin.Core.IO.Compression;

/// <summary>Packs codes most significant bit first into an <see cref="IBufferWriter{T}"/>.</summary>
internal ref struct LzwBitWriter
{
    private const int ChunkSize = 4096;

    // A code adds at most two whole bytes, so a chunk is handed back when fewer than this remain.
    private const int Reserve = 2;

    private readonly IBufferWriter<byte> _destination;
    private Span<byte> _chunk;
    private int _used;
    private ulong _pending;
    private int _pendingBits;

    public LzwBitWriter(IBufferWriter<byte> destination)
    {
        _destination = destination;
        _chunk = destination.GetSpan(ChunkSize);
    }

    public void Write(int code, int width)
    {
        if (_chunk.Length - _used < Reserve)
        {
            _destination.Advance(_used);
            _chunk = _destination.GetSpan(ChunkSize);
            _used = 0;
        }

        _pending = (_pending << width) | (uint)code;
        _pendingBits += width;
        while (_pendingBits >= 8)
        {
            _pendingBits -= 8;
            _chunk[_used++] = (byte)(_pending >> _pendingBits);
        }
    }

    /// <summary>Writes the last partial byte, padded with zero bits, and hands the bytes to the destination.</summary>
    public void Finish()
    {
        if (_pendingBits > 0)
        {
            if (_chunk.Length - _used < 1)
            {
                _destination.Advance(_used);
                _chunk = _destination.GetSpan(1);
                _used = 0;
            }

            _chunk[_used++] = (byte)(_pending << (8 - _pendingBits));
            _pendingBits = 0;
        }

        _destination.Advance(_used);
        _used = 0;
        _chunk = default;
    }
}
