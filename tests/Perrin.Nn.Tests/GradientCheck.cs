using Perrin.Core.Randomness;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests;

/// <summary>
/// Compares the autograd gradient of Σ w·f(x) (w fixed random weights, so every output element counts) with
/// central finite differences, for each input that requires a gradient.
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// Checks every element of every input that requires a gradient. <paramref name="eps"/> is the float step;
    /// the tolerance is relative to the larger of the two gradients' magnitude, plus an absolute floor.
    /// </summary>
    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, float eps = 1e-2f, double rtol = 1e-2, double atol = 1e-3, ulong seed = 7)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(inputs);
        var probe = f(inputs);
        var rng = new RandomStream(seed, 1);
        var weights = Tensor.Uniform(rng, -1f, 1f, probe.ShapeArray());
        foreach (var x in inputs) x.ZeroGrad();
        var loss = Perrin.Nn.Ops.Reductions.Sum(Perrin.Nn.Ops.Elementwise.Mul(probe, weights));
        loss.Backward();
        for (var k = 0; k < inputs.Length; k++)
        {
            var x = inputs[k];
            if (!x.RequiresGrad) continue;
            Assert.NotNull(x.Grad);
            var analytic = x.Grad!.ToArray();
            var values = x.Span;
            for (var i = 0; i < values.Length; i++)
            {
                var saved = values[i];
                values[i] = saved + eps;
                var plus = Weighted(f, inputs, weights);
                values[i] = saved - eps;
                var minus = Weighted(f, inputs, weights);
                values[i] = saved;
                var numeric = (plus - minus) / (2.0 * eps);
                var scale = Math.Max(Math.Abs(numeric), Math.Abs(analytic[i]));
                if (Math.Abs(numeric - analytic[i]) > atol + (rtol * scale))
                    Assert.Fail($"input {k} element {i}: analytic {analytic[i]:G6}, numeric {numeric:G6}");
            }
        }
    }

    private static double Weighted(Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor weights)
    {
        using var scope = Perrin.Nn.Autograd.GradMode.NoGrad();
        using var y = f(inputs);
        var ys = y.Span;
        var ws = weights.Span;
        double sum = 0;
        for (var i = 0; i < ys.Length; i++) sum += (double)ys[i] * ws[i];
        return sum;
    }

    /// <summary>A leaf tensor with uniform values that requires a gradient.</summary>
    public static Tensor Leaf(ulong seed, float low, float high, params int[] shape)
    {
        var t = Tensor.Uniform(new RandomStream(seed, 2), low, high, shape);
        t.RequiresGrad = true;
        return t;
    }
}
