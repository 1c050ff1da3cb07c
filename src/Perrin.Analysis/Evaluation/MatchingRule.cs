namespace Perrin.Analysis.Evaluation;

/// <summary>How detections are paired with ground truth within one frame.</summary>
public enum MatchingRule
{
    /// <summary>
    /// The most pairs within the tolerance, and among those the least summed distance (an exact linear
    /// assignment): the rule of the SMLM Challenge 2016.
    /// </summary>
    Optimal,

    /// <summary>
    /// Nearest pairs first: repeatedly take the closest remaining pair within the tolerance. Faster to explain but
    /// can pair fewer in crowded frames; offered for comparison with tools that use it.
    /// </summary>
    Greedy,
}
