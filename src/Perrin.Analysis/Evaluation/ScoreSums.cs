using Perrin.Core.Tables;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// The counts and sums from which <see cref="LocalizationScores"/> are computed. Sums of frames add up to the sums of
/// the whole, so scores can be pooled over any group of frames (a density bin, a movie) without averaging ratios.
/// </summary>
public readonly record struct ScoreSums
{
    public long TruePositives { get; init; }

    public long FalsePositives { get; init; }

    public long FalseNegatives { get; init; }

    public double SumDx { get; init; }

    public double SumDy { get; init; }

    public double SumDx2 { get; init; }

    public double SumDy2 { get; init; }

    /// <summary>Pairs where both truth and detection have a z.</summary>
    public long AxialPairs { get; init; }

    public double SumDz { get; init; }

    public double SumDz2 { get; init; }

    /// <summary>Pairs whose truth has a photon count, so that a Cramér–Rao bound exists.</summary>
    public long CrlbPairs { get; init; }

    /// <summary>Σ of the per-coordinate bound variances over <see cref="CrlbPairs"/>, in nm².</summary>
    public double SumCrlbVariance { get; init; }

    /// <summary>Σ (dx² + dy²) over <see cref="CrlbPairs"/>, in nm².</summary>
    public double SumCrlbLateral2 { get; init; }

    public static ScoreSums operator +(ScoreSums a, ScoreSums b) => new()
    {
        TruePositives = a.TruePositives + b.TruePositives,
        FalsePositives = a.FalsePositives + b.FalsePositives,
        FalseNegatives = a.FalseNegatives + b.FalseNegatives,
        SumDx = a.SumDx + b.SumDx,
        SumDy = a.SumDy + b.SumDy,
        SumDx2 = a.SumDx2 + b.SumDx2,
        SumDy2 = a.SumDy2 + b.SumDy2,
        AxialPairs = a.AxialPairs + b.AxialPairs,
        SumDz = a.SumDz + b.SumDz,
        SumDz2 = a.SumDz2 + b.SumDz2,
        CrlbPairs = a.CrlbPairs + b.CrlbPairs,
        SumCrlbVariance = a.SumCrlbVariance + b.SumCrlbVariance,
        SumCrlbLateral2 = a.SumCrlbLateral2 + b.SumCrlbLateral2,
    };

    public static ScoreSums Add(ScoreSums a, ScoreSums b) => a + b;

    /// <summary>The sums of one frame; the bound, when given, takes each pair's photons from its truth's intensity.</summary>
    internal static ScoreSums OfFrame(ReadOnlySpan<Localization> truth, int detectionCount, List<MatchedPair> pairs, GaussianCrlb? crlb)
    {
        double sx = 0, sy = 0, sx2 = 0, sy2 = 0, sz = 0, sz2 = 0, crlbVariance = 0, crlbLateral2 = 0;
        long axial = 0, crlbPairs = 0;
        foreach (var p in pairs)
        {
            sx += p.Dx;
            sy += p.Dy;
            sx2 += p.Dx * p.Dx;
            sy2 += p.Dy * p.Dy;
            if (double.IsFinite(p.Dz))
            {
                axial++;
                sz += p.Dz;
                sz2 += p.Dz * p.Dz;
            }

            if (crlb is not null && crlb.Variance(truth[p.TruthIndex].Intensity) is var v && double.IsFinite(v))
            {
                crlbPairs++;
                crlbVariance += v;
                crlbLateral2 += (p.Dx * p.Dx) + (p.Dy * p.Dy);
            }
        }

        return new ScoreSums
        {
            TruePositives = pairs.Count,
            FalsePositives = detectionCount - pairs.Count,
            FalseNegatives = truth.Length - pairs.Count,
            SumDx = sx,
            SumDy = sy,
            SumDx2 = sx2,
            SumDy2 = sy2,
            AxialPairs = axial,
            SumDz = sz,
            SumDz2 = sz2,
            CrlbPairs = crlbPairs,
            SumCrlbVariance = crlbVariance,
            SumCrlbLateral2 = crlbLateral2,
        };
    }
}
