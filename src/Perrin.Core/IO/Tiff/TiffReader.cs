using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Streams the frames of a single-channel multi-page TIFF or BigTIFF, either byte order, strips or tiles,
/// uncompressed, PackBits, LZW or Deflate, with ImageJ calibration. Opening reads the IFDs only; each frame is
/// read from disk when asked for, so memory does not grow with the movie. Anything wrong with the file's
/// content is reported as a <see cref="PerrinFormatException"/> naming the file and byte offset.
/// </summary>
public sealed class TiffReader : IFrameReader
{
    private readonly TiffByteSource _source;
    private readonly TiffFrameDecoder _decoder;
    private byte[]? _raw;

    private TiffReader(TiffByteSource source, TiffFileInfo info, StackMetadata metadata, TiffFrameDecoder decoder)
    {
        _source = source;
        Info = info;
        Metadata = metadata;
        _decoder = decoder;
    }

    public TiffFileInfo Info { get; }

    public string SourcePath => _source.Path;

    public int Width => Info.Width;

    public int Height => Info.Height;

    public int FrameCount => Info.FrameCount;

    public PixelType PixelType => Info.PixelType;

    public StackMetadata Metadata { get; }

    /// <summary>Bytes of one frame's raw samples.</summary>
    public int FrameBytes => Width * Height * PixelType.BytesPerSample();

    /// <exception cref="PerrinFormatException">The file is not a TIFF Perrin can read, or is corrupt.</exception>
    public static TiffReader Open(string path)
    {
        var source = TiffByteSource.Open(path);
        try
        {
            var firstOffset = TiffHeader.Read(source);
            var chain = TiffChain.Walk(source, firstOffset);
            var format = chain.Format;
            var description = chain.First.Ascii(TiffTag.ImageDescription, TiffLimits.MaxDescriptionBytes);
            var imageJ = ImageJDescription.Parse(description);
            var pages = TiffPageTable.Create(source, format, chain.Pages, imageJ?.Images);
            var info = new TiffFileInfo
            {
                LittleEndian = source.LittleEndian,
                IsBigTiff = source.BigTiff,
                FrameCount = pages.FrameCount,
                Width = format.Width,
                Height = format.Height,
                PixelType = format.PixelType,
                Compression = TiffCompressionCode.Name(format.Compression),
                Predictor = format.Predictor,
                Photometric = format.Photometric,
                Tiled = format.Tiled,
                TileWidth = format.Tiled ? format.SegmentWidth : null,
                TileHeight = format.Tiled ? format.SegmentRows : null,
                RowsPerStrip = format.Tiled ? null : format.SegmentRows,
                IsImageJ = imageJ is not null,
                ImageJContiguous = pages.Contiguous,
                ImageDescription = description,
                FileLength = source.Length,
            };
            var metadata = TiffCalibration.Read(chain.First, imageJ, description);
            return new TiffReader(source, info, metadata, new TiffFrameDecoder(source, format, pages));
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public void ReadFrameRaw(int index, Span<byte> destination)
    {
        CheckIndex(index);
        if (destination.Length != FrameBytes)
        {
            throw new ArgumentException($"a {Width}×{Height} {PixelType.ShortName()} frame takes {FrameBytes} bytes, not {destination.Length}", nameof(destination));
        }

        _decoder.Decode(index, destination);
    }

    public void ReadFrame(int index, Span<float> destination)
    {
        CheckIndex(index);
        if (destination.Length != Width * Height)
        {
            throw new ArgumentException($"a {Width}×{Height} frame takes {Width * Height} pixels, not {destination.Length}", nameof(destination));
        }

        _raw ??= new byte[FrameBytes];
        _decoder.Decode(index, _raw);
        PixelCodec.ToFloat(PixelType, _raw, destination);
    }

    public void Dispose() => _source.Dispose();

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"frame {index} is outside {SourcePath}, which holds {FrameCount} frames");
        }
    }
}
