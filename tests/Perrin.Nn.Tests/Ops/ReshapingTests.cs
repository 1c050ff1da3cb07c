using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Ops;

public class ReshapingTests
{
    [Fact]
    public void PermuteMovesAxes()
    {
        using var x = Tensor.FromArray([0, 1, 2, 3, 4, 5], 2, 3);
        var y = Reshaping.Permute(x, 1, 0);
        Assert.Equal([3, 2], y.ShapeArray());
        Assert.Equal([0, 3, 1, 4, 2, 5], y.ToArray());
        using var z = Tensor.FromArray(Enumerable.Range(0, 24).Select(i => (float)i).ToArray(), 2, 3, 4);
        var p = Reshaping.Permute(z, 2, 0, 1);
        Assert.Equal(z[1, 2, 3], p[3, 1, 2]);
    }

    [Fact]
    public void SliceConcatAndReshape()
    {
        using var x = Tensor.FromArray([0, 1, 2, 3, 4, 5], 2, 3);
        Assert.Equal([1, 2, 4, 5], Reshaping.Slice(x, 1, 1, 2).ToArray());
        var c = Reshaping.Concat([x, x], 1);
        Assert.Equal([2, 6], c.ShapeArray());
        Assert.Equal([0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5], c.ToArray());
        Assert.Equal([3, 2], Reshaping.Reshape(x, -1, 2).ShapeArray());
        Assert.Equal([2, 3], Reshaping.Flatten(Reshaping.Reshape(x, 2, 1, 3)).ShapeArray());
        var e = Assert.Throws<ArgumentException>(() => Reshaping.Reshape(x, 4, -1));
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void ShapeGradients()
    {
        var a = GradientCheck.Leaf(1, -1f, 1f, 2, 3, 4);
        var b = GradientCheck.Leaf(2, -1f, 1f, 2, 2, 4);
        GradientCheck.Check(t => Reshaping.Permute(t[0], 2, 0, 1), [a]);
        GradientCheck.Check(t => Reshaping.Slice(t[0], 1, 1, 2), [a]);
        GradientCheck.Check(t => Reshaping.Concat([t[0], t[1]], 1), [a, b]);
        GradientCheck.Check(t => Reshaping.Reshape(t[0], 6, 4), [a]);
    }

    [Fact]
    public void ConcatMismatchIsExplained()
    {
        using var a = Tensor.Zeros(2, 3, 4);
        using var b = Tensor.Zeros(2, 3, 5);
        var e = Assert.Throws<ArgumentException>(() => Reshaping.Concat([a, b], 1));
        Assert.Contains("[2, 3, 4]", e.Message);
        Assert.Contains("[2, 3, 5]", e.Message);
    }
}
