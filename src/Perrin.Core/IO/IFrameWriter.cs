using Perrin.Core.Imaging;

namespace Perrin.Core.IO;

/// <summary>
/// A movie written one frame at a time. Nothing appears under the target name until
/// <see cref="Complete"/>; disposing without completing discards what was written.
/// </summary>
public interface IFrameWriter : IDisposable
{
    int Width { get; }

    int Height { get; }

    /// <summary>The type the samples are stored as.</summary>
    PixelType PixelType { get; }

    int FramesWritten { get; }

    /// <summary>Appends a frame of raw samples of <see cref="PixelType"/> in the machine's byte order.</summary>
    void WriteFrameRaw(ReadOnlySpan<byte> samples);

    /// <summary>Appends a frame, rounding and saturating to <see cref="PixelType"/>.</summary>
    void WriteFrame(ReadOnlySpan<float> pixels);

    /// <summary>Finishes the file and moves it to its target name.</summary>
    void Complete();
}
