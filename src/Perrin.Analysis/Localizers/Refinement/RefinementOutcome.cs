namespace Perrin.Analysis.Localizers.Refinement;

/// <summary>What became of one detection in <see cref="MleRefiner"/>: refined, or kept where the detector put it and why.</summary>
public enum RefinementOutcome
{
    /// <summary>The fit's position, photons, background, σ and uncertainty replace the detector's.</summary>
    Refined,

    /// <summary>
    /// Another detection is nearer than <see cref="MleRefinementParameters.MinSeparationPx"/>, or lights the fit
    /// window without a photon count to model its light by.
    /// </summary>
    Crowded,

    /// <summary>The fit did not converge, left its window or has no finite uncertainty.</summary>
    NotConverged,

    /// <summary>The fit ended farther than the allowed shift from the start: it found another spot or noise.</summary>
    Moved,

    /// <summary>The fitted σ is outside the plausible range for the PSF, so the spot is not the Gaussian the fit assumes.</summary>
    ImplausibleSigma,

    /// <summary>The fit explains the window poorly (<see cref="MleRefinementParameters.MaxDevianceRatio"/>): another spot or a PSF unlike a Gaussian.</summary>
    PoorFit,

    /// <summary>The window holds a pixel that is not finite, or the frame is smaller than the window.</summary>
    Unfittable,
}
