using System.Buffers;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Turns a frame of machine-order samples into the strips or tiles of the file: byte order, tile padding,
/// predictor and compression. Appends each piece's offset and byte count to the writer's tables.
/// </summary>
internal sealed class TiffFrameEncoder
{
    private readonly TiffImageFormat _format;
    private readonly bool _littleEndian;
    private readonly byte[] _fileOrder;
    private readonly byte[] _segment;
    private readonly ArrayBufferWriter<byte> _encoded = new();

    public TiffFrameEncoder(TiffImageFormat format, bool littleEndian)
    {
        _format = format;
        _littleEndian = littleEndian;
        _fileOrder = new byte[format.FrameBytes];
        _segment = new byte[format.SegmentRows * format.SegmentRowBytes];
    }

    private bool Plain => _format.Compression == TiffCompressionCode.None && _format.Predictor == TiffPredictor.None;

    public void Write(ReadOnlySpan<byte> samples, Stream stream, List<long> offsets, List<long> counts)
    {
        var data = samples;
        if (_littleEndian != BitConverter.IsLittleEndian && _format.BytesPerSample > 1)
        {
            samples.CopyTo(_fileOrder);
            PixelCodec.ReverseEndianness(_format.PixelType, _fileOrder);
            data = _fileOrder;
        }

        if (Plain && !_format.Tiled)
        {
            var position = stream.Position;
            for (var s = 0; s < _format.SegmentCount; s++)
            {
                var bytes = _format.DecodedBytes(s);
                offsets.Add(position);
                counts.Add(bytes);
                position += bytes;
            }

            stream.Write(data);
            return;
        }

        for (var i = 0; i < _format.SegmentCount; i++)
        {
            var segment = Extract(data, i);
            var rows = _format.RowsIn(i / _format.SegmentsAcross);
            TiffPredictor.Apply(_format.Predictor, segment, _format.SegmentWidth, rows, 1, _format.BytesPerSample, _littleEndian);
            ReadOnlySpan<byte> stored = segment;
            if (_format.Compression != TiffCompressionCode.None)
            {
                _encoded.ResetWrittenCount();
                TiffCodec.Encode(_format.Compression, segment, _format.SegmentRowBytes, _encoded);
                stored = _encoded.WrittenSpan;
            }

            offsets.Add(stream.Position);
            counts.Add(stored.Length);
            stream.Write(stored);
        }
    }

    /// <summary>Copies segment <paramref name="i"/> into the scratch buffer; tiles past the image edge are padded with zeros.</summary>
    private Span<byte> Extract(ReadOnlySpan<byte> frame, int i)
    {
        var down = i / _format.SegmentsAcross;
        var across = i % _format.SegmentsAcross;
        var segment = _segment.AsSpan(0, _format.DecodedBytes(down));
        var x0 = across * _format.SegmentWidth;
        var y0 = down * _format.SegmentRows;
        var width = Math.Min(_format.SegmentWidth, _format.Width - x0);
        var rows = Math.Min(_format.RowsIn(down), _format.Height - y0);
        var rowBytes = width * _format.BytesPerSample;
        if (width < _format.SegmentWidth || rows < _format.RowsIn(down))
        {
            segment.Clear();
        }

        for (var r = 0; r < rows; r++)
        {
            frame.Slice(((y0 + r) * _format.RowBytes) + (x0 * _format.BytesPerSample), rowBytes)
                .CopyTo(segment.Slice(r * _format.SegmentRowBytes, rowBytes));
        }

        return segment;
    }
}
