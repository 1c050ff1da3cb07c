using Perrin.Core.Randomness;
using Perrin.Nn.Losses;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Losses;

/// <summary>
/// Loss.Decode: its gradient against finite differences, its value and gradient against PyTorch (the decode_loss
/// fixture), a value worked by hand, and the checks on its arguments.
/// </summary>
public class DecodeLossTests
{
    [Fact]
    public void GradientMatchesFiniteDifferences()
    {
        var x = GradientCheck.Leaf(31, -3f, 3f, 2, 5, 3, 4);
        using var t = Target(2, 5, 3, 4);
        float[] weights = [12f, 12f, 0.5f, 4f];
        GradientCheck.Check(a => Loss.Decode(a[0], t, weights), [x]);
    }

    [Fact]
    public void MatchesPyTorch()
    {
        var c = GoldenCase.Load("decode_loss");
        var x = c.Tensor("input", requiresGrad: true);
        using var t = c.Tensor("target");
        var loss = Loss.Decode(x, t, c.Values("weights"));
        c.AssertClose("output", [loss.Item()], 2e-6, 1e-7);
        loss.Backward();
        c.AssertClose("grad_input", x.Grad!.Span, 2e-6, 1e-7);
    }

    [Fact]
    public void HandWorkedValue()
    {
        // Two pixels: an emitter at pixel 0 (logit 0, offsets off by 0.1 and 0.2), background at pixel 1 (logit 0).
        using var x = Tensor.FromArray([0f, 0f, 0.1f, 0f, 0.2f, 0f], 1, 3, 1, 2);
        using var t = Tensor.FromArray([1f, 0f, 0f, 5f, 0f, 7f], 1, 3, 1, 2);
        using var loss = Loss.Decode(x, t, [10f, 1f]);
        var expected = ((2 * Math.Log(2)) + (10 * 0.01) + (1 * 0.04)) / 2;
        Assert.Equal(expected, loss.Item(), 6);
    }

    [Fact]
    public void RegressionAwayFromEmittersCostsNothing()
    {
        using var t = Target(1, 4, 4, 4);
        using var x = Tensor.FromArray(t.ToArray(), 1, 4, 4, 4);
        var xs = x.Span;
        for (var q = 0; q < 16; q++) xs[q] = t.Span[q] > 0 ? 30f : -30f;
        using var exact = Loss.Decode(x, t);
        for (var q = 16; q < 64; q++)
            if (t.Span[q % 16] == 0) xs[q] += 100f;
        using var shifted = Loss.Decode(x, t);
        Assert.Equal(exact.Item(), shifted.Item());
        Assert.True(exact.Item() < 1e-12);
    }

    [Fact]
    public void RefusesBadArguments()
    {
        using var x = Tensor.Zeros(1, 3, 2, 2);
        using var t = Tensor.Zeros(1, 3, 2, 2);
        Assert.Contains("1 channel weights for 2 regression channels", Assert.Throws<ArgumentException>(() => Loss.Decode(x, t, [1f])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Loss.Decode(x, t, [1f, float.NaN]));
        using var bad = Tensor.FromArray([2f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f], 1, 3, 2, 2);
        Assert.Contains("not in [0, 1]", Assert.Throws<ArgumentException>(() => Loss.Decode(x, bad)).Message, StringComparison.Ordinal);
        using var flat = Tensor.Zeros(3, 4);
        Assert.Throws<ArgumentException>(() => Loss.Decode(flat, flat));
    }

    /// <summary>DECODE-style targets: p in {0, 1}, regressions only where p is 1.</summary>
    private static Tensor Target(int n, int c, int h, int w)
    {
        var rng = new RandomStream(99, 3);
        var plane = h * w;
        var data = new float[n * c * plane];
        for (var s = 0; s < n; s++)
            for (var q = 0; q < plane; q++)
            {
                var on = rng.NextDouble() < 0.4;
                data[(s * c * plane) + q] = on ? 1f : 0f;
                for (var k = 1; k < c; k++)
                    data[(((s * c) + k) * plane) + q] = on ? (float)(rng.NextDouble() - 0.5) * k : 0f;
            }
        return Tensor.FromArray(data, n, c, h, w);
    }
}
