using Perrin.Core.Imaging;

namespace Perrin.Core.IO;

/// <summary>
/// A movie read one frame at a time, so that files larger than memory can be processed.
/// Frames are single-channel, height × width, rows contiguous.
/// </summary>
public interface IFrameReader : IDisposable
{
    /// <summary>The file (or first file of a sequence) being read, for messages.</summary>
    string SourcePath { get; }

    int Width { get; }

    int Height { get; }

    int FrameCount { get; }

    /// <summary>The type of the samples as stored.</summary>
    PixelType PixelType { get; }

    StackMetadata Metadata { get; }

    /// <summary>Reads frame <paramref name="index"/> as raw samples of <see cref="PixelType"/> in the machine's byte order.</summary>
    void ReadFrameRaw(int index, Span<byte> destination);

    /// <summary>Reads frame <paramref name="index"/> converted to float32.</summary>
    void ReadFrame(int index, Span<float> destination);
}
