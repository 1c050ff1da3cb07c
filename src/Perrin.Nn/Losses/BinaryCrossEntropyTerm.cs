using System.Buffers;
using System.Numerics.Tensors;

namespace Perrin.Nn.Losses;

/// <summary>
/// −(t·ln p + (1 − t)·ln(1 − p)) on probabilities, each logarithm floored at −100 and the input gradient's
/// denominator p(1 − p) at 1e-12, exactly where PyTorch's BCELoss puts them, so saturated outputs stay finite.
/// </summary>
internal readonly struct BinaryCrossEntropyTerm : IPointwiseLoss
{
    private const double LogFloor = -100.0;
    private const float DenominatorFloor = 1e-12f;

    public float Value(int i, float x, float t)
    {
        var (logP, logQ) = Logs(x);
        return Term(t, logP, logQ);
    }

    public float InputGrad(int i, float x, float t) => (x - t) / MathF.Max((1f - x) * x, DenominatorFloor);

    public float TargetGrad(int i, float x, float t)
    {
        var (logP, logQ) = Logs(x);
        return (float)(logQ - logP);
    }

    /// <summary>
    /// Σ of the elements' losses in element order, in double, with the logarithms taken a chunk at a time by the
    /// vectorized single-precision log, as PyTorch's BCELoss takes them. A double-precision log per element, even
    /// vectorized, cost as much as the loss's gradient on a 128 × 128 × 8 mask. For p ≥ 0.5, 1 − p is exact in float;
    /// below, its rounding moves ln(1 − p) by less than 1e-7.
    /// </summary>
    public static double Total(ReadOnlySpan<float> x, ReadOnlySpan<float> t)
    {
        const int Chunk = 2048;
        var buffer = ArrayPool<float>.Shared.Rent(2 * Chunk);
        try
        {
            var logP = buffer.AsSpan(0, Chunk);
            var logQ = buffer.AsSpan(Chunk, Chunk);
            double total = 0;
            for (var start = 0; start < x.Length; start += Chunk)
            {
                var n = Math.Min(Chunk, x.Length - start);
                var p = x.Slice(start, n);
                var lp = logP[..n];
                var lq = logQ[..n];
                TensorPrimitives.Log(p, lp);
                TensorPrimitives.Subtract(1f, p, lq);
                TensorPrimitives.Log(lq, lq);
                TensorPrimitives.Max(lp, (float)LogFloor, lp);
                TensorPrimitives.Max(lq, (float)LogFloor, lq);
                var tt = t.Slice(start, n);
                for (var i = 0; i < n; i++) total += Term(tt[i], lp[i], lq[i]);
            }
            return total;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>One element's loss from its floored logarithms.</summary>
    private static float Term(float t, double logP, double logQ) => (float)(-((t * logP) + ((1.0 - t) * logQ)));

    // 1 − p is exact in double for a float p, so ln(1 − p) needs no log1p.
    private static (double LogP, double LogQ) Logs(float p) =>
        (Math.Max(Math.Log(p), LogFloor), Math.Max(Math.Log(1.0 - p), LogFloor));
}
