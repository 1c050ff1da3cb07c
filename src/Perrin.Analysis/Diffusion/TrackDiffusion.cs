namespace Perrin.Analysis.Diffusion;

/// <summary>One track's diffusion results.</summary>
/// <param name="Points">Positions in the track.</param>
/// <param name="Msd">The track's MSD curve (after drift subtraction when asked).</param>
public sealed record TrackDiffusion(long Particle, int Points, int FirstFrame, int LastFrame, MsdCurve Msd, DiffusionFit Fit, AnomalousFit Alpha);
