using System.Runtime.InteropServices;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Writes the IFDs of all frames, one after another, once the pixel data is in place. Every IFD holds the same
/// tags; only the first carries the ImageDescription, as ImageJ does.
/// </summary>
internal sealed class TiffDirectoryWriter
{
    private const ushort BlackIsZero = 1;
    private const ushort ResolutionNone = 1;

    private readonly TiffImageFormat _format;
    private readonly bool _littleEndian;
    private readonly string? _description;
    private readonly (uint Numerator, uint Denominator)? _resolution;
    private readonly List<long> _offsets;
    private readonly List<long> _counts;

    public TiffDirectoryWriter(TiffImageFormat format, bool littleEndian, string? description, (uint, uint)? resolution, List<long> offsets, List<long> counts)
    {
        _format = format;
        _littleEndian = littleEndian;
        _description = description;
        _resolution = resolution;
        _offsets = offsets;
        _counts = counts;
    }

    /// <summary>Bytes all IFDs of <paramref name="frames"/> frames take (the first IFD differs only by its description).</summary>
    public long TotalLength(int frames, bool bigTiff)
    {
        var first = Build(0, bigTiff, 0, frames == 1).Length;
        return frames == 1 ? first : first + ((long)(frames - 1) * Build(1, bigTiff, 0, false).Length);
    }

    /// <summary>Writes every IFD, the first at <paramref name="start"/> (even), each pointing to the next.</summary>
    public void WriteAll(Stream stream, int frames, bool bigTiff, long start)
    {
        var position = start;
        for (var f = 0; f < frames; f++)
        {
            var bytes = Build(f, bigTiff, position, f == frames - 1);
            stream.Write(bytes);
            position += bytes.Length;
        }
    }

    private byte[] Build(int frame, bool bigTiff, long start, bool last)
    {
        var f = _format;
        var ifd = new TiffIfdBuilder(_littleEndian, bigTiff);
        ifd.AddLong(TiffTag.NewSubfileType, 0);
        ifd.AddLong(TiffTag.ImageWidth, (uint)f.Width);
        ifd.AddLong(TiffTag.ImageLength, (uint)f.Height);
        ifd.AddShort(TiffTag.BitsPerSample, (ushort)f.PixelType.BitsPerSample());
        ifd.AddShort(TiffTag.Compression, (ushort)f.Compression);
        ifd.AddShort(TiffTag.Photometric, BlackIsZero);
        if (frame == 0 && _description is not null)
        {
            ifd.AddAscii(TiffTag.ImageDescription, _description);
        }

        var segments = f.SegmentCount;
        var offsets = CollectionsMarshal.AsSpan(_offsets).Slice(frame * segments, segments);
        var counts = CollectionsMarshal.AsSpan(_counts).Slice(frame * segments, segments);
        ifd.AddShort(TiffTag.SamplesPerPixel, 1);
        if (f.Tiled)
        {
            ifd.AddLong(TiffTag.TileWidth, (uint)f.SegmentWidth);
            ifd.AddLong(TiffTag.TileLength, (uint)f.SegmentRows);
            ifd.AddOffsets(TiffTag.TileOffsets, offsets);
            ifd.AddOffsets(TiffTag.TileByteCounts, counts);
        }
        else
        {
            ifd.AddOffsets(TiffTag.StripOffsets, offsets);
            ifd.AddLong(TiffTag.RowsPerStrip, (uint)f.SegmentRows);
            ifd.AddOffsets(TiffTag.StripByteCounts, counts);
        }

        if (_resolution is { } r)
        {
            ifd.AddRational(TiffTag.XResolution, r.Numerator, r.Denominator);
            ifd.AddRational(TiffTag.YResolution, r.Numerator, r.Denominator);
            ifd.AddShort(TiffTag.ResolutionUnit, ResolutionNone);
        }

        ifd.AddShort(TiffTag.PlanarConfiguration, 1);
        if (f.Predictor != TiffPredictor.None)
        {
            ifd.AddShort(TiffTag.Predictor, (ushort)f.Predictor);
        }

        ifd.AddShort(TiffTag.SampleFormat, f.PixelType.IsFloatingPoint() ? (ushort)3 : f.PixelType.IsSigned() ? (ushort)2 : (ushort)1);
        return ifd.Build(start, last);
    }
}
