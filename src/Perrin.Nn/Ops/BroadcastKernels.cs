using System.Numerics.Tensors;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>Row loops over a <see cref="BroadcastPlan"/>, each row done by TensorPrimitives.</summary>
internal static class BroadcastKernels
{
    public static void Binary(BinaryKind kind, BroadcastPlan plan, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> dst)
    {
        var n = plan.Dims[^1];
        var ia = plan.StrideA[^1];
        var ib = plan.StrideB[^1];
        var rows = plan.Rows;
        for (var r = 0; r < rows; r++)
        {
            var (oa, ob) = plan.RowOffsets(r);
            var d = dst.Slice(r * n, n);
            if (ia == 1 && ib == 1) Row(kind, a.Slice(oa, n), b.Slice(ob, n), d);
            else if (ia == 1) RowScalarB(kind, a.Slice(oa, n), b[ob], d);
            else if (ib == 1) RowScalarA(kind, a[oa], b.Slice(ob, n), d);
            else d.Fill(Apply(kind, a[oa], b[ob]));
        }
    }

    private static void Row(BinaryKind kind, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d)
    {
        switch (kind)
        {
            case BinaryKind.Add: TensorPrimitives.Add(x, y, d); break;
            case BinaryKind.Sub: TensorPrimitives.Subtract(x, y, d); break;
            case BinaryKind.Mul: TensorPrimitives.Multiply(x, y, d); break;
            default: TensorPrimitives.Divide(x, y, d); break;
        }
    }

    private static void RowScalarB(BinaryKind kind, ReadOnlySpan<float> x, float y, Span<float> d)
    {
        switch (kind)
        {
            case BinaryKind.Add: TensorPrimitives.Add(x, y, d); break;
            case BinaryKind.Sub: TensorPrimitives.Subtract(x, y, d); break;
            case BinaryKind.Mul: TensorPrimitives.Multiply(x, y, d); break;
            default: TensorPrimitives.Divide(x, y, d); break;
        }
    }

    private static void RowScalarA(BinaryKind kind, float x, ReadOnlySpan<float> y, Span<float> d)
    {
        switch (kind)
        {
            case BinaryKind.Add: TensorPrimitives.Add(y, x, d); break;
            case BinaryKind.Sub: TensorPrimitives.Subtract(x, y, d); break;
            case BinaryKind.Mul: TensorPrimitives.Multiply(y, x, d); break;
            default: TensorPrimitives.Divide(x, y, d); break;
        }
    }

    private static float Apply(BinaryKind kind, float x, float y) => kind switch
    {
        BinaryKind.Add => x + y,
        BinaryKind.Sub => x - y,
        BinaryKind.Mul => x * y,
        _ => x / y,
    };

    /// <summary>Sums a gradient of the broadcast output shape back onto the shape an operand had.</summary>
    public static Tensor ReduceTo(Tensor g, ReadOnlySpan<int> shape)
    {
        if (g.Shape.SequenceEqual(shape)) return Tensor.FromArray(g.Span, shape.ToArray());
        var result = Tensor.Zeros(shape.ToArray());
        var plan = BroadcastPlan.Reduction(g.Shape, shape);
        var n = plan.Dims[^1];
        var it = plan.StrideA[^1];
        var src = g.Span;
        var dst = result.Span;
        var rows = plan.Rows;
        for (var r = 0; r < rows; r++)
        {
            var (ot, og) = plan.RowOffsets(r);
            var run = src.Slice(og, n);
            if (it == 1) TensorPrimitives.Add(dst.Slice(ot, n), run, dst.Slice(ot, n));
            else dst[ot] += TensorPrimitives.Sum(run);
        }
        return result;
    }

    /// <summary>Repeats a tensor along the axes where its shape has 1 (or is missing) to fill <paramref name="shape"/>.</summary>
    public static Tensor Expand(Tensor src, ReadOnlySpan<int> shape)
    {
        var result = Tensor.Empty(shape.ToArray());
        var plan = BroadcastPlan.Reduction(shape, src.Shape);
        var n = plan.Dims[^1];
        var it = plan.StrideA[^1];
        var s = src.Span;
        var dst = result.Span;
        var rows = plan.Rows;
        for (var r = 0; r < rows; r++)
        {
            var (os, od) = plan.RowOffsets(r);
            if (it == 1) s.Slice(os, n).CopyTo(dst.Slice(od, n));
            else dst.Slice(od, n).Fill(s[os]);
        }
        return result;
    }
}
