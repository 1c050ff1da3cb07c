using System.Numerics.Tensors;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>Sums, means and softmax along axes.</summary>
public static class Reductions
{
    /// <summary>The sum of all elements, as a scalar.</summary>
    public static Tensor Sum(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var data = BufferPool.Rent(1);
        data[0] = SumDeterministic(x.Span);
        return Tensor.FromOp(data, [], "Sum", [x], g => [Tensor.Full(g.Span[0], x.ShapeArray())]);
    }

    /// <summary>The mean of all elements, as a scalar.</summary>
    public static Tensor Mean(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length == 0) throw new ArgumentException($"Mean: tensor of shape {ShapeText.Format(x.Shape)} is empty.");
        var data = BufferPool.Rent(1);
        data[0] = SumDeterministic(x.Span) / x.Length;
        return Tensor.FromOp(data, [], "Mean", [x], g => [Tensor.Full(g.Span[0] / x.Length, x.ShapeArray())]);
    }

    /// <summary>The sum over <paramref name="axes"/>; with <paramref name="keepDims"/> they stay as size 1.</summary>
    public static Tensor Sum(Tensor x, int[] axes, bool keepDims = false) => SumScaled(x, axes, keepDims, 1f, "Sum");

    /// <summary>The mean over <paramref name="axes"/>.</summary>
    public static Tensor Mean(Tensor x, int[] axes, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(axes);
        var count = 1;
        var reduced = Normalize(axes, x.Rank, "Mean");
        for (var a = 0; a < x.Rank; a++) if (reduced[a]) count *= x.Shape[a];
        if (count == 0) throw new ArgumentException($"Mean: axes of shape {ShapeText.Format(x.Shape)} are empty.");
        return SumScaled(x, axes, keepDims, 1f / count, "Mean");
    }

    private static Tensor SumScaled(Tensor x, int[] axes, bool keepDims, float scale, string op)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(axes);
        var reduced = Normalize(axes, x.Rank, op);
        var keep = x.ShapeArray();
        for (var a = 0; a < keep.Length; a++) if (reduced[a]) keep[a] = 1;
        var sums = BroadcastKernels.ReduceTo(x, keep);
        if (scale != 1f) TensorPrimitives.Multiply(sums.Span, scale, sums.Span);
        var outShape = keepDims ? keep : Squeeze(keep, reduced);
        var data = BufferPool.Rent(sums.Length);
        sums.Span.CopyTo(data);
        sums.Dispose();
        return Tensor.FromOp(data, outShape, op, [x], g =>
        {
            using var gk = Tensor.FromArray(g.Span, keep);
            var gx = BroadcastKernels.Expand(gk, x.Shape);
            if (scale != 1f) TensorPrimitives.Multiply(gx.Span, scale, gx.Span);
            return [gx];
        });
    }

    private static int[] Squeeze(int[] keep, bool[] reduced)
    {
        var list = new List<int>();
        for (var i = 0; i < keep.Length; i++) if (!reduced[i]) list.Add(keep[i]);
        return [.. list];
    }

    private static bool[] Normalize(int[] axes, int rank, string op)
    {
        var reduced = new bool[rank];
        foreach (var axis in axes)
        {
            var a = ShapeText.Axis(axis, rank, op);
            if (reduced[a]) throw new ArgumentException($"{op}: axis {axis} is given twice.");
            reduced[a] = true;
        }
        return reduced;
    }

    /// <summary>Softmax along <paramref name="axis"/>.</summary>
    public static Tensor Softmax(Tensor x, int axis) => SoftmaxCore(x, axis, log: false);

    /// <summary>log(softmax) along <paramref name="axis"/>, computed stably.</summary>
    public static Tensor LogSoftmax(Tensor x, int axis) => SoftmaxCore(x, axis, log: true);

    private static Tensor SoftmaxCore(Tensor x, int axis, bool log)
    {
        ArgumentNullException.ThrowIfNull(x);
        var op = log ? "LogSoftmax" : "Softmax";
        var a = ShapeText.Axis(axis, x.Rank, op);
        var (outer, n, inner) = Split(x.Shape, a);
        var data = BufferPool.Rent(x.Length);
        var src = x.Span;
        var lane = new float[n];
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var b = (o * n * inner) + i;
                for (var k = 0; k < n; k++) lane[k] = src[b + (k * inner)];
                var max = TensorPrimitives.Max(lane);
                var sum = 0f;
                for (var k = 0; k < n; k++) sum += MathF.Exp(lane[k] - max);
                // Shifting by the maximum before subtracting log Σ keeps precision for large logits.
                var logSum = MathF.Log(sum);
                var inv = 1f / sum;
                for (var k = 0; k < n; k++)
                    data[b + (k * inner)] = log ? lane[k] - max - logSum : MathF.Exp(lane[k] - max) * inv;
            }
        }
        Tensor? y = null;
        y = Tensor.FromOp(data, x.ShapeArray(), op, [x], g =>
        {
            var gx = Tensor.Empty(x.ShapeArray());
            var gs = g.Span;
            var ys = y!.Span;
            var d = gx.Span;
            for (var o = 0; o < outer; o++)
            {
                for (var i = 0; i < inner; i++)
                {
                    var b = (o * n * inner) + i;
                    var dot = 0f;
                    for (var k = 0; k < n; k++) dot += log ? gs[b + (k * inner)] : gs[b + (k * inner)] * ys[b + (k * inner)];
                    for (var k = 0; k < n; k++)
                    {
                        var j = b + (k * inner);
                        d[j] = log ? gs[j] - (MathF.Exp(ys[j]) * dot) : ys[j] * (gs[j] - dot);
                    }
                }
            }
            return [gx];
        });
        return y;
    }

    /// <summary>The sizes before, of and after an axis.</summary>
    internal static (int Outer, int N, int Inner) Split(ReadOnlySpan<int> shape, int axis)
    {
        int outer = 1, inner = 1;
        for (var i = 0; i < axis; i++) outer *= shape[i];
        for (var i = axis + 1; i < shape.Length; i++) inner *= shape[i];
        return (outer, shape[axis], inner);
    }

    /// <summary>A sum whose rounding depends only on the values: fixed blocks of 4096 summed in order.</summary>
    internal static float SumDeterministic(ReadOnlySpan<float> values)
    {
        const int Block = 4096;
        double total = 0;
        for (var i = 0; i < values.Length; i += Block)
            total += TensorPrimitives.Sum(values.Slice(i, Math.Min(Block, values.Length - i)));
        return (float)total;
    }
}
