using Perrin.Core.Imaging;
using Perrin.Core.IO;

namespace Perrin.Analysis.Tests.Iscat;

/// <summary>An in-memory movie seen through the streaming reader interface, counting the frames read.</summary>
internal sealed class StackReader(ImageStack stack) : IFrameReader
{
    public int FramesRead { get; private set; }

    public string SourcePath => "memory.tif";

    public int Width => stack.Width;

    public int Height => stack.Height;

    public int FrameCount => stack.FrameCount;

    public PixelType PixelType => PixelType.Float32;

    public StackMetadata Metadata => stack.Metadata;

    public void ReadFrameRaw(int index, Span<byte> destination) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(stack[index].Pixels).CopyTo(destination);

    public void ReadFrame(int index, Span<float> destination)
    {
        FramesRead++;
        stack[index].Pixels.CopyTo(destination);
    }

    public void Dispose()
    {
    }
}
