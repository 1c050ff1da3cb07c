using Perrin.Core.Imaging;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Reads one frame: one positional read per strip or tile (one per run of adjacent uncompressed strips),
/// decompression, predictor, tile cropping, and a single byte swap of the whole frame at the end.
/// Scratch buffers are kept between frames so that a long movie allocates nothing per frame.
/// </summary>
internal sealed class TiffFrameDecoder
{
    private readonly TiffByteSource _source;
    private readonly TiffImageFormat _format;
    private readonly TiffPageTable _pages;
    private readonly long[] _offsets;
    private readonly long[] _counts;
    private byte[] _compressed = [];
    private byte[] _segment = [];

    public TiffFrameDecoder(TiffByteSource source, TiffImageFormat format, TiffPageTable pages)
    {
        _source = source;
        _format = format;
        _pages = pages;
        _offsets = new long[format.SegmentCount];
        _counts = new long[format.SegmentCount];
    }

    private string SegmentKind => _format.Tiled ? "tile" : "strip";

    /// <summary>Decodes frame <paramref name="frame"/> into <paramref name="destination"/> in the machine's byte order.</summary>
    public void Decode(int frame, Span<byte> destination)
    {
        _pages.GetSegments(frame, _offsets, _counts);
        if (_format.Compression == TiffCompressionCode.None && !_format.Tiled)
        {
            ReadPlainStrips(frame, destination);
        }
        else
        {
            for (var i = 0; i < _offsets.Length; i++)
            {
                var segment = DecodeSegment(frame, i);
                Place(i, segment, destination);
            }
        }

        if (_source.LittleEndian != BitConverter.IsLittleEndian)
        {
            PixelCodec.ReverseEndianness(_format.PixelType, destination);
        }
    }

    private void ReadPlainStrips(int frame, Span<byte> destination)
    {
        var position = 0;
        var i = 0;
        while (i < _offsets.Length)
        {
            var start = i;
            var runBytes = CheckPlain(frame, i);
            i++;
            while (i < _offsets.Length && _offsets[i] == _offsets[i - 1] + _format.DecodedBytes(i - 1))
            {
                runBytes += CheckPlain(frame, i);
                i++;
            }

            var run = destination.Slice(position, runBytes);
            _source.ReadExactly(_offsets[start], run, $"frame {frame + 1}, strip {start + 1}");
            if (_format.Predictor != TiffPredictor.None)
            {
                for (var s = start; s < i; s++)
                {
                    var rows = _format.RowsIn(s);
                    var strip = destination.Slice(position, rows * _format.RowBytes);
                    TiffPredictor.Undo(_format.Predictor, strip, _format.Width, rows, 1, _format.BytesPerSample, _source.LittleEndian);
                    position += strip.Length;
                }
            }
            else
            {
                position += runBytes;
            }
        }
    }

    /// <summary>Checks an uncompressed segment's count and extent; returns the bytes it decodes to.</summary>
    private int CheckPlain(int frame, int i)
    {
        var decoded = _format.DecodedBytes(i / _format.SegmentsAcross);
        CheckExtent(frame, i);
        if (_counts[i] < decoded)
        {
            throw _source.Error(_offsets[i], $"frame {frame + 1}, {SegmentKind} {i + 1} holds {_counts[i]} bytes; expected {decoded} uncompressed bytes");
        }

        return decoded;
    }

    private void CheckExtent(int frame, int i)
    {
        if (_counts[i] == 0)
        {
            throw _source.Error(_offsets[i], $"frame {frame + 1}, {SegmentKind} {i + 1} has zero length; expected pixel data");
        }

        if (!_source.Holds(_offsets[i], _counts[i]))
        {
            throw _source.Error(_offsets[i], $"frame {frame + 1}, {SegmentKind} {i + 1}: {_counts[i]} bytes at byte {_offsets[i]} run past the end of the file ({_source.Length} bytes)");
        }
    }

    private Span<byte> DecodeSegment(int frame, int i)
    {
        var down = i / _format.SegmentsAcross;
        var decoded = _format.DecodedBytes(down);
        var rows = _format.RowsIn(down);
        EnsureCapacity(ref _segment, decoded);
        var segment = _segment.AsSpan(0, decoded);
        var where = $"frame {frame + 1}, {SegmentKind} {i + 1}";
        if (_format.Compression == TiffCompressionCode.None)
        {
            CheckPlain(frame, i);
            _source.ReadExactly(_offsets[i], segment, where);
        }
        else
        {
            CheckExtent(frame, i);
            var limit = (2L * decoded) + 1024;
            if (_counts[i] > limit)
            {
                throw _source.Error(_offsets[i], $"{where} claims {_counts[i]} compressed bytes for {decoded} decoded bytes; expected at most {limit}");
            }

            var count = (int)_counts[i];
            EnsureCapacity(ref _compressed, count);
            var compressed = _compressed.AsSpan(0, count);
            _source.ReadExactly(_offsets[i], compressed, where);
            int produced;
            try
            {
                produced = TiffCodec.Decode(_format.Compression, compressed, segment);
            }
            catch (InvalidDataException e)
            {
                throw _source.Error(_offsets[i], $"{where}: corrupt {TiffCompressionCode.Name(_format.Compression)} data: {e.Message}", e);
            }

            if (produced != decoded)
            {
                throw _source.Error(_offsets[i], $"{where} decompressed to {produced} bytes; expected {decoded}");
            }
        }

        TiffPredictor.Undo(_format.Predictor, segment, _format.SegmentWidth, rows, 1, _format.BytesPerSample, _source.LittleEndian);
        return segment;
    }

    private void Place(int i, ReadOnlySpan<byte> segment, Span<byte> destination)
    {
        var across = i % _format.SegmentsAcross;
        var down = i / _format.SegmentsAcross;
        var x0 = across * _format.SegmentWidth;
        var y0 = down * _format.SegmentRows;
        var width = Math.Min(_format.SegmentWidth, _format.Width - x0);
        var rows = Math.Min(_format.RowsIn(down), _format.Height - y0);
        var bytes = width * _format.BytesPerSample;
        for (var r = 0; r < rows; r++)
        {
            segment.Slice(r * _format.SegmentRowBytes, bytes)
                .CopyTo(destination.Slice(((y0 + r) * _format.RowBytes) + (x0 * _format.BytesPerSample), bytes));
        }
    }

    private static void EnsureCapacity(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new byte[length];
        }
    }
}
