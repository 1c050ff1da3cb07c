namespace Perrin.Analysis.Evaluation;

/// <summary>
/// The SMLM Challenge 2016 scores of a set of frames. Errors are detection − truth over the matched pairs, in nm.
/// Quantities with nothing to average over (an RMSE without pairs, a precision without detections) are NaN, which
/// the JSON form writes as null. Recall, precision and F1 are fractions; the Jaccard index and the efficiencies
/// are percent.
/// </summary>
public sealed record LocalizationScores
{
    public long TruePositives { get; init; }

    public long FalsePositives { get; init; }

    public long FalseNegatives { get; init; }

    /// <summary>100 · TP / (TP + FP + FN).</summary>
    public double JaccardPercent { get; init; }

    /// <summary>TP / (TP + FN).</summary>
    public double Recall { get; init; }

    /// <summary>TP / (TP + FP).</summary>
    public double Precision { get; init; }

    /// <summary>2 TP / (2 TP + FP + FN).</summary>
    public double F1 { get; init; }

    /// <summary>sqrt(mean(dx² + dy²)).</summary>
    public double RmseLateralNm { get; init; }

    public double RmseXNm { get; init; }

    public double RmseYNm { get; init; }

    /// <summary>sqrt(mean dz²) over the pairs where both sides have a z.</summary>
    public double RmseAxialNm { get; init; }

    public double BiasXNm { get; init; }

    public double BiasYNm { get; init; }

    public double BiasZNm { get; init; }

    /// <summary><see cref="Efficiency.Of"/> with the lateral RMSE and α = 1 nm⁻¹.</summary>
    public double EfficiencyLateral { get; init; }

    /// <summary><see cref="Efficiency.Of"/> with the axial RMSE and α = 0.5 nm⁻¹; NaN for 2D data.</summary>
    public double EfficiencyAxial { get; init; }

    /// <summary>The challenge's ranking score: the lateral efficiency for 2D data, the mean of both for 3D data.</summary>
    public double Efficiency { get; init; }

    /// <summary>How many pairs had a truth photon count and so a Cramér–Rao bound.</summary>
    public long CrlbPairs { get; init; }

    /// <summary>sqrt(mean CRLB²): the root-mean bound on one coordinate over those pairs, in nm.</summary>
    public double CrlbNm { get; init; }

    /// <summary>
    /// The per-coordinate RMSE, sqrt(mean (dx² + dy²)/2), over the same pairs, divided by <see cref="CrlbNm"/>:
    /// 1 for an estimator that reaches the bound.
    /// </summary>
    public double RmseOverCrlb { get; init; }

    public static LocalizationScores From(ScoreSums s)
    {
        var tp = (double)s.TruePositives;
        var lateral = Math.Sqrt((s.SumDx2 + s.SumDy2) / tp);
        var axial = Math.Sqrt(s.SumDz2 / s.AxialPairs);
        var jaccard = 100 * tp / (s.TruePositives + s.FalsePositives + s.FalseNegatives);
        var efficiencyLateral = Evaluation.Efficiency.Of(jaccard, lateral, Evaluation.Efficiency.LateralAlpha);
        var efficiencyAxial = s.AxialPairs > 0 ? Evaluation.Efficiency.Of(jaccard, axial, Evaluation.Efficiency.AxialAlpha) : double.NaN;
        var crlb = Math.Sqrt(s.SumCrlbVariance / s.CrlbPairs);
        return new LocalizationScores
        {
            TruePositives = s.TruePositives,
            FalsePositives = s.FalsePositives,
            FalseNegatives = s.FalseNegatives,
            JaccardPercent = jaccard,
            Recall = tp / (s.TruePositives + s.FalseNegatives),
            Precision = tp / (s.TruePositives + s.FalsePositives),
            F1 = 2 * tp / ((2 * s.TruePositives) + s.FalsePositives + s.FalseNegatives),
            RmseLateralNm = lateral,
            RmseXNm = Math.Sqrt(s.SumDx2 / tp),
            RmseYNm = Math.Sqrt(s.SumDy2 / tp),
            RmseAxialNm = axial,
            BiasXNm = s.SumDx / tp,
            BiasYNm = s.SumDy / tp,
            BiasZNm = s.SumDz / s.AxialPairs,
            EfficiencyLateral = efficiencyLateral,
            EfficiencyAxial = efficiencyAxial,
            Efficiency = s.AxialPairs > 0 ? Evaluation.Efficiency.Combined(efficiencyLateral, efficiencyAxial) : efficiencyLateral,
            CrlbPairs = s.CrlbPairs,
            CrlbNm = crlb,
            RmseOverCrlb = Math.Sqrt(s.SumCrlbLateral2 / (2.0 * s.CrlbPairs)) / crlb,
        };
    }
}
