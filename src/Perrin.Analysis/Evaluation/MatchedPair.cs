namespace Perrin.Analysis.Evaluation;

/// <summary>
/// A detection paired with a ground-truth localization in one frame: indices into the frame's lists, and the
/// error detection − truth in nm (<see cref="Dz"/> NaN when either has no z).
/// </summary>
public readonly record struct MatchedPair(int TruthIndex, int DetectionIndex, double Dx, double Dy, double Dz)
{
    public double LateralDistance => Math.Sqrt((Dx * Dx) + (Dy * Dy));
}
