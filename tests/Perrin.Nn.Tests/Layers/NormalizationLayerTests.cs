using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Layers;

public class NormalizationLayerTests
{
    [Fact]
    public void BatchNorm2dHasPyTorchStateNames()
    {
        var bn = new BatchNorm2d(3);
        Assert.Equal(["weight", "bias"], bn.NamedParameters().Select(p => p.Name).ToArray());
        Assert.Equal(["running_mean", "running_var", "num_batches_tracked"], bn.NamedBuffers().Select(p => p.Name).ToArray());
        Assert.Equal([1f, 1f, 1f], bn.Weight!.ToArray());
        Assert.Equal([1f, 1f, 1f], bn.RunningVar!.ToArray());
        Assert.Empty(bn.NumBatchesTracked!.ShapeArray());
        Assert.Empty(new BatchNorm2d(3, affine: false).NamedParameters());
        Assert.Empty(new BatchNorm2d(3, trackRunningStats: false).NamedBuffers());
        Assert.Empty(new InstanceNorm2d(3).NamedParameters());
        Assert.Equal(["weight", "bias"], new InstanceNorm2d(3, affine: true).NamedParameters().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void BatchNorm2dCountsBatchesAndSwitchesToRunningStatisticsInEval()
    {
        var bn = new BatchNorm2d(1, momentum: null);
        using var a = Tensor.FromArray([1, 2, 3, 4], 1, 1, 2, 2);
        using var b = Tensor.FromArray([5, 6, 7, 8], 1, 1, 2, 2);
        bn.Forward(a).Dispose();
        Assert.Equal(2.5f, bn.RunningMean!.Span[0]);
        bn.Forward(b).Dispose();
        // A null momentum averages all batches seen: (2.5 + 6.5)/2.
        Assert.Equal(4.5f, bn.RunningMean.Span[0], 6);
        Assert.Equal(2f, bn.NumBatchesTracked!.Span[0]);
        bn.Eval();
        using var y = bn.Forward(b);
        Assert.Equal(2f, bn.NumBatchesTracked.Span[0]);
        var rv = bn.RunningVar!.Span[0];
        Assert.Equal((5 - 4.5) / Math.Sqrt(rv + 1e-5), y.Span[0], 5);
    }

    [Fact]
    public void BatchNorm2dWithoutRunningStatisticsUsesTheBatchInEval()
    {
        var bn = new BatchNorm2d(1, trackRunningStats: false);
        bn.Eval();
        using var x = Tensor.FromArray([1, 2, 3, 4], 1, 1, 2, 2);
        using var y = bn.Forward(x);
        Assert.Equal(-1.5 / Math.Sqrt(1.25 + 1e-5), y.Span[0], 5);
    }

    [Fact]
    public void LayersNameTheirShapeMistakes()
    {
        using var x = Tensor.Zeros(2, 4, 3, 3);
        var e = Assert.Throws<ArgumentException>(() => new BatchNorm2d(3).Forward(x));
        Assert.Contains("BatchNorm2d(3)", e.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 4, 3, 3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("InstanceNorm2d(3)", Assert.Throws<ArgumentException>(() => new InstanceNorm2d(3).Forward(x)).Message, StringComparison.Ordinal);
        Assert.Contains("LayerNorm", Assert.Throws<ArgumentException>(() => new LayerNorm([4]).Forward(x)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LayerNormNormalizesTrailingAxes()
    {
        var ln = new LayerNorm([3, 3]);
        Assert.Equal([3, 3], ln.Weight!.ShapeArray());
        using var x = Tensor.Uniform(new RandomStream(1, 0), -2f, 5f, 2, 4, 3, 3);
        using var y = ln.Forward(x);
        for (var row = 0; row < 8; row++)
        {
            double s = 0, ss = 0;
            for (var k = 0; k < 9; k++) s += y.Span[(row * 9) + k];
            for (var k = 0; k < 9; k++) ss += y.Span[(row * 9) + k] * y.Span[(row * 9) + k];
            Assert.Equal(0, s / 9, 5);
            Assert.Equal(1, ss / 9, 3);
        }
    }

    [Fact]
    public void DropoutLayerNeedsAStreamAndDrawsANewMaskEachForward()
    {
        using var x = Tensor.Ones(64);
        var layer = new Dropout(0.5f);
        Assert.Contains("random stream", Assert.Throws<InvalidOperationException>(() => layer.Forward(x)).Message, StringComparison.Ordinal);
        layer.Random = new RandomStream(4, 0);
        var first = layer.Forward(x).ToArray();
        var second = layer.Forward(x).ToArray();
        Assert.NotEqual(first, second);
        var again = new Dropout(0.5f, new RandomStream(4, 0));
        Assert.Equal(first, again.Forward(x).ToArray());
        layer.Eval();
        Assert.Equal(x.ToArray(), layer.Forward(x).ToArray());
        var channels = new Dropout2d(0.5f);
        channels.Eval();
        using var x4 = Tensor.Ones(1, 2, 2, 2);
        Assert.Equal(x4.ToArray(), channels.Forward(x4).ToArray());
    }
}
