using Perrin.Core.Randomness;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Ops;

public class RegularizationTests
{
    [Fact]
    public void DropoutKeepsScaledValuesAndIsDeterministicPerStream()
    {
        using var x = Tensor.Uniform(new RandomStream(1, 0), 0.5f, 1.5f, 100, 100);
        using var a = Regularization.Dropout(x, 0.3f, new RandomStream(5, 1));
        using var b = Regularization.Dropout(x, 0.3f, new RandomStream(5, 1));
        using var c = Regularization.Dropout(x, 0.3f, new RandomStream(5, 2));
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.NotEqual(a.ToArray(), c.ToArray());
        var zeros = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (a.Span[i] == 0f) zeros++;
            else Assert.Equal(x.Span[i] * (1f / 0.7f), a.Span[i]);
        }
        // 10 000 Bernoulli(0.3) draws: the dropped count is 3000 ± 46 (1σ); 250 is over 5σ.
        Assert.InRange(zeros, 2750, 3250);
    }

    [Fact]
    public void DropoutDrawsTheMaskInElementOrder()
    {
        using var x = Tensor.Ones(37);
        using var y = Regularization.Dropout(x, 0.5f, new RandomStream(9, 0));
        var rng = new RandomStream(9, 0);
        for (var i = 0; i < 37; i++) Assert.Equal(rng.NextUInt32() >= 2147483648u ? 2f : 0f, y.Span[i]);
    }

    [Fact]
    public void DropoutGradientIsTheMask()
    {
        var x = GradientCheck.Leaf(2, -1f, 1f, 4, 5);
        GradientCheck.Check(t => Regularization.Dropout(t[0], 0.4f, new RandomStream(3, 0)), [x]);
        var y = Regularization.Dropout(x, 0.4f, new RandomStream(3, 0));
        x.ZeroGrad();
        y.Backward(Tensor.Ones(4, 5));
        for (var i = 0; i < x.Length; i++) Assert.Equal(y.Span[i] == 0f ? 0f : 1f / 0.6f, x.Grad!.Span[i]);
    }

    [Fact]
    public void EvalAndZeroProbabilityAreIdentity()
    {
        using var x = Tensor.Uniform(new RandomStream(4, 0), -1f, 1f, 3, 4);
        Assert.Equal(x.ToArray(), Regularization.Dropout(x, 0.5f, new RandomStream(1, 0), training: false).ToArray());
        Assert.Equal(x.ToArray(), Regularization.Dropout(x, 0f, new RandomStream(1, 0)).ToArray());
        Assert.Equal(new float[12], Regularization.Dropout(x, 1f, new RandomStream(1, 0)).ToArray());
        Assert.Throws<ArgumentException>(() => Regularization.Dropout(x, 1.5f, new RandomStream(1, 0)));
    }

    [Fact]
    public void Dropout2dDropsWholePlanes()
    {
        var x = GradientCheck.Leaf(5, 0.5f, 1.5f, 4, 8, 3, 3);
        using var y = Regularization.Dropout2d(x, 0.5f, new RandomStream(6, 0));
        var droppedPlanes = 0;
        for (var p = 0; p < 32; p++)
        {
            var first = y.Span[p * 9];
            var dropped = first == 0f;
            if (dropped) droppedPlanes++;
            for (var k = 0; k < 9; k++) Assert.Equal(dropped ? 0f : x.Span[(p * 9) + k] * 2f, y.Span[(p * 9) + k]);
        }
        Assert.InRange(droppedPlanes, 1, 31);
        GradientCheck.Check(t => Regularization.Dropout2d(t[0], 0.5f, new RandomStream(6, 0)), [x]);
    }
}
