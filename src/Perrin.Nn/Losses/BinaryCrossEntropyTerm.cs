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
    /// Σ of <see cref="Value"/> over all elements in element order, with the logarithms taken a chunk at a time by
    /// the vectorized double-precision log instead of one call each: a 128 × 128 × 8 mask spent more in the scalar
    /// log calls than in the rest of the loss and its gradient.
    /// </summary>
    public static double Total(ReadOnlySpan<float> x, ReadOnlySpan<float> t)
    {
        const int Chunk = 2048;
        var buffer = ArrayPool<double>.Shared.Rent(4 * Chunk);
        try
        {
            var p = buffer.AsSpan(0, Chunk);
            var q = buffer.AsSpan(Chunk, Chunk);
            var logP = buffer.AsSpan(2 * Chunk, Chunk);
            var logQ = buffer.AsSpan(3 * Chunk, Chunk);
            double total = 0;
            for (var start = 0; start < x.Length; start += Chunk)
            {
                var n = Math.Min(Chunk, x.Length - start);
                for (var i = 0; i < n; i++)
                {
                    p[i] = x[start + i];
                    q[i] = 1.0 - p[i];
                }
                TensorPrimitives.Log(p[..n], logP[..n]);
                TensorPrimitives.Log(q[..n], logQ[..n]);
                for (var i = 0; i < n; i++)
                {
                    total += Term(t[start + i], Math.Max(logP[i], LogFloor), Math.Max(logQ[i], LogFloor));
                }
            }
            return total;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>One element's loss from its floored logarithms.</summary>
    private static float Term(float t, double logP, double logQ) => (float)(-((t * logP) + ((1.0 - t) * logQ)));

    // 1 − p is exact in double for a float p, so ln(1 − p) needs no log1p.
    private static (double LogP, double LogQ) Logs(float p) =>
        (Math.Max(Math.Log(p), LogFloor), Math.Max(Math.Log(1.0 - p), LogFloor));
}
