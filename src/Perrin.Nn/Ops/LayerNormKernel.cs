using System.Numerics.Tensors;
using Perrin.Nn.Backends;
using Perrin.Nn.Backends.Cpu;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Ops;

/// <summary>Layer normalization over the last D values of each row, with elementwise weight and bias of D values.</summary>
internal static class LayerNormKernel
{
    private const string Op = "LayerNorm";

    public static Tensor Run(Tensor x, int[] normalizedShape, Tensor? weight, Tensor? bias, float eps)
    {
        var k = normalizedShape.Length;
        var matches = k >= 1 && k <= x.Rank;
        for (var i = 0; matches && i < k; i++) matches = x.Shape[x.Rank - k + i] == normalizedShape[i];
        if (!matches)
            throw new ArgumentException($"{Op}: normalized shape {ShapeText.Format(normalizedShape)} is not the trailing shape of input {ShapeText.Format(x.Shape)}.");
        CheckAffine("weight", weight, normalizedShape);
        CheckAffine("bias", bias, normalizedShape);
        Normalization.CheckEps(Op, eps);
        var d = ShapeText.Product(normalizedShape);
        if (d < 1)
            throw new ArgumentException($"{Op}: normalized shape {ShapeText.Format(normalizedShape)} is empty.");
        var rows = x.Length / d;
        var mean = new float[rows];
        var invStd = new float[rows];
        var data = BufferPool.Rent(x.Length);
        var xs = x.Data;
        var w = weight?.Data;
        var b = bias?.Data;
        CpuParallel.For(rows, Threads(x.Length), r =>
        {
            var src = xs.AsSpan(r * d, d);
            var dst = data.AsSpan(r * d, d);
            var m = TensorPrimitives.Sum(src) / d;
            TensorPrimitives.Subtract(src, m, dst);
            var inv = 1f / MathF.Sqrt((TensorPrimitives.SumOfSquares<float>(dst) / d) + eps);
            TensorPrimitives.Multiply(dst, inv, dst);
            if (w is not null) TensorPrimitives.Multiply(dst, w, dst);
            if (b is not null) TensorPrimitives.Add(dst, b, dst);
            mean[r] = m;
            invStd[r] = inv;
        });
        var list = new List<Tensor>(3) { x };
        if (weight is not null) list.Add(weight);
        if (bias is not null) list.Add(bias);
        Tensor[] inputs = [.. list];
        return Tensor.FromOp(data, x.ShapeArray(), Op, inputs, g => Backward(g.Data, x, weight, bias, inputs.Length, d, mean, invStd));
    }

    private static Tensor?[] Backward(float[] g, Tensor x, Tensor? weight, Tensor? bias, int inputCount, int d, float[] mean, float[] invStd)
    {
        var rows = mean.Length;
        var xs = x.Data;
        var w = weight?.Data;
        var grads = new Tensor?[inputCount];
        if (x.RequiresGrad)
        {
            var dx = Tensor.Empty(x.ShapeArray());
            var dxs = dx.Data;
            CpuParallel.For(rows, Threads(x.Length), 2 * d, (r, scratch) =>
            {
                var xhat = scratch.AsSpan(0, d);
                var gw = scratch.AsSpan(d, d);
                var inv = invStd[r];
                TensorPrimitives.Subtract(xs.AsSpan(r * d, d), mean[r], xhat);
                TensorPrimitives.Multiply(xhat, inv, xhat);
                if (w is null) g.AsSpan(r * d, d).CopyTo(gw);
                else TensorPrimitives.Multiply(g.AsSpan(r * d, d), w, gw);
                var s1 = TensorPrimitives.Sum<float>(gw);
                var s2 = TensorPrimitives.Dot<float>(gw, xhat);
                var dst = dxs.AsSpan(r * d, d);
                PlaneKernels.ScaleShift(xhat, -inv * s2 / d, -inv * s1 / d, dst);
                TensorPrimitives.MultiplyAdd(gw, inv, dst, dst);
            });
            grads[0] = dx;
        }
        var needW = weight is not null && weight.RequiresGrad;
        var needB = bias is not null && bias.RequiresGrad;
        if (!needW && !needB) return grads;
        var dw = needW ? Tensor.Zeros(weight!.ShapeArray()) : null;
        var db = needB ? Tensor.Zeros(bias!.ShapeArray()) : null;
        var xhatRow = new float[d];
        for (var r = 0; r < rows; r++)
        {
            var gr = g.AsSpan(r * d, d);
            if (db is not null) TensorPrimitives.Add(db.Span, gr, db.Span);
            if (dw is null) continue;
            TensorPrimitives.Subtract(xs.AsSpan(r * d, d), mean[r], xhatRow);
            TensorPrimitives.Multiply(xhatRow, invStd[r], xhatRow);
            TensorPrimitives.MultiplyAdd(gr, xhatRow, dw.Span, dw.Span);
        }
        if (weight is not null) grads[1] = dw;
        if (bias is not null) grads[weight is null ? 1 : 2] = db;
        return grads;
    }

    private static int Threads(int values) => values < (1 << 15) ? 1 : Backend.Current.Threads;

    private static void CheckAffine(string name, Tensor? t, int[] normalizedShape)
    {
        if (t is not null && !t.Shape.SequenceEqual(normalizedShape))
            throw new ArgumentException($"{Op}: {name} of shape {ShapeText.Format(t.Shape)} does not match normalized shape {ShapeText.Format(normalizedShape)}.");
    }
}
