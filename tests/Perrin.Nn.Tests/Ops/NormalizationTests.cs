using Perrin.Core.Randomness;
using Perrin.Nn.Autograd;
using Perrin.Nn.Backends;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Ops;

public class NormalizationTests
{
    [Fact]
    public void BatchNormTrainingMatchesHandValuesAndUpdatesRunningStatistics()
    {
        using var x = Tensor.FromArray([1, 2, 3, 4], 2, 1, 1, 2);
        using var w = Tensor.FromArray([2f], 1);
        using var b = Tensor.FromArray([1f], 1);
        using var rm = Tensor.Zeros(1);
        using var rv = Tensor.Ones(1);
        using var y = Normalization.BatchNorm(x, rm, rv, w, b, training: true);
        var inv = 1.0 / Math.Sqrt(1.25 + 1e-5);
        var expected = new[] { 1 - (3 * inv), 1 - inv, 1 + inv, 1 + (3 * inv) };
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], y.Span[i], 5);
        Assert.Equal(0.25f, rm.Span[0], 6);
        // Unbiased batch variance 1.25·4/3 enters the running variance.
        Assert.Equal(0.9 + (0.1 * 1.25 * 4 / 3), rv.Span[0], 6);
    }

    [Fact]
    public void BatchNormEvalUsesRunningStatistics()
    {
        using var x = Tensor.FromArray([1, 2, 3, 4], 1, 2, 1, 2);
        using var rm = Tensor.FromArray([1f, -1f], 2);
        using var rv = Tensor.FromArray([4f, 0.25f], 2);
        using var y = Normalization.BatchNorm(x, rm, rv, null, null, training: false);
        Assert.Equal(0.0, y.Span[0], 5);
        Assert.Equal(1 / Math.Sqrt(4 + 1e-5), y.Span[1], 5);
        Assert.Equal(4 / Math.Sqrt(0.25 + 1e-5), y.Span[2], 4);
        Assert.Equal([1f, -1f], rm.ToArray());
    }

    [Fact]
    public void BatchNormTrainingGradients()
    {
        var x = GradientCheck.Leaf(1, -1f, 2f, 3, 2, 2, 3);
        var w = GradientCheck.Leaf(2, 0.5f, 1.5f, 2);
        var b = GradientCheck.Leaf(3, -1f, 1f, 2);
        // Float forward with step 1e-2: outputs are O(1), so 1e-2 relative plus 2e-3 absolute separates rounding from a wrong rule.
        GradientCheck.Check(t => Normalization.BatchNorm(t[0], null, null, t[1], t[2], true), [x, w, b], eps: 1e-2f, rtol: 1e-2, atol: 2e-3);
        GradientCheck.Check(t => Normalization.BatchNorm(t[0], null, null, null, null, true), [x], eps: 1e-2f, rtol: 1e-2, atol: 2e-3);
    }

    [Fact]
    public void BatchNormEvalGradients()
    {
        var x = GradientCheck.Leaf(4, -1f, 2f, 2, 3, 2, 2);
        var w = GradientCheck.Leaf(5, 0.5f, 1.5f, 3);
        var b = GradientCheck.Leaf(6, -1f, 1f, 3);
        using var rm = Tensor.FromArray([0.5f, -0.2f, 0.1f], 3);
        using var rv = Tensor.FromArray([0.8f, 1.5f, 0.3f], 3);
        GradientCheck.Check(t => Normalization.BatchNorm(t[0], rm, rv, t[1], t[2], false), [x, w, b], eps: 1e-2f, rtol: 1e-2, atol: 2e-3);
    }

    [Fact]
    public void InstanceNormGradients()
    {
        var x = GradientCheck.Leaf(7, -1f, 2f, 2, 3, 2, 3);
        var w = GradientCheck.Leaf(8, 0.5f, 1.5f, 3);
        var b = GradientCheck.Leaf(9, -1f, 1f, 3);
        GradientCheck.Check(t => Normalization.InstanceNorm(t[0], t[1], t[2]), [x, w, b], eps: 1e-2f, rtol: 1e-2, atol: 2e-3);
        GradientCheck.Check(t => Normalization.InstanceNorm(t[0], null, null), [x], eps: 1e-2f, rtol: 1e-2, atol: 2e-3);
    }

    [Fact]
    public void LayerNormGradients()
    {
        var x = GradientCheck.Leaf(10, -1f, 2f, 3, 2, 4);
        var w = GradientCheck.Leaf(11, 0.5f, 1.5f, 2, 4);
        var b = GradientCheck.Leaf(12, -1f, 1f, 2, 4);
        GradientCheck.Check(t => Normalization.LayerNorm(t[0], [2, 4], t[1], t[2]), [x, w, b], eps: 1e-2f, rtol: 1e-2, atol: 2e-3);
        GradientCheck.Check(t => Normalization.LayerNorm(t[0], [4], null, null), [x], eps: 1e-2f, rtol: 1e-2, atol: 2e-3);
    }

    [Fact]
    public void LayerNormMatchesDefinition()
    {
        var x = Tensor.Uniform(new RandomStream(13, 0), -3f, 5f, 4, 37);
        var w = Tensor.Uniform(new RandomStream(14, 0), 0.5f, 2f, 37);
        var b = Tensor.Uniform(new RandomStream(15, 0), -1f, 1f, 37);
        var g = Tensor.Uniform(new RandomStream(16, 0), -1f, 1f, 4, 37);
        x.RequiresGrad = w.RequiresGrad = b.RequiresGrad = true;
        var y = Normalization.LayerNorm(x, [37], w, b);
        y.Backward(g);
        var r = NormReference.Run(x.ToArray(), g.ToArray(), w.ToArray(), b.ToArray(), 4, 37, i => i / 37, i => i % 37, 1e-5);
        AssertClose(r.Y, y.ToArray(), 1e-5);
        AssertClose(r.Dx, x.Grad!.ToArray(), 1e-5);
        AssertClose(r.Dw, w.Grad!.ToArray(), 1e-5);
        AssertClose(r.Db, b.Grad!.ToArray(), 1e-5);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LargeBatchNormMatchesDefinitionInDouble(bool instance)
    {
        // 4·3·65·63 values take the vector kernels, their scalar tails and the multi-threaded path.
        int n = 4, c = 3, l = 65 * 63;
        var x = Tensor.Uniform(new RandomStream(17, 0), 95f, 105f, n, c, 65, 63);
        var w = Tensor.Uniform(new RandomStream(18, 0), 0.5f, 2f, c);
        var b = Tensor.Uniform(new RandomStream(19, 0), -1f, 1f, c);
        var g = Tensor.Uniform(new RandomStream(20, 0), -1f, 1f, n, c, 65, 63);
        x.RequiresGrad = w.RequiresGrad = b.RequiresGrad = true;
        var y = instance ? Normalization.InstanceNorm(x, w, b) : Normalization.BatchNorm(x, null, null, w, b, true);
        y.Backward(g);
        var r = instance
            ? NormReference.Run(x.ToArray(), g.ToArray(), w.ToArray(), b.ToArray(), n * c, c, i => i / l, i => i / l % c, 1e-5)
            : NormReference.Run(x.ToArray(), g.ToArray(), w.ToArray(), b.ToArray(), c, c, i => i / l % c, i => i / l % c, 1e-5);
        // The mean of 100 ± 5 costs float about 1e-5 of the spread; 2e-4 bounds what float sums over 16k values leave.
        AssertClose(r.Y, y.ToArray(), 2e-4);
        AssertClose(r.Dx, x.Grad!.ToArray(), 2e-4);
        AssertClose(r.Dw, w.Grad!.ToArray(), 2e-4);
        AssertClose(r.Db, b.Grad!.ToArray(), 2e-4);
    }

    private static void AssertClose(double[] expected, float[] actual, double rtol)
    {
        var scale = 1.0;
        foreach (var e in expected) scale = Math.Max(scale, Math.Abs(e));
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= rtol * scale, $"element {i}: expected {expected[i]:G7}, got {actual[i]:G7} (scale {scale:G4})");
    }

    [Fact]
    public void ResultsDoNotDependOnThreadCount()
    {
        var x = Tensor.Uniform(new RandomStream(21, 0), -2f, 2f, 8, 4, 32, 32);
        var g = Tensor.Uniform(new RandomStream(22, 0), -1f, 1f, 8, 4, 32, 32);
        var saved = Backend.Current;
        try
        {
            Backend.UseCpu(1);
            var (y1, dx1) = ForwardBackward(x, g);
            Backend.UseCpu(3);
            var (y3, dx3) = ForwardBackward(x, g);
            Assert.Equal(y1, y3);
            Assert.Equal(dx1, dx3);
        }
        finally
        {
            Backend.Current = saved;
        }
    }

    private static (float[] Y, float[] Dx) ForwardBackward(Tensor x0, Tensor g)
    {
        using var x = x0.Detach();
        x.RequiresGrad = true;
        var y = Normalization.BatchNorm(x, null, null, null, null, true);
        y.Backward(g);
        return (y.ToArray(), x.Grad!.ToArray());
    }

    [Fact]
    public void NoGradForwardRecordsNothing()
    {
        var x = GradientCheck.Leaf(23, -1f, 1f, 2, 2, 3, 3);
        using var scope = GradMode.NoGrad();
        using var y = Normalization.InstanceNorm(x, null, null);
        Assert.Null(y.GradFn);
    }

    [Fact]
    public void MistakesNameTheOpAndShapes()
    {
        using var x = Tensor.Zeros(2, 3, 4, 4);
        using var w = Tensor.Ones(4);
        var e = Assert.Throws<ArgumentException>(() => Normalization.BatchNorm(x, null, null, w, null, true));
        Assert.Contains("BatchNorm", e.Message, StringComparison.Ordinal);
        Assert.Contains("[4]", e.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3, 4, 4]", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Normalization.BatchNorm(x, null, null, null, null, false));
        using var single = Tensor.Zeros(1, 3, 1, 1);
        Assert.Contains("more than 1", Assert.Throws<ArgumentException>(() => Normalization.BatchNorm(single, null, null, null, null, true)).Message, StringComparison.Ordinal);
        Assert.Contains("InstanceNorm", Assert.Throws<ArgumentException>(() => Normalization.InstanceNorm(Tensor.Zeros(2, 3), null, null)).Message, StringComparison.Ordinal);
        Assert.Contains("LayerNorm", Assert.Throws<ArgumentException>(() => Normalization.LayerNorm(x, [3], null, null)).Message, StringComparison.Ordinal);
    }
}
