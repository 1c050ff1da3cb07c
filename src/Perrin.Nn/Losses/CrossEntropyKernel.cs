using Perrin.Nn.Tensors;

namespace Perrin.Nn.Losses;

/// <summary>
/// Softmax cross-entropy over axis 1 of logits [N, C, d1, …] with class indices [N, d1, …], as one operation: the
/// forward keeps nothing but the inputs, and the backward recomputes the softmax to write w_y·(softmax − onehot).
/// </summary>
internal static class CrossEntropyKernel
{
    private const string Op = "CrossEntropy";

    public static Tensor Run(Tensor logits, int[] classes, int[] targetShape, Tensor? weight, int ignoreIndex, Reduction reduction)
    {
        LossChecks.Known(reduction, Op);
        var (outer, c, inner) = Geometry(logits, targetShape, weight);
        var x = logits.Span;
        var lane = new float[c];
        var losses = reduction == Reduction.None ? BufferPool.Rent(classes.Length) : null;
        double total = 0, weightSum = 0;
        for (var o = 0; o < outer; o++)
        {
            for (var j = 0; j < inner; j++)
            {
                var e = (o * inner) + j;
                var y = classes[e];
                if (y == ignoreIndex)
                {
                    if (losses is not null) losses[e] = 0f;
                    continue;
                }
                var b = (o * c * inner) + j;
                for (var k = 0; k < c; k++) lane[k] = x[b + (k * inner)];
                var w = weight is null ? 1f : weight.Span[y];
                var l = w * (LogSumExp(lane) - lane[y]);
                if (losses is not null) losses[e] = (float)l;
                total += l;
                weightSum += w;
            }
        }
        float[] data;
        int[] shape;
        if (losses is not null)
        {
            data = losses;
            shape = (int[])targetShape.Clone();
        }
        else
        {
            data = BufferPool.Rent(1);
            // With every element ignored the mean is 0/0, NaN, as in PyTorch.
            data[0] = (float)(reduction == Reduction.Mean ? total / weightSum : total);
            shape = [];
        }
        Tensor[] inputs = weight is null ? [logits] : [logits, weight];
        return Tensor.FromOp(data, shape, Op, inputs, g =>
        {
            var grads = new Tensor?[inputs.Length];
            if (logits.RequiresGrad) grads[0] = Backward(logits, classes, weight, ignoreIndex, reduction, weightSum, g, outer, c, inner);
            return grads;
        });
    }

    private static Tensor Backward(Tensor logits, int[] classes, Tensor? weight, int ignoreIndex, Reduction reduction, double weightSum,
        Tensor g, int outer, int c, int inner)
    {
        var gx = Tensor.Zeros(logits.ShapeArray());
        var d = gx.Span;
        var x = logits.Span;
        var gs = g.Span;
        var scale = reduction == Reduction.None ? 0f : LossChecks.Scale(reduction, gs[0], weightSum);
        var lane = new float[c];
        for (var o = 0; o < outer; o++)
        {
            for (var j = 0; j < inner; j++)
            {
                var e = (o * inner) + j;
                var y = classes[e];
                if (y == ignoreIndex) continue;
                var b = (o * c * inner) + j;
                for (var k = 0; k < c; k++) lane[k] = x[b + (k * inner)];
                var coef = (weight is null ? 1f : weight.Span[y]) * (reduction == Reduction.None ? gs[e] : scale);
                var max = Max(lane);
                double sum = 0;
                for (var k = 0; k < c; k++) sum += Math.Exp(lane[k] - max);
                var inv = 1.0 / sum;
                for (var k = 0; k < c; k++)
                {
                    var p = (float)(Math.Exp(lane[k] - max) * inv);
                    d[b + (k * inner)] = coef * (k == y ? p - 1f : p);
                }
            }
        }
        return gx;
    }

    private static double LogSumExp(float[] lane)
    {
        var max = Max(lane);
        double sum = 0;
        foreach (var v in lane) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }

    private static float Max(float[] lane)
    {
        var max = float.NegativeInfinity;
        foreach (var v in lane) max = MathF.Max(max, v);
        return max;
    }

    private static (int Outer, int C, int Inner) Geometry(Tensor logits, int[] targetShape, Tensor? weight)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var expected = logits.Rank >= 2 ? ExpectedTarget(logits.Shape) : null;
        if (expected is null || !expected.AsSpan().SequenceEqual(targetShape))
            throw new ArgumentException($"{Op}: logits of shape {ShapeText.Format(logits.Shape)} need targets of shape " +
                $"{(expected is null ? "[N, …] with logits [N, C, …]" : ShapeText.Format(expected))}, got {ShapeText.Format(targetShape)}.");
        var c = logits.Shape[1];
        if (c == 0 || logits.Length == 0) throw new ArgumentException($"{Op}: logits of shape {ShapeText.Format(logits.Shape)} are empty.");
        if (weight is not null && (weight.Rank != 1 || weight.Length != c))
            throw new ArgumentException($"{Op}: class weights of shape {ShapeText.Format(weight.Shape)} for logits of shape {ShapeText.Format(logits.Shape)}; need [{c}].");
        var inner = logits.Length / (logits.Shape[0] * c);
        return (logits.Shape[0], c, inner);
    }

    private static int[] ExpectedTarget(ReadOnlySpan<int> logits)
    {
        var shape = new int[logits.Length - 1];
        shape[0] = logits[0];
        for (var i = 2; i < logits.Length; i++) shape[i - 1] = logits[i];
        return shape;
    }

    /// <summary>Checks every target is a class of [0, C) or the ignored index.</summary>
    public static void CheckClasses(ReadOnlySpan<int> classes, int c, int ignoreIndex)
    {
        for (var i = 0; i < classes.Length; i++)
            if ((uint)classes[i] >= (uint)c && classes[i] != ignoreIndex)
                throw new ArgumentException($"{Op}: target {classes[i]} at element {i} is not a class index in [0, {c}) nor the ignored index {ignoreIndex}.");
    }

    /// <summary>Class indices stored as floats, as PyTorch fixtures and mask images hold them.</summary>
    public static int[] FromFloats(ReadOnlySpan<float> targets)
    {
        var classes = new int[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            var v = targets[i];
            if (!(MathF.Round(v) == v && MathF.Abs(v) <= 1 << 24))
                throw new ArgumentException($"{Op}: target {v} at element {i} is not an integer class index.");
            classes[i] = (int)v;
        }
        return classes;
    }
}
