using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Ops;

public class ConvolutionTests
{
    [Fact]
    public void Conv2dKnownValues()
    {
        // A 3×3 sum kernel over a ramp, padding 1: the centre sees 0+1+…+8 = 36.
        using var x = Tensor.FromArray(Enumerable.Range(0, 9).Select(i => (float)i).ToArray(), 1, 1, 3, 3);
        using var w = Tensor.Ones(1, 1, 3, 3);
        using var b = Tensor.FromArray([0.5f], 1);
        var y = Convolution.Conv2d(x, w, b, padding: 1);
        Assert.Equal([1, 1, 3, 3], y.ShapeArray());
        Assert.Equal(36.5f, y[0, 0, 1, 1]);
        Assert.Equal(0 + 1 + 3 + 4 + 0.5f, y[0, 0, 0, 0]);
    }

    [Fact]
    public void Conv2dGradients()
    {
        var x = GradientCheck.Leaf(1, -1f, 1f, 2, 4, 5, 6);
        var w = GradientCheck.Leaf(2, -1f, 1f, 6, 2, 3, 2);
        var b = GradientCheck.Leaf(3, -1f, 1f, 6);
        GradientCheck.Check(t => Convolution.Conv2d(t[0], t[1], t[2], (2, 1), (1, 1), (1, 2), groups: 2), [x, w, b], eps: 1e-2f);
    }

    [Fact]
    public void FusedReluEqualsConvThenRelu()
    {
        var x = GradientCheck.Leaf(4, -1f, 1f, 2, 3, 6, 6);
        var w = GradientCheck.Leaf(5, -1f, 1f, 4, 3, 3, 3);
        var b = GradientCheck.Leaf(6, -1f, 1f, 4);
        var fused = Convolution.Conv2d(x, w, b, padding: 1, relu: true).ToArray();
        var plain = Activations.Relu(Convolution.Conv2d(x, w, b, padding: 1)).ToArray();
        Assert.Equal(plain, fused);
        GradientCheck.Check(t => Convolution.Conv2d(t[0], t[1], t[2], padding: 1, relu: true), [x, w, b], eps: 1e-3f, rtol: 2e-2, atol: 5e-3);
    }

    /// <summary>
    /// A first layer (input without gradient) takes its weight gradient through the ReLU without a masked copy of
    /// the gradient; the result must be the bits of the path that masks first, whose gradient
    /// <see cref="FusedReluEqualsConvThenRelu"/> checks against finite differences.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void FusedReluWeightGradientWithoutInputGradientEqualsTheMaskingPath(int channels)
    {
        var w = GradientCheck.Leaf(11, -1f, 1f, 5, channels, 3, 3);
        var b = GradientCheck.Leaf(12, -0.5f, 0.5f, 5);
        var r = Tensor.Uniform(new Perrin.Core.Randomness.RandomStream(13, 2), -1f, 1f, 3, 5, 7, 18);
        float[][] Grads(bool inputGrad)
        {
            var x = GradientCheck.Leaf(10, -1f, 1f, 3, channels, 9, 20);
            x.RequiresGrad = inputGrad;
            w.Grad = null;
            b.Grad = null;
            var loss = Reductions.Sum(Elementwise.Mul(Convolution.Conv2d(x, w, b, relu: true), r));
            loss.Backward();
            loss.DisposeGraph();
            return [w.Grad!.ToArray(), b.Grad!.ToArray()];
        }
        var fused = Grads(false);
        var masking = Grads(true);
        Assert.Equal(masking[0], fused[0]);
        Assert.Equal(masking[1], fused[1]);
        Assert.Contains(fused[0], v => v != 0f);
    }

    /// <summary>
    /// A convolution of two inputs joined along the channels must match the convolution of their concatenation in
    /// value and in every gradient, bit for bit, with and without the fused ReLU; and pass the finite-difference check.
    /// Rows of 32 pixels take the direct kernels that read both inputs where they lie.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Conv2dJoinedMatchesTheConcatenationInValueAndGradients(bool relu)
    {
        Tensor[] Leaves() =>
        [
            GradientCheck.Leaf(11, -1f, 1f, 2, 8, 6, 32), GradientCheck.Leaf(12, -1f, 1f, 2, 8, 6, 32),
            GradientCheck.Leaf(13, -1f, 1f, 8, 16, 3, 3), GradientCheck.Leaf(14, -1f, 1f, 8),
        ];
        var joined = Leaves();
        var concatenated = Leaves();
        var a = Convolution.Conv2dJoined(joined[0], joined[1], joined[2], joined[3], (1, 1), (1, 1), (1, 1), relu: relu);
        var b = Convolution.Conv2d(Reshaping.Concat([concatenated[0], concatenated[1]], 1), concatenated[2],
            concatenated[3], (1, 1), (1, 1), (1, 1), relu: relu);
        Assert.Equal(b.ToArray(), a.ToArray());
        using var seed = GradientCheck.Leaf(15, -1f, 1f, a.ShapeArray());
        a.Backward(seed);
        b.Backward(seed);
        for (var i = 0; i < 4; i++) Assert.Equal(concatenated[i].Grad!.ToArray(), joined[i].Grad!.ToArray());
        GradientCheck.Check(t => Convolution.Conv2dJoined(t[0], t[1], t[2], t[3], (1, 1), (1, 1), (1, 1), relu: relu),
            [joined[0], joined[1], joined[2], joined[3]], eps: 1e-3f, rtol: 2e-2, atol: 5e-3);
    }

    [Fact]
    public void Conv2dJoinedNamesMismatchedInputs()
    {
        using var a = Tensor.Zeros(2, 3, 8, 8);
        using var b = Tensor.Zeros(2, 2, 8, 9);
        using var w = Tensor.Zeros(4, 5, 3, 3);
        var e = Assert.Throws<ArgumentException>(() => Convolution.Conv2dJoined(a, b, w, null, (1, 1), (1, 1), (1, 1)));
        Assert.Contains("[2, 3, 8, 8]", e.Message);
        Assert.Contains("[2, 2, 8, 9]", e.Message);
        using var c = Tensor.Zeros(2, 3, 8, 8);
        e = Assert.Throws<ArgumentException>(() => Convolution.Conv2dJoined(a, c, w, null, (1, 1), (1, 1), (1, 1)));
        Assert.Contains("6 channels together", e.Message);
    }

    [Fact]
    public void ConvTranspose2dGradientsAndShape()
    {
        var x = GradientCheck.Leaf(7, -1f, 1f, 2, 4, 3, 3);
        var w = GradientCheck.Leaf(8, -1f, 1f, 4, 3, 3, 3);
        var b = GradientCheck.Leaf(9, -1f, 1f, 3);
        var y = Convolution.ConvTranspose2d(x, w, b, stride: 2, padding: 1, outputPadding: 1);
        Assert.Equal([2, 3, 6, 6], y.ShapeArray());
        GradientCheck.Check(t => Convolution.ConvTranspose2d(t[0], t[1], t[2], stride: 2, padding: 1, outputPadding: 1), [x, w, b]);
    }

    [Fact]
    public void Conv1dGradients()
    {
        var x = GradientCheck.Leaf(10, -1f, 1f, 2, 3, 9);
        var w = GradientCheck.Leaf(11, -1f, 1f, 4, 3, 5);
        var b = GradientCheck.Leaf(12, -1f, 1f, 4);
        var y = Convolution.Conv1d(x, w, b, padding: 2);
        Assert.Equal([2, 4, 9], y.ShapeArray());
        GradientCheck.Check(t => Convolution.Conv1d(t[0], t[1], t[2], padding: 2), [x, w, b]);
    }

    [Fact]
    public void ChannelMismatchNamesShapes()
    {
        using var x = Tensor.Zeros(1, 3, 8, 8);
        using var w = Tensor.Zeros(4, 2, 3, 3);
        var e = Assert.Throws<ArgumentException>(() => Convolution.Conv2d(x, w, null));
        Assert.Contains("[1, 3, 8, 8]", e.Message);
        Assert.Contains("[4, 2, 3, 3]", e.Message);
    }
}
