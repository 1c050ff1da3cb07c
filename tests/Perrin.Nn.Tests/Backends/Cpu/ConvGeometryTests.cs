using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class ConvGeometryTests
{
    [Theory]
    [InlineData(7, 3, 2, 1, 1, 4)]
    [InlineData(10, 3, 1, 0, 2, 6)]
    [InlineData(128, 3, 1, 1, 1, 128)]
    [InlineData(5, 5, 1, 0, 1, 1)]
    [InlineData(11, 2, 3, 0, 1, 4)]
    public void OutputSizeFollowsPyTorch(int size, int kernel, int stride, int pad, int dilation, int expected)
    {
        var g = new Conv2dGeometry(1, 1, size, size, 1, kernel, kernel, stride, stride, pad, pad, dilation, dilation);
        Assert.Equal(expected, g.OutH);
        Assert.Equal(expected, g.OutW);
    }

    [Theory]
    [InlineData(5, 3, 2, 1, 1, 1, 10)]
    [InlineData(64, 2, 2, 0, 0, 1, 128)]
    [InlineData(4, 3, 1, 0, 1, 2, 9)]
    [InlineData(3, 4, 3, 2, 2, 1, 8)]
    public void TransposedOutputSizeFollowsPyTorch(int size, int kernel, int stride, int pad, int outputPad, int dilation, int expected)
    {
        var g = new ConvTranspose2dGeometry(1, 1, size, size, 1, kernel, kernel, stride, stride, pad, pad,
            outputPad, outputPad, dilation, dilation);
        Assert.Equal(expected, g.OutH);
    }

    [Fact]
    public void MistakesAreReportedWithTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new Conv2dGeometry(2, 3, 8, 8, 4, 3, 3, groups: 2));
        Assert.Contains("Conv2d", error.Message, StringComparison.Ordinal);
        Assert.Contains("input [2, 3, 8, 8]", error.Message, StringComparison.Ordinal);
        Assert.Contains("divisible by groups 2", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>(() => new Conv2dGeometry(1, 1, 2, 2, 1, 3, 3));
        Assert.Contains("smaller than the dilated kernel", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Conv2dGeometry(1, 1, 8, 8, 1, 3, 3, strideH: 0));
        Assert.Throws<ArgumentException>(() => new Conv2dGeometry(1, 1, 8, 8, 1, 3, 3, padW: -1));
        Assert.Throws<ArgumentException>(() => new Conv2dGeometry(1, 1, 8, 8, 1, 3, 3, dilationW: 0));
        Assert.Throws<ArgumentException>(() => new Conv2dGeometry(1, 100000, 100000, 100000, 1, 1, 1));
        error = Assert.Throws<ArgumentException>(() => new ConvTranspose2dGeometry(1, 2, 4, 4, 2, 3, 3, 2, 2, outputPadH: 2));
        Assert.Contains("ConvTranspose2d", error.Message, StringComparison.Ordinal);
        Assert.Contains("output padding", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ConvTranspose2dGeometry(1, 2, 1, 1, 2, 1, 1, padH: 1));
    }
}
