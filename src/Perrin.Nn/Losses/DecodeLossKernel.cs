using Perrin.Nn.Tensors;

namespace Perrin.Nn.Losses;

/// <summary>
/// The DECODE loss as one operation on outputs and targets [N, C, H, W]: channel 0 holds detection logits and
/// 0/1 targets, channels 1 … C−1 regressions. Per pixel, BCE from logits on channel 0 plus, weighted by the target
/// p, Σ_c w_c (x_c − t_c)² over the regressions; the mean is over the N·H·W pixels. Only the output is
/// differentiated: targets are simulated labels.
/// </summary>
internal static class DecodeLossKernel
{
    private const string Op = "DecodeLoss";

    public static Tensor Run(Tensor output, Tensor target, float[] weights)
    {
        var (n, c, plane) = Geometry(output, target, weights);
        var x = output.Span;
        var t = target.Span;
        var bce = new LogitBinaryCrossEntropyTerm(null);
        double total = 0;
        for (var s = 0; s < n; s++)
        {
            var b = s * c * plane;
            for (var q = 0; q < plane; q++)
            {
                total += bce.Value(q, x[b + q], t[b + q]);
                var p = t[b + q];
                if (p == 0f) continue;
                double squares = 0;
                for (var k = 1; k < c; k++)
                {
                    var i = b + (k * plane) + q;
                    double d = x[i] - t[i];
                    squares += weights[k - 1] * d * d;
                }
                total += p * squares;
            }
        }
        var data = BufferPool.Rent(1);
        var pixels = (double)n * plane;
        data[0] = (float)(total / pixels);
        return Tensor.FromOp(data, [], Op, [output, target], g => [Backward(output, target, weights, n, c, plane, (float)(g.Span[0] / pixels)), null]);
    }

    private static Tensor? Backward(Tensor output, Tensor target, float[] weights, int n, int c, int plane, float scale)
    {
        if (!output.RequiresGrad) return null;
        var gx = Tensor.Zeros(output.ShapeArray());
        var d = gx.Span;
        var x = output.Span;
        var t = target.Span;
        var bce = new LogitBinaryCrossEntropyTerm(null);
        for (var s = 0; s < n; s++)
        {
            var b = s * c * plane;
            for (var q = 0; q < plane; q++)
            {
                d[b + q] = scale * bce.InputGrad(q, x[b + q], t[b + q]);
                var p = t[b + q];
                if (p == 0f) continue;
                for (var k = 1; k < c; k++)
                {
                    var i = b + (k * plane) + q;
                    d[i] = scale * p * 2f * weights[k - 1] * (x[i] - t[i]);
                }
            }
        }
        return gx;
    }

    private static (int N, int C, int Plane) Geometry(Tensor output, Tensor target, float[] weights)
    {
        LossChecks.SameShape(Op, output, target, "output", "target");
        ArgumentNullException.ThrowIfNull(weights);
        if (output.Rank != 4 || output.Shape[1] < 2)
            throw new ArgumentException($"{Op}: output of shape {ShapeText.Format(output.Shape)}, expected [N, C, H, W] with a detection channel and at least one regression channel.");
        var c = output.Shape[1];
        if (weights.Length != c - 1)
            throw new ArgumentException($"{Op}: {weights.Length} channel weights for {c - 1} regression channels.");
        foreach (var w in weights)
            if (!(float.IsFinite(w) && w >= 0f))
                throw new ArgumentException($"{Op}: channel weight {w} is not a finite number ≥ 0.");
        var ts = target.Span;
        var plane = output.Shape[2] * output.Shape[3];
        for (var s = 0; s < output.Shape[0]; s++)
            for (var q = 0; q < plane; q++)
            {
                var p = ts[(s * c * plane) + q];
                if (!(p >= 0f && p <= 1f))
                    throw new ArgumentException($"{Op}: detection target {p} at sample {s}, pixel {q} is not in [0, 1].");
            }
        return (output.Shape[0], c, plane);
    }
}
