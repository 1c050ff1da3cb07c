using Perrin.Nn.Tensors;

namespace Perrin.Nn.Losses;

/// <summary>
/// PyTorch's gaussian_nll_loss: ½(ln v + (x − t)²/v) with v = max(σ², eps), plus ½ln 2π when full. As in
/// PyTorch the clamp is not differentiated: the gradient with respect to σ² is taken at v even where it clamps.
/// The variance may have the input's shape, or that shape with the last axis 1 or dropped (one variance per row).
/// </summary>
internal static class GaussianNllKernel
{
    private const string Op = "GaussianNll";
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    public static Tensor Run(Tensor input, Tensor target, Tensor variance, float eps, bool full, Reduction reduction)
    {
        LossChecks.SameShape(Op, input, target);
        ArgumentNullException.ThrowIfNull(variance);
        LossChecks.Known(reduction, Op);
        if (!(eps >= 0f)) throw new ArgumentOutOfRangeException(nameof(eps), eps, $"{Op}: eps must be non-negative.");
        var group = Group(input, variance);
        var vs = variance.Span;
        for (var i = 0; i < vs.Length; i++)
            if (vs[i] < 0f) throw new ArgumentException($"{Op}: variance {vs[i]} at element {i} is negative.");
        var n = input.Length;
        var x = input.Span;
        var t = target.Span;
        var constant = full ? HalfLogTwoPi : 0.0;
        var losses = reduction == Reduction.None ? BufferPool.Rent(n) : null;
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            var v = MathF.Max(vs[i / group], eps);
            var d = x[i] - t[i];
            var l = (0.5 * (Math.Log(v) + (d * d / v))) + constant;
            if (losses is not null) losses[i] = (float)l;
            total += l;
        }
        var data = losses;
        if (data is null)
        {
            data = BufferPool.Rent(1);
            data[0] = (float)(reduction == Reduction.Mean ? total / n : total);
        }
        int[] shape = losses is null ? [] : input.ShapeArray();
        return Tensor.FromOp(data, shape, Op, [input, target, variance], g => Backward(input, target, variance, eps, reduction, group, g));
    }

    private static Tensor?[] Backward(Tensor input, Tensor target, Tensor variance, float eps, Reduction reduction, int group, Tensor g)
    {
        var n = input.Length;
        var x = input.Span;
        var t = target.Span;
        var vs = variance.Span;
        var gs = g.Span;
        var scale = reduction == Reduction.None ? 0f : LossChecks.Scale(reduction, gs[0], n);
        Tensor? gx = input.RequiresGrad ? Tensor.Empty(input.ShapeArray()) : null;
        Tensor? gt = target.RequiresGrad ? Tensor.Empty(target.ShapeArray()) : null;
        Tensor? gv = variance.RequiresGrad ? Tensor.Zeros(variance.ShapeArray()) : null;
        for (var i = 0; i < n; i++)
        {
            var up = reduction == Reduction.None ? gs[i] : scale;
            var v = MathF.Max(vs[i / group], eps);
            var d = x[i] - t[i];
            var dx = up * d / v;
            if (gx is not null) gx.Span[i] = dx;
            if (gt is not null) gt.Span[i] = -dx;
            if (gv is not null) gv.Span[i / group] += up * 0.5f * ((1f / v) - (d * d / (v * v)));
        }
        return [gx, gt, gv];
    }

    /// <summary>How many consecutive input elements share one variance: 1, or the size of the last axis.</summary>
    private static int Group(Tensor input, Tensor variance)
    {
        var s = input.Shape;
        var v = variance.Shape;
        if (v.SequenceEqual(s)) return 1;
        if (s.Length == 0)
            throw new ArgumentException($"{Op}: variance of shape {ShapeText.Format(v)} does not fit a scalar input; need shape [].");
        var last = s[^1];
        var rowShape = s[..^1];
        var perRow = (v.Length == s.Length && v[..^1].SequenceEqual(rowShape) && v[^1] == 1)
            || (s.Length > 1 && v.SequenceEqual(rowShape));
        if (!perRow || last == 0)
            throw new ArgumentException($"{Op}: variance of shape {ShapeText.Format(v)} does not fit input of shape {ShapeText.Format(s)} " +
                "(need the same shape, or the same with the last axis 1 or dropped).");
        return last;
    }
}
