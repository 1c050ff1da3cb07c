using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Ops;

public class ReductionsTests
{
    [Fact]
    public void SumOverAxesMatchesHandValues()
    {
        using var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal([5, 7, 9], Reductions.Sum(x, [0]).ToArray());
        Assert.Equal([6, 15], Reductions.Sum(x, [1]).ToArray());
        Assert.Equal([2, 1], Reductions.Sum(x, [1], keepDims: true).ShapeArray());
        Assert.Equal(21f, Reductions.Sum(x).Item());
        Assert.Equal(3.5f, Reductions.Mean(x).Item());
        Assert.Equal([2, 5], Reductions.Mean(x, [-1]).ToArray());
    }

    [Fact]
    public void ReductionGradients()
    {
        var x = GradientCheck.Leaf(1, -1f, 1f, 2, 3, 4);
        GradientCheck.Check(t => Reductions.Sum(t[0], [0, 2]), [x]);
        GradientCheck.Check(t => Reductions.Mean(t[0], [1], keepDims: true), [x]);
        GradientCheck.Check(t => Reductions.Mean(t[0]), [x]);
        GradientCheck.Check(t => Reductions.Softmax(t[0], 1), [x], eps: 1e-3f);
        GradientCheck.Check(t => Reductions.LogSoftmax(t[0], -1), [x], eps: 1e-3f);
    }

    [Fact]
    public void SoftmaxIsStableAndNormalized()
    {
        using var x = Tensor.FromArray([1000f, 1001f, 1002f, -5f, 0f, 5f], 2, 3);
        var y = Reductions.Softmax(x, 1).ToArray();
        Assert.Equal(1.0, y[0] + y[1] + y[2], 5);
        Assert.Equal(1.0 / (1 + Math.Exp(-1) + Math.Exp(-2)), y[2], 5);
        var ls = Reductions.LogSoftmax(x, 1).ToArray();
        Assert.Equal(Math.Log(y[3]), ls[3], 4);
    }

    [Fact]
    public void SumIsIndependentOfValueLayoutInBlocks()
    {
        var values = new float[10000];
        for (var i = 0; i < values.Length; i++) values[i] = 0.1f;
        using var x = Tensor.FromArray(values, values.Length);
        Assert.Equal(1000.0, Reductions.Sum(x).Item(), 2);
    }
}
