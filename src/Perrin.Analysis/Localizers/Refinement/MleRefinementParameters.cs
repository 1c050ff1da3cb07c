using Perrin.Analysis.Localizers.Candidates;

namespace Perrin.Analysis.Localizers.Refinement;

/// <summary>Settings of <see cref="MleRefiner"/>.</summary>
public sealed record MleRefinementParameters
{
    /// <summary>How the frame's counts become photoelectrons and photons.</summary>
    public CameraModel Camera { get; init; } = CameraModel.Photons;

    /// <summary>The PSF's σ in pixels: the fit's start value and the centre of the plausible range.</summary>
    public double SigmaPx { get; init; } = 1.0;

    /// <summary>The fit window is (2·RoiRadiusPx + 1)² pixels around each detection, moved inside the frame at its edges.</summary>
    public int RoiRadiusPx { get; init; } = 3;

    /// <summary>A fit that ends farther than this from the detection, in pixels, is rejected.</summary>
    public double MaxShiftPx { get; init; } = 1.0;

    /// <summary>A fitted σ is plausible from <see cref="SigmaPx"/> / SigmaTolerance to <see cref="SigmaPx"/> · SigmaTolerance.</summary>
    public double SigmaTolerance { get; init; } = 1.25;

    /// <summary>
    /// A detection with another nearer than this, in pixels, keeps its position: two spots this close are one blob
    /// to a one-spot fit, however well the other is modelled.
    /// </summary>
    public double MinSeparationPx { get; init; } = 2.0;

    /// <summary>
    /// A fit whose log-likelihood ratio (Chi2) exceeds this many times its expected value for a good fit is rejected:
    /// an undetected neighbour or a PSF far from a Gaussian. The expected value is the degrees of freedom (window
    /// pixels − 5), doubled for an EMCCD (<see cref="CameraModel.EmGain"/> &gt; 1), whose excess noise doubles the variance.
    /// </summary>
    public double MaxDevianceRatio { get; init; } = 1.7;

    /// <summary>Fits not converged after this many iterations are rejected.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>The Chi2 of a good fit: degrees of freedom, times the excess noise factor² of an EMCCD.</summary>
    internal double ExpectedDeviance
    {
        get
        {
            var size = (2 * RoiRadiusPx) + 1;
            return ((size * size) - 5) * (Camera.EmGain > 1 ? 2.0 : 1.0);
        }
    }

    /// <summary>The Gaussian MLE's own settings for these (its detector settings other than σ are not used).</summary>
    internal GaussianMleParameters Fit => new()
    {
        Detector = new CandidateDetectorParameters { SigmaPx = SigmaPx },
        Camera = Camera,
        RoiRadiusPx = RoiRadiusPx,
        FitSigma = true,
        MaxIterations = MaxIterations,
    };

    /// <exception cref="ArgumentException">A parameter is out of range; its name is the exception's ParamName.</exception>
    public void Validate()
    {
        Fit.Validate();
        if (!(MaxShiftPx > 0 && MaxShiftPx <= 64))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxShiftPx), MaxShiftPx, "the largest shift must be more than 0 and at most 64 pixels");
        }

        if (!(MinSeparationPx >= 0 && MinSeparationPx <= 64))
        {
            throw new ArgumentOutOfRangeException(nameof(MinSeparationPx), MinSeparationPx, "the smallest separation must be from 0 to 64 pixels");
        }

        if (!(MaxDevianceRatio > 0 && MaxDevianceRatio <= 1e6))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDevianceRatio), MaxDevianceRatio, "the largest deviance ratio must be more than 0 and at most 10⁶");
        }

        if (!(SigmaTolerance >= 1 && SigmaTolerance <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(SigmaTolerance), SigmaTolerance, "the σ tolerance must be a factor from 1 to 100");
        }
    }
}
