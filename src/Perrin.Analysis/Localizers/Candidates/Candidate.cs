namespace Perrin.Analysis.Localizers.Candidates;

/// <summary>A local maximum of the background-subtracted, smoothed frame at pixel (<paramref name="X"/>, <paramref name="Y"/>).</summary>
/// <param name="Score">The filtered value at the maximum, in the frame's units.</param>
public readonly record struct Candidate(int X, int Y, float Score);
