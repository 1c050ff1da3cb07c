using Perrin.Nn.Backends;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>Matrix products through the backend's GEMM.</summary>
public static class LinearAlgebra
{
    /// <summary>[m, k]·[k, n] → [m, n], or batched [B, m, k]·[B, k, n] → [B, m, n].</summary>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var batched = a.Rank == 3;
        if (!((a.Rank == 2 && b.Rank == 2) || (a.Rank == 3 && b.Rank == 3 && a.Shape[0] == b.Shape[0])) || a.Shape[^1] != b.Shape[^2])
            throw new ArgumentException($"MatMul: shapes {ShapeText.Format(a.Shape)} and {ShapeText.Format(b.Shape)} do not multiply (need [m,k]·[k,n] or [B,m,k]·[B,k,n]).");
        var batch = batched ? a.Shape[0] : 1;
        int m = a.Shape[^2], k = a.Shape[^1], n = b.Shape[^1];
        var outShape = batched ? new[] { batch, m, n } : [m, n];
        var data = BufferPool.Rent(batch * m * n);
        var be = Backend.Current;
        for (var i = 0; i < batch; i++)
            be.Gemm(false, false, m, n, k, 1f, a.Span.Slice(i * m * k, m * k), k, b.Span.Slice(i * k * n, k * n), n, 0f, data.AsSpan(i * m * n, m * n), n);
        return Tensor.FromOp(data, outShape, "MatMul", [a, b], g =>
        {
            Tensor? ga = null, gb = null;
            if (a.RequiresGrad)
            {
                ga = Tensor.Empty(a.ShapeArray());
                for (var i = 0; i < batch; i++)
                    be.Gemm(false, true, m, k, n, 1f, g.Span.Slice(i * m * n, m * n), n, b.Span.Slice(i * k * n, k * n), n, 0f, ga.Span.Slice(i * m * k, m * k), k);
            }
            if (b.RequiresGrad)
            {
                gb = Tensor.Empty(b.ShapeArray());
                for (var i = 0; i < batch; i++)
                    be.Gemm(true, false, k, n, m, 1f, a.Span.Slice(i * m * k, m * k), k, g.Span.Slice(i * m * n, m * n), n, 0f, gb.Span.Slice(i * k * n, k * n), n);
            }
            return [ga, gb];
        });
    }

    /// <summary>x·wᵀ + b for x [N, in], w [out, in] and b [out] (or null), as PyTorch's linear.</summary>
    public static Tensor Linear(Tensor x, Tensor w, Tensor? b)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        if (x.Rank != 2 || w.Rank != 2 || x.Shape[1] != w.Shape[1])
            throw new ArgumentException($"Linear: input {ShapeText.Format(x.Shape)} does not match weight {ShapeText.Format(w.Shape)} (need [N, in] and [out, in]).");
        if (b is not null && (b.Rank != 1 || b.Shape[0] != w.Shape[0]))
            throw new ArgumentException($"Linear: bias {ShapeText.Format(b.Shape)} does not match weight {ShapeText.Format(w.Shape)} (need [out]).");
        int n = x.Shape[0], inF = x.Shape[1], outF = w.Shape[0];
        var data = BufferPool.Rent(n * outF);
        var be = Backend.Current;
        if (b is not null)
            for (var i = 0; i < n; i++) b.Span.CopyTo(data.AsSpan(i * outF, outF));
        be.Gemm(false, true, n, outF, inF, 1f, x.Span, inF, w.Span, inF, b is null ? 0f : 1f, data.AsSpan(0, n * outF), outF);
        Tensor[] inputs = b is null ? [x, w] : [x, w, b];
        return Tensor.FromOp(data, [n, outF], "Linear", inputs, g =>
        {
            var grads = new Tensor?[inputs.Length];
            if (x.RequiresGrad)
            {
                var gx = Tensor.Empty(x.ShapeArray());
                be.Gemm(false, false, n, inF, outF, 1f, g.Span, outF, w.Span, inF, 0f, gx.Span, inF);
                grads[0] = gx;
            }
            if (w.RequiresGrad)
            {
                var gw = Tensor.Empty(w.ShapeArray());
                be.Gemm(true, false, outF, inF, n, 1f, g.Span, outF, x.Span, inF, 0f, gw.Span, inF);
                grads[1] = gw;
            }
            if (b is not null && b.RequiresGrad) grads[2] = BroadcastKernels.ReduceTo(g, b.Shape);
            return grads;
        });
    }
}
