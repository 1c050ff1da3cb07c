using Perrin.Nn.Tensors;

namespace Perrin.Nn.Losses;

/// <summary>
/// Runs a per-element loss as one fused operation: the forward reduces in double, in element order (so the result
/// does not depend on threads), and the backward writes ∂loss/∂x and ∂loss/∂t from the closed forms.
/// </summary>
internal static class PointwiseLoss
{
    public static Tensor Run<TLoss>(string op, TLoss loss, Tensor input, Tensor target, Reduction reduction)
        where TLoss : struct, IPointwiseLoss
    {
        LossChecks.SameShape(op, input, target);
        LossChecks.Known(reduction, op);
        var n = input.Length;
        var x = input.Span;
        var t = target.Span;
        float[] data;
        int[] shape;
        if (reduction == Reduction.None)
        {
            data = BufferPool.Rent(n);
            for (var i = 0; i < n; i++) data[i] = loss.Value(i, x[i], t[i]);
            shape = input.ShapeArray();
        }
        else
        {
            double total = 0;
            if (loss is BinaryCrossEntropyTerm) total = BinaryCrossEntropyTerm.Total(x, t);
            else for (var i = 0; i < n; i++) total += loss.Value(i, x[i], t[i]);
            data = BufferPool.Rent(1);
            data[0] = (float)(reduction == Reduction.Mean ? total / n : total);
            shape = [];
        }
        return Tensor.FromOp(data, shape, op, [input, target], g => Backward(loss, input, target, reduction, g));
    }

    private static Tensor?[] Backward<TLoss>(TLoss loss, Tensor input, Tensor target, Reduction reduction, Tensor g)
        where TLoss : struct, IPointwiseLoss
    {
        var n = input.Length;
        var x = input.Span;
        var t = target.Span;
        var gs = g.Span;
        var perElement = reduction == Reduction.None;
        var scale = perElement ? 0f : LossChecks.Scale(reduction, gs[0], n);
        Tensor? gx = null, gt = null;
        if (input.RequiresGrad)
        {
            gx = Tensor.Empty(input.ShapeArray());
            var d = gx.Span;
            for (var i = 0; i < n; i++) d[i] = (perElement ? gs[i] : scale) * loss.InputGrad(i, x[i], t[i]);
        }
        if (target.RequiresGrad)
        {
            gt = Tensor.Empty(target.ShapeArray());
            var d = gt.Span;
            for (var i = 0; i < n; i++) d[i] = (perElement ? gs[i] : scale) * loss.TargetGrad(i, x[i], t[i]);
        }
        return [gx, gt];
    }
}
