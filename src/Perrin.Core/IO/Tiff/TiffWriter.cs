using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Writes a single-channel multi-page TIFF frame by frame through an <see cref="AtomicFileWriter"/>.
/// Layout: a 16-byte header slot, the frames' pixel data in order (uncompressed frames back to back, as ImageJ
/// expects), then all IFDs. Because the IFDs and the ImageJ description (which needs the frame count) are written
/// at <see cref="Complete"/>, the choice between classic TIFF and BigTIFF can wait until the final size is known,
/// so with <see cref="TiffWriteOptions.BigTiff"/> left null the result is always a valid file.
/// Memory grows only by two 8-byte entries per strip or tile.
/// </summary>
public sealed class TiffWriter : IFrameWriter
{
    private const int HeaderSlot = 16;

    private readonly AtomicFileWriter _file;
    private readonly Stream _stream;
    private readonly TiffWriteOptions _options;
    private readonly TiffImageFormat _format;
    private readonly TiffFrameEncoder _encoder;
    private readonly SampleRange _range = new();
    private readonly List<long> _offsets = [];
    private readonly List<long> _counts = [];
    private byte[]? _raw;
    private long _classicIfdBytesPerFrame;
    private bool _finished;
    private bool _faulted;

    private TiffWriter(AtomicFileWriter file, TiffImageFormat format, TiffWriteOptions options)
    {
        _file = file;
        _stream = file.Stream;
        _format = format;
        _options = options;
        _encoder = new TiffFrameEncoder(format, options.LittleEndian);
        if (options.ExpectedFrameCount is > 0 and var expected)
        {
            var capacity = (int)Math.Min(Math.Min(expected, 1 << 20) * format.SegmentCount, 1 << 20);
            _offsets.Capacity = capacity;
            _counts.Capacity = capacity;
        }

        _stream.Write(new byte[HeaderSlot]);
    }

    public int Width => _format.Width;

    public int Height => _format.Height;

    public PixelType PixelType => _format.PixelType;

    public int FramesWritten { get; private set; }

    public string TargetPath => _file.TargetPath;

    /// <summary>Whether the completed file is a BigTIFF; known after <see cref="Complete"/>.</summary>
    public bool? IsBigTiff { get; private set; }

    public static TiffWriter Create(string path, int width, int height, PixelType type, TiffWriteOptions? options = null)
    {
        options ??= new TiffWriteOptions();
        var format = TiffWriteFormat.Create(width, height, type, options);
        var file = new AtomicFileWriter(path);
        try
        {
            return new TiffWriter(file, format, options);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void WriteFrameRaw(ReadOnlySpan<byte> samples)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (samples.Length != _format.FrameBytes)
        {
            throw new ArgumentException($"a {Width}×{Height} {PixelType.ShortName()} frame takes {_format.FrameBytes} bytes, not {samples.Length}", nameof(samples));
        }

        if (FramesWritten == int.MaxValue)
        {
            throw new InvalidOperationException($"{TargetPath}: a TIFF holds at most {int.MaxValue} frames");
        }

        CheckClassicLimit();
        try
        {
            if (_options.WriteImageJ)
            {
                _range.Update(PixelType, samples);
            }

            _encoder.Write(samples, _stream, _offsets, _counts);
            FramesWritten++;
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    public void WriteFrame(ReadOnlySpan<float> pixels)
    {
        if (pixels.Length != Width * Height)
        {
            throw new ArgumentException($"a {Width}×{Height} frame takes {Width * Height} pixels, not {pixels.Length}", nameof(pixels));
        }

        _raw ??= new byte[_format.FrameBytes];
        PixelCodec.FromFloat(PixelType, pixels, _raw);
        WriteFrameRaw(_raw);
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_faulted)
        {
            throw new InvalidOperationException($"{TargetPath}: an earlier frame failed to write, so the file cannot be completed");
        }

        if (FramesWritten == 0)
        {
            throw new InvalidOperationException($"{TargetPath}: a TIFF needs at least one frame");
        }

        var directories = new TiffDirectoryWriter(_format, _options.LittleEndian, Description(), Resolution(), _offsets, _counts);
        var dataEnd = _stream.Position;
        var ifdStart = dataEnd + (dataEnd & 1);
        var classicFits = ifdStart + directories.TotalLength(FramesWritten, bigTiff: false) <= TiffLimits.ClassicMaxFileBytes;
        var bigTiff = _options.BigTiff ?? !classicFits;
        if (!bigTiff && !classicFits)
        {
            throw new InvalidOperationException($"{TargetPath}: the file would pass 4 GiB, which classic TIFF cannot address; write it as BigTIFF");
        }

        try
        {
            if (ifdStart != dataEnd)
            {
                _stream.WriteByte(0);
            }

            directories.WriteAll(_stream, FramesWritten, bigTiff, ifdStart);
            _stream.Position = 0;
            _stream.Write(TiffHeader.Create(_options.LittleEndian, bigTiff, ifdStart));
            _file.Commit();
        }
        catch
        {
            _faulted = true;
            throw;
        }

        IsBigTiff = bigTiff;
        _finished = true;
    }

    /// <summary>Discards the file unless <see cref="Complete"/> succeeded; an existing target stays untouched.</summary>
    public void Dispose()
    {
        _finished = true;
        _file.Dispose();
    }

    /// <summary>With BigTIFF forced off, refuses a frame that would push the file past what 32-bit offsets reach.</summary>
    private void CheckClassicLimit()
    {
        if (_options.BigTiff != false)
        {
            return;
        }

        if (_classicIfdBytesPerFrame == 0)
        {
            var probe = new TiffDirectoryWriter(_format, _options.LittleEndian, null, Resolution(), [.. new long[_format.SegmentCount]], [.. new long[_format.SegmentCount]]);
            _classicIfdBytesPerFrame = probe.TotalLength(1, bigTiff: false);
        }

        var worstFrame = (_format.FrameBytes * 2L) + (1024L * _format.SegmentCount);
        var descriptionReserve = 4096;
        if (_stream.Position + worstFrame + ((FramesWritten + 1L) * _classicIfdBytesPerFrame) + descriptionReserve > TiffLimits.ClassicMaxFileBytes)
        {
            throw new InvalidOperationException($"{TargetPath}: frame {FramesWritten + 1} would take the file past 4 GiB, which classic TIFF cannot address; write with BigTiff = true or null (automatic)");
        }
    }

    private string? Description()
    {
        var metadata = _options.Metadata;
        if (!_options.WriteImageJ)
        {
            return metadata.Description;
        }

        (double, double)? range = PixelType.BytesPerSample() > 1 ? _range.Range : null;
        return ImageJDescription.Format(FramesWritten, Resolution() is not null, metadata.FrameIntervalS, range, metadata.Description);
    }

    private (uint, uint)? Resolution() =>
        _options.Metadata.PixelSizeNm is { } nm && double.IsFinite(nm) && nm > 0 ? TiffCalibration.PixelsPerMicron(nm) : null;
}
