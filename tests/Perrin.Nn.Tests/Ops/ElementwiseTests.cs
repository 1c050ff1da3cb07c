using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Ops;

public class ElementwiseTests
{
    [Fact]
    public void BroadcastAddMatchesNumpy()
    {
        using var a = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        using var b = Tensor.FromArray([10, 20, 30], 3);
        using var c = Tensor.FromArray([100, 200], 2, 1);
        Assert.Equal([11, 22, 33, 14, 25, 36], (a + b).ToArray());
        Assert.Equal([101, 102, 103, 204, 205, 206], (a + c).ToArray());
        var outer = b + c;
        Assert.Equal([2, 3], outer.ShapeArray());
        Assert.Equal([110, 120, 130, 210, 220, 230], outer.ToArray());
    }

    [Fact]
    public void PerChannelBiasOverNchw()
    {
        using var x = Tensor.Zeros(2, 3, 2, 2);
        using var bias = Tensor.FromArray([1, 2, 3], 1, 3, 1, 1);
        var y = (x + bias).ToArray();
        for (var n = 0; n < 2; n++)
            for (var ch = 0; ch < 3; ch++)
                for (var p = 0; p < 4; p++)
                    Assert.Equal(ch + 1, y[(((n * 3) + ch) * 4) + p]);
    }

    [Fact]
    public void IncompatibleShapesNameOpAndShapes()
    {
        using var a = Tensor.Zeros(2, 3);
        using var b = Tensor.Zeros(4);
        var e = Assert.Throws<ArgumentException>(() => a * b);
        Assert.Contains("Mul", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[4]", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BroadcastBinaryGradients(int kind)
    {
        var a = GradientCheck.Leaf(1, 0.5f, 2f, 2, 3, 4);
        var b = GradientCheck.Leaf(2, 0.5f, 2f, 3, 1);
        Func<Tensor[], Tensor> f = kind switch
        {
            0 => t => t[0] + t[1],
            1 => t => t[0] - t[1],
            2 => t => t[0] * t[1],
            _ => t => t[0] / t[1],
        };
        GradientCheck.Check(f, [a, b]);
    }

    [Fact]
    public void UnaryGradients()
    {
        var x = GradientCheck.Leaf(3, 0.3f, 2f, 3, 5);
        GradientCheck.Check(t => Elementwise.Exp(t[0]), [x]);
        GradientCheck.Check(t => Elementwise.Log(t[0]), [x], eps: 1e-3f);
        GradientCheck.Check(t => Elementwise.Sqrt(t[0]), [x], eps: 1e-3f);
        GradientCheck.Check(t => Elementwise.Square(t[0]), [x]);
        GradientCheck.Check(t => Elementwise.Pow(t[0], 2.5f), [x], eps: 1e-3f);
        GradientCheck.Check(t => t[0] * 3f + 1f, [x]);
        var y = GradientCheck.Leaf(4, -2f, 2f, 4, 6);
        GradientCheck.Check(t => Elementwise.Abs(t[0]), [y], eps: 1e-3f);
        GradientCheck.Check(t => Elementwise.Clamp(t[0], -1f, 1f), [y], eps: 1e-3f);
    }

    [Fact]
    public void ActivationGradients()
    {
        var x = GradientCheck.Leaf(5, -3f, 3f, 4, 7);
        GradientCheck.Check(t => Activations.Relu(t[0]), [x], eps: 1e-3f);
        GradientCheck.Check(t => Activations.LeakyRelu(t[0], 0.2f), [x], eps: 1e-3f);
        GradientCheck.Check(t => Activations.Elu(t[0]), [x], eps: 1e-3f);
        GradientCheck.Check(t => Activations.Sigmoid(t[0]), [x]);
        GradientCheck.Check(t => Activations.Tanh(t[0]), [x]);
        GradientCheck.Check(t => Activations.Softplus(t[0]), [x]);
    }

    [Fact]
    public void ActivationValues()
    {
        using var x = Tensor.FromArray([-2, 0, 3], 3);
        Assert.Equal([0, 0, 3], Activations.Relu(x).ToArray());
        Assert.Equal([-0.4f, 0, 3], Activations.LeakyRelu(x, 0.2f).ToArray());
        Assert.Equal(MathF.Exp(-2) - 1, Activations.Elu(x).ToArray()[0], 6);
        Assert.Equal(0.5f, Activations.Sigmoid(x).ToArray()[1]);
        Assert.Equal(MathF.Tanh(3), Activations.Tanh(x).ToArray()[2], 6);
        using var big = Tensor.FromArray([100f, -100f], 2);
        Assert.Equal([100f, 0f], Activations.Softplus(big).ToArray());
    }
}
