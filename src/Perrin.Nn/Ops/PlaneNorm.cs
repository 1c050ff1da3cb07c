using System.Numerics.Tensors;
using Perrin.Nn.Backends;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Ops;

/// <summary>
/// Normalization kernels over groups of planes (see <see cref="PlaneGroups"/>). Every group is one work item and
/// sums its planes in a fixed order in double, so results do not depend on the thread count.
/// </summary>
internal static class PlaneNorm
{
    // Below this many values the thread hand-off costs more than the work.
    private const int ParallelThreshold = 1 << 15;

    private static int Threads(int values) => values < ParallelThreshold ? 1 : Backend.Current.Threads;

    /// <summary>y = (x − mean)/√(var + eps)·w + b with the statistics of each group; returns the statistics.</summary>
    public static NormStatistics Normalize(float[] x, float[] y, PlaneGroups p, float[]? w, float[]? b, float eps)
    {
        var mean = new float[p.Groups];
        var variance = new float[p.Groups];
        var invStd = new float[p.Groups];
        var l = p.PlaneLength;
        double count = p.GroupSize;
        CpuParallel.For(p.Groups, Threads(p.Groups * p.GroupSize), gi =>
        {
            double s = 0;
            for (var k = 0; k < p.PlanesPerGroup; k++) s += TensorPrimitives.Sum(x.AsSpan(p.Offset(gi, k), l));
            var m = (float)(s / count);
            // Two passes: the centred sum of squares stays accurate when |mean| ≫ σ.
            double ss = 0;
            for (var k = 0; k < p.PlanesPerGroup; k++)
            {
                var dst = y.AsSpan(p.Offset(gi, k), l);
                TensorPrimitives.Subtract(x.AsSpan(p.Offset(gi, k), l), m, dst);
                ss += TensorPrimitives.SumOfSquares<float>(dst);
            }
            var v = (float)(ss / count);
            var inv = 1f / MathF.Sqrt(v + eps);
            var ch = p.Channel(gi);
            var scale = (w is null ? 1f : w[ch]) * inv;
            var shift = b is null ? 0f : b[ch];
            for (var k = 0; k < p.PlanesPerGroup; k++)
            {
                var dst = y.AsSpan(p.Offset(gi, k), l);
                PlaneKernels.ScaleShift(dst, scale, shift, dst);
            }
            mean[gi] = m;
            variance[gi] = v;
            invStd[gi] = inv;
        });
        return new NormStatistics(mean, variance, invStd);
    }

    /// <summary>y = x·scale[g] + shift[g] for fixed per-group coefficients (batch norm in eval mode).</summary>
    public static void Apply(float[] x, float[] y, PlaneGroups p, float[] scale, float[] shift)
    {
        var l = p.PlaneLength;
        CpuParallel.For(p.Groups, Threads(p.Groups * p.GroupSize), gi =>
        {
            for (var k = 0; k < p.PlanesPerGroup; k++)
            {
                var o = p.Offset(gi, k);
                PlaneKernels.ScaleShift(x.AsSpan(o, l), scale[gi], shift[gi], y.AsSpan(o, l));
            }
        });
    }

    /// <summary>
    /// Backward through normalization with the group's own statistics: with x̂ = (x − μ)·r and M values per group,
    /// dx = w·r·(g − Σg/M − x̂·Σ(g·x̂)/M), dw = Σ g·x̂, db = Σ g (per group, summed to channels by the caller).
    /// </summary>
    public static void BackwardBatch(float[] g, float[] x, PlaneGroups p, float[]? w, NormStatistics s, float[]? dx, float[] groupDw, float[] groupDb)
    {
        var l = p.PlaneLength;
        float count = p.GroupSize;
        CpuParallel.For(p.Groups, Threads(p.Groups * p.GroupSize), gi =>
        {
            var (sg, sgc) = Sums(g, x, p, gi, s.Mean[gi]);
            var inv = s.InvStd[gi];
            groupDb[gi] = sg;
            groupDw[gi] = sgc * inv;
            if (dx is null) return;
            var a = (w is null ? 1f : w[p.Channel(gi)]) * inv;
            var bc = -a * inv * inv * sgc / count;
            var cc = -a * sg / count;
            for (var k = 0; k < p.PlanesPerGroup; k++)
            {
                var o = p.Offset(gi, k);
                PlaneKernels.Combine(g.AsSpan(o, l), x.AsSpan(o, l), a, bc, s.Mean[gi], cc, dx.AsSpan(o, l));
            }
        });
    }

    /// <summary>Backward with fixed statistics (eval mode): dx = g·scale, dw = Σ g·(x − μ)·r, db = Σ g.</summary>
    public static void BackwardFrozen(float[] g, float[] x, PlaneGroups p, float[] scale, float[] mean, float[] invStd, float[]? dx, float[] groupDw, float[] groupDb)
    {
        var l = p.PlaneLength;
        CpuParallel.For(p.Groups, Threads(p.Groups * p.GroupSize), gi =>
        {
            var (sg, sgc) = Sums(g, x, p, gi, mean[gi]);
            groupDb[gi] = sg;
            groupDw[gi] = sgc * invStd[gi];
            if (dx is null) return;
            for (var k = 0; k < p.PlanesPerGroup; k++)
            {
                var o = p.Offset(gi, k);
                TensorPrimitives.Multiply(g.AsSpan(o, l), scale[gi], dx.AsSpan(o, l));
            }
        });
    }

    private static (float SumG, float SumGCentered) Sums(float[] g, float[] x, PlaneGroups p, int gi, float mean)
    {
        var l = p.PlaneLength;
        double sg = 0, sgc = 0;
        for (var k = 0; k < p.PlanesPerGroup; k++)
        {
            var o = p.Offset(gi, k);
            sg += TensorPrimitives.Sum(g.AsSpan(o, l));
            sgc += PlaneKernels.CenteredDot(g.AsSpan(o, l), x.AsSpan(o, l), mean);
        }
        return ((float)sg, (float)sgc);
    }

    /// <summary>Adds per-group values into their channels, groups in increasing order.</summary>
    public static float[] ToChannels(float[] perGroup, PlaneGroups p)
    {
        var result = new float[p.Channels];
        for (var gi = 0; gi < p.Groups; gi++) result[p.Channel(gi)] += perGroup[gi];
        return result;
    }
}
