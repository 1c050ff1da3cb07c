using System.Runtime.InteropServices;
using Perrin.Analysis.Iscat;
using Perrin.Core.Imaging;
using Perrin.Core.IO;

namespace Perrin.Cli.Preprocess;

/// <summary>
/// The frames of a movie as the background stage of `perrin preprocess` sees them: checked and, with power
/// normalization, divided by their mean. The whole-movie median is taken over these frames, so that it is the
/// background of what it is later removed from. Every read is reported, for the progress bar of that first pass.
/// </summary>
internal sealed class PreparedFrameReader : IFrameReader
{
    private readonly IFrameReader _inner;
    private readonly PowerNormalizationStage? _normalization;
    private readonly float[] _scratch;
    private readonly Action _onRead;

    public PreparedFrameReader(IFrameReader inner, bool powerNormalize, Action onRead)
    {
        _inner = inner;
        _normalization = powerNormalize ? new PowerNormalizationStage(inner.Height, inner.Width) : null;
        _scratch = new float[inner.Height * inner.Width];
        _onRead = onRead;
    }

    public string SourcePath => _inner.SourcePath;

    public int Width => _inner.Width;

    public int Height => _inner.Height;

    public int FrameCount => _inner.FrameCount;

    public PixelType PixelType => PixelType.Float32;

    public StackMetadata Metadata => _inner.Metadata;

    public void ReadFrameRaw(int index, Span<byte> destination)
    {
        var frame = new float[_scratch.Length];
        ReadFrame(index, frame);
        MemoryMarshal.AsBytes(frame.AsSpan()).CopyTo(destination);
    }

    public void ReadFrame(int index, Span<float> destination)
    {
        _inner.ReadFrame(index, _scratch);
        FrameCheck.Require(SourcePath, index, _scratch, Width, _normalization is not null);
        if (_normalization is null)
        {
            _scratch.CopyTo(destination);
        }
        else
        {
            _normalization.Push(_scratch, destination);
        }

        _onRead();
    }

    /// <summary>The inner reader belongs to the caller.</summary>
    public void Dispose()
    {
    }
}
