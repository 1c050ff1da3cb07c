namespace Perrin.Analysis.Evaluation;

/// <summary>
/// Settings of a localization evaluation. The defaults are the SMLM Challenge 2016 protocol for 2D data: pairs
/// within 250 nm laterally, the optimal (maximum-pairs) rule. Evaluations of the challenge's 3D data usually also
/// require |Δz| ≤ 500 nm (DECODE's evaluation does); set <see cref="AxialToleranceNm"/> for that.
/// </summary>
public sealed record EvaluationOptions
{
    public const double DefaultLateralToleranceNm = 250;

    /// <summary>The largest lateral distance (inclusive) at which a detection may pair with a truth, in nm.</summary>
    public double LateralToleranceNm { get; init; } = DefaultLateralToleranceNm;

    /// <summary>
    /// The largest |Δz| (inclusive) of a pair in nm, or null to match in the plane only. With a tolerance, rows
    /// whose z is absent (NaN) pair with nothing, and the cost of a pair is its 3D distance.
    /// </summary>
    public double? AxialToleranceNm { get; init; }

    public MatchingRule Rule { get; init; } = MatchingRule.Optimal;

    /// <summary>When set, each pair's Cramér–Rao bound is computed from the truth's photons and compared with the RMSE.</summary>
    public GaussianCrlb? Crlb { get; init; }

    /// <summary>
    /// When set, recall and lateral RMSE are also reported per bin of the truths' |intensity| between these edges
    /// (finite, not negative, strictly increasing, at least two): localization against contrast or photons.
    /// </summary>
    public IReadOnlyList<double>? TruthIntensityEdges { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that cannot be used.</summary>
    public void Validate()
    {
        if (!double.IsFinite(LateralToleranceNm) || LateralToleranceNm <= 0)
            throw new ArgumentException($"the lateral tolerance must be a positive number of nm, not {LateralToleranceNm}", nameof(LateralToleranceNm));
        if (AxialToleranceNm is { } z && (!double.IsFinite(z) || z <= 0))
            throw new ArgumentException($"the axial tolerance must be a positive number of nm, not {z}", nameof(AxialToleranceNm));
        if (!Enum.IsDefined(Rule))
            throw new ArgumentException($"unknown matching rule {Rule}", nameof(Rule));
        if (TruthIntensityEdges is { } edges)
        {
            if (edges.Count < 2)
                throw new ArgumentException($"intensity bins need at least two edges, not {edges.Count}", nameof(TruthIntensityEdges));
            for (var i = 0; i < edges.Count; i++)
            {
                if (!double.IsFinite(edges[i]) || edges[i] < 0 || (i > 0 && edges[i] <= edges[i - 1]))
                    throw new ArgumentException($"intensity bin edges must be finite, not negative and strictly increasing; edge {i} is {edges[i]}", nameof(TruthIntensityEdges));
            }
        }
    }
}
