namespace Perrin.Simulation.Labels;

/// <summary>What each particle contributes to a histogram-like label.</summary>
public enum LabelWeight
{
    /// <summary>One per particle.</summary>
    Count,

    /// <summary>The particle's <see cref="Truth.ParticleTruth.Photons"/>; particles whose photons are NaN contribute nothing.</summary>
    Photons,
}
