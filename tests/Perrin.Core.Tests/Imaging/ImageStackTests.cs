using Perrin.Core.Imaging;

namespace Perrin.Core.Tests.Imaging;

public sealed class ImageStackTests
{
    [Fact]
    public void FramesAreViewsThatShareTheStacksMemory()
    {
        var stack = new ImageStack(3, 4, 5, new StackMetadata { PixelSizeNm = 100, FrameIntervalS = 0.01 });
        var frame = stack[1];
        frame[2, 3] = 42;

        Assert.Equal(42, stack.Data[(((1 * 4) + 2) * 5) + 3]);
        Assert.Equal(42, stack.At(1, 2, 3));
        Assert.Equal(5, frame.Row(2).Length);
        Assert.Equal(42, frame.Row(2)[3]);
        Assert.Equal(20, stack.PixelsPerFrame);
        Assert.Equal(100, stack.Metadata.PixelSizeNm);
    }

    [Fact]
    public void OutOfRangeAccessIsRejected()
    {
        var stack = new ImageStack(2, 3, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => stack[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => stack[0][3, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => stack[0][0, -1]);
        Assert.Throws<ArgumentException>(() => new ImageStack(2, 3, 3, new float[17]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageStack(100_000, 100_000, 100_000));
    }

    [Fact]
    public void SixteenBitConversionsRoundTripAndClip()
    {
        ushort[] samples = [0, 1, 2, 65535, 300, 40000];
        var stack = ImageStack.FromUInt16(2, 1, 3, samples);
        Assert.Equal(samples, stack.ToUInt16());

        stack.Data[0] = -5;
        stack.Data[1] = 70000;
        stack.Data[2] = 2.5f;
        Assert.Equal(new ushort[] { 0, 65535, 3, 65535, 300, 40000 }, stack.ToUInt16(IntegerScaling.Clip));
    }

    [Fact]
    public void MinMaxScalingMapsTheRangeOntoTheType()
    {
        var stack = new ImageStack(1, 1, 5, [10, 20, 30, 40, 50]);
        Assert.Equal(new byte[] { 0, 64, 128, 191, 255 }, stack.ToUInt8(IntegerScaling.MinMax));
        Assert.Equal(new ushort[] { 0, 16384, 32768, 49151, 65535 }, stack.ToUInt16(IntegerScaling.MinMax));

        var flat = new ImageStack(1, 1, 2, [7, 7]);
        Assert.Equal(new byte[] { 0, 0 }, flat.ToUInt8(IntegerScaling.MinMax));
    }

    [Fact]
    public void EightBitSamplesBecomeFloats()
    {
        var stack = ImageStack.FromUInt8(1, 2, 2, [0, 1, 128, 255]);
        Assert.Equal(new float[] { 0, 1, 128, 255 }, stack.Data.ToArray());
        Assert.Equal((0f, 255f), stack.FiniteRange());
    }

    [Fact]
    public void FiniteRangeIgnoresNaNAndInfinity()
    {
        var stack = new ImageStack(1, 1, 4, [float.NaN, -3, float.PositiveInfinity, 8]);
        Assert.Equal((-3f, 8f), stack.FiniteRange());
        Assert.Equal((0f, 0f), new ImageStack(1, 1, 1, [float.NaN]).FiniteRange());
    }
}
