using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Ops;

public class PoolingTests
{
    [Fact]
    public void MaxAndAveragePoolKnownValues()
    {
        using var x = Tensor.FromArray(Enumerable.Range(0, 16).Select(i => (float)i).ToArray(), 1, 1, 4, 4);
        Assert.Equal([5, 7, 13, 15], Pooling.MaxPool2d(x, 2).ToArray());
        Assert.Equal([2.5f, 4.5f, 10.5f, 12.5f], Pooling.AvgPool2d(x, 2).ToArray());
    }

    [Fact]
    public void Gradients()
    {
        // Distinct values so the maximum is unique and finite differences do not cross ties.
        var x = Tensor.FromArray(Enumerable.Range(0, 2 * 3 * 6 * 6).Select(i => (float)((i * 37) % 101) / 10f).ToArray(), 2, 3, 6, 6);
        x.RequiresGrad = true;
        GradientCheck.Check(t => Pooling.MaxPool2d(t[0], 2), [x], eps: 1e-2f);
        GradientCheck.Check(t => Pooling.MaxPool2d(t[0], 3, 2, 1), [x], eps: 1e-2f);
        GradientCheck.Check(t => Pooling.AvgPool2d(t[0], 3, 1, 1), [x]);
        GradientCheck.Check(t => Resampling.Upsample(t[0], 2), [x]);
        GradientCheck.Check(t => Resampling.Upsample(t[0], 2, bilinear: true), [x]);
    }

    [Fact]
    public void BilinearMatchesHalfPixelInterpolation()
    {
        using var x = Tensor.FromArray([0f, 4f], 1, 1, 1, 2);
        // align_corners = false: output x' maps to (x' + 0.5)/2 − 0.5 → −0.25, 0.25, 0.75, 1.25 clamped to [0, 1].
        Assert.Equal([0f, 1f, 3f, 4f, 0f, 1f, 3f, 4f], Resampling.Upsample(x, 2, bilinear: true).ToArray());
        Assert.Equal([0f, 0f, 4f, 4f], Resampling.Upsample(x, 2).ToArray().AsSpan(0, 4).ToArray());
    }
}
