using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>Reshape, permute, slice and concatenate. Results are contiguous copies.</summary>
public static class Reshaping
{
    /// <summary>The same values in a new shape; one dimension may be −1 and is inferred.</summary>
    public static Tensor Reshape(Tensor x, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        var resolved = Resolve(shape, x.Length, x.Shape);
        var data = BufferPool.Rent(x.Length);
        x.Span.CopyTo(data);
        return Tensor.FromOp(data, resolved, "Reshape", [x], g => [Tensor.FromArray(g.Span, x.ShapeArray())]);
    }

    /// <summary>Merges the axes from <paramref name="startAxis"/> on into one (N×C×H×W → N×CHW by default).</summary>
    public static Tensor Flatten(Tensor x, int startAxis = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var s = ShapeText.Axis(startAxis, Math.Max(x.Rank, 1), "Flatten");
        var shape = new int[s + 1];
        for (var i = 0; i < s; i++) shape[i] = x.Shape[i];
        var rest = 1;
        for (var i = s; i < x.Rank; i++) rest *= x.Shape[i];
        shape[s] = rest;
        return Reshape(x, shape);
    }

    private static int[] Resolve(int[] shape, int length, ReadOnlySpan<int> from)
    {
        var result = (int[])shape.Clone();
        var infer = -1;
        long known = 1;
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i] == -1)
            {
                if (infer >= 0) throw new ArgumentException($"Reshape: shape {ShapeText.Format(shape)} has more than one -1.");
                infer = i;
            }
            else if (result[i] < 0)
            {
                throw new ArgumentException($"Reshape: shape {ShapeText.Format(shape)} has a negative dimension.");
            }
            else
            {
                known *= result[i];
            }
        }
        if (infer >= 0)
        {
            if (known == 0 || length % known != 0)
                throw new ArgumentException($"Reshape: cannot reshape {ShapeText.Format(from)} ({length} elements) into {ShapeText.Format(shape)}.");
            result[infer] = (int)(length / known);
        }
        else if (known != length)
        {
            throw new ArgumentException($"Reshape: cannot reshape {ShapeText.Format(from)} ({length} elements) into {ShapeText.Format(shape)}.");
        }
        return result;
    }

    /// <summary>Reorders the axes: output axis i is input axis perm[i].</summary>
    public static Tensor Permute(Tensor x, params int[] perm)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(perm);
        if (perm.Length != x.Rank)
            throw new ArgumentException($"Permute: permutation {ShapeText.Format(perm)} for a tensor of shape {ShapeText.Format(x.Shape)}.");
        var seen = new bool[perm.Length];
        var p = new int[perm.Length];
        for (var i = 0; i < perm.Length; i++)
        {
            p[i] = ShapeText.Axis(perm[i], x.Rank, "Permute");
            if (seen[p[i]]) throw new ArgumentException($"Permute: {ShapeText.Format(perm)} is not a permutation.");
            seen[p[i]] = true;
        }
        var inverse = new int[p.Length];
        for (var i = 0; i < p.Length; i++) inverse[p[i]] = i;
        var outShape = new int[p.Length];
        for (var i = 0; i < p.Length; i++) outShape[i] = x.Shape[p[i]];
        var data = BufferPool.Rent(x.Length);
        Transpose(x.Span, x.Shape, p, data);
        return Tensor.FromOp(data, outShape, "Permute", [x], g =>
        {
            var gx = Tensor.Empty(x.ShapeArray());
            Transpose(g.Span, outShape, inverse, gx.Span);
            return [gx];
        });
    }

    private static void Transpose(ReadOnlySpan<float> src, ReadOnlySpan<int> shape, int[] perm, Span<float> dst)
    {
        var rank = shape.Length;
        var srcStrides = ShapeText.Strides(shape);
        var outShape = new int[rank];
        var stride = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            outShape[i] = shape[perm[i]];
            stride[i] = srcStrides[perm[i]];
        }
        if (rank == 0)
        {
            if (src.Length > 0) dst[0] = src[0];
            return;
        }
        var index = new int[rank];
        var inner = outShape[rank - 1];
        var innerStride = stride[rank - 1];
        var total = src.Length;
        var o = 0;
        while (o < total)
        {
            var offset = 0;
            for (var i = 0; i < rank - 1; i++) offset += index[i] * stride[i];
            for (var k = 0; k < inner; k++) dst[o + k] = src[offset + (k * innerStride)];
            o += inner;
            for (var i = rank - 2; i >= 0; i--)
            {
                if (++index[i] < outShape[i]) break;
                index[i] = 0;
            }
        }
    }

    /// <summary>Elements [start, start + length) along <paramref name="axis"/>.</summary>
    public static Tensor Slice(Tensor x, int axis, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(x);
        var a = ShapeText.Axis(axis, x.Rank, "Slice");
        if (start < 0 || length < 0 || start + length > x.Shape[a])
            throw new ArgumentException($"Slice: [{start}, {start + length}) on axis {axis} of a tensor of shape {ShapeText.Format(x.Shape)}.");
        var (outer, n, inner) = Reductions.Split(x.Shape, a);
        var outShape = x.ShapeArray();
        outShape[a] = length;
        var data = BufferPool.Rent(outer * length * inner);
        var src = x.Span;
        for (var o = 0; o < outer; o++)
            src.Slice(((o * n) + start) * inner, length * inner).CopyTo(data.AsSpan(o * length * inner));
        return Tensor.FromOp(data, outShape, "Slice", [x], g =>
        {
            var gx = Tensor.Zeros(x.ShapeArray());
            var gs = g.Span;
            var d = gx.Span;
            for (var o = 0; o < outer; o++)
                gs.Slice(o * length * inner, length * inner).CopyTo(d.Slice(((o * n) + start) * inner));
            return [gx];
        });
    }

    /// <summary>Joins tensors along <paramref name="axis"/>; all other dimensions must agree.</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> xs, int axis)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Count == 0) throw new ArgumentException("Concat: no tensors given.");
        var first = xs[0];
        var a = ShapeText.Axis(axis, first.Rank, "Concat");
        var total = 0;
        foreach (var t in xs)
        {
            if (t.Rank != first.Rank)
                throw new ArgumentException($"Concat: shapes {ShapeText.Format(first.Shape)} and {ShapeText.Format(t.Shape)} differ in rank.");
            for (var i = 0; i < t.Rank; i++)
                if (i != a && t.Shape[i] != first.Shape[i])
                    throw new ArgumentException($"Concat along axis {axis}: shapes {ShapeText.Format(first.Shape)} and {ShapeText.Format(t.Shape)} differ on axis {i}.");
            total += t.Shape[a];
        }
        var outShape = first.ShapeArray();
        outShape[a] = total;
        var (outer, _, inner) = Reductions.Split(outShape, a);
        var data = BufferPool.Rent(ShapeText.Product(outShape));
        var inputs = xs.ToArray();
        var offset = 0;
        foreach (var t in inputs)
        {
            var run = t.Shape[a] * inner;
            var src = t.Span;
            for (var o = 0; o < outer; o++) src.Slice(o * run, run).CopyTo(data.AsSpan((o * total * inner) + offset));
            offset += run;
        }
        return Tensor.FromOp(data, outShape, "Concat", inputs, g =>
        {
            var grads = new Tensor?[inputs.Length];
            var gs = g.Span;
            var off = 0;
            for (var k = 0; k < inputs.Length; k++)
            {
                var t = inputs[k];
                var run = t.Shape[a] * inner;
                if (t.RequiresGrad)
                {
                    var gt = Tensor.Empty(t.ShapeArray());
                    var d = gt.Span;
                    for (var o = 0; o < outer; o++) gs.Slice((o * total * inner) + off, run).CopyTo(d.Slice(o * run));
                    grads[k] = gt;
                }
                off += run;
            }
            return grads;
        });
    }
}
