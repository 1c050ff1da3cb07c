using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Ops;

public class LinearAlgebraTests
{
    [Fact]
    public void MatMulMatchesHandProduct()
    {
        using var a = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        using var b = Tensor.FromArray([7, 8, 9, 10, 11, 12], 3, 2);
        Assert.Equal([58, 64, 139, 154], LinearAlgebra.MatMul(a, b).ToArray());
    }

    [Fact]
    public void LinearIsXWTransposedPlusBias()
    {
        using var x = Tensor.FromArray([1, 2], 1, 2);
        using var w = Tensor.FromArray([1, 0, 0, 1, 1, 1], 3, 2);
        using var b = Tensor.FromArray([10, 20, 30], 3);
        Assert.Equal([11, 22, 33], LinearAlgebra.Linear(x, w, b).ToArray());
    }

    [Fact]
    public void Gradients()
    {
        var a = GradientCheck.Leaf(1, -1f, 1f, 3, 4);
        var b = GradientCheck.Leaf(2, -1f, 1f, 4, 5);
        GradientCheck.Check(t => LinearAlgebra.MatMul(t[0], t[1]), [a, b]);
        var ba = GradientCheck.Leaf(3, -1f, 1f, 2, 3, 4);
        var bb = GradientCheck.Leaf(4, -1f, 1f, 2, 4, 2);
        GradientCheck.Check(t => LinearAlgebra.MatMul(t[0], t[1]), [ba, bb]);
        var x = GradientCheck.Leaf(5, -1f, 1f, 3, 4);
        var w = GradientCheck.Leaf(6, -1f, 1f, 2, 4);
        var bias = GradientCheck.Leaf(7, -1f, 1f, 2);
        GradientCheck.Check(t => LinearAlgebra.Linear(t[0], t[1], t[2]), [x, w, bias]);
    }

    [Fact]
    public void MismatchNamesShapes()
    {
        using var a = Tensor.Zeros(2, 3);
        using var b = Tensor.Zeros(4, 2);
        var e = Assert.Throws<ArgumentException>(() => LinearAlgebra.MatMul(a, b));
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[4, 2]", e.Message);
    }
}
