namespace Perrin.Analysis.Evaluation;

/// <summary>A truth and a detection of one frame close enough to pair, at <see cref="Cost"/> (their distance).</summary>
internal record struct MatchCandidate(int Truth, int Detection, double Cost)
{
    public bool Chosen { get; set; }
}
