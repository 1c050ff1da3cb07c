using Perrin.Analysis.Localizers.Mle;

namespace Perrin.Analysis.Localizers;

/// <summary>
/// Maximum-likelihood fit of a pixel-integrated 2D Gaussian under Poisson statistics (Smith et al. 2010, Nature
/// Methods 7:373) to a square ROI around each candidate, with read noise by the sCMOS approximation. Reports
/// photons (Intensity), background per pixel (Offset), σ, the residuals' spread (BkgStd), the log-likelihood ratio
/// 2·Σ[μ − d + d·ln(d/μ)] (Chi2, about χ² with ROI pixels − parameters degrees of freedom for a good fit) and the
/// Cramér–Rao bound √((Var x + Var y)/2) at the estimate as Uncertainty. trackpy's columns carry the ROI's raw and
/// rim-subtracted sums and peak in the frame's counts, σ as size and the bound as ep (both in pixels).
/// Fits that do not converge or leave their ROI are dropped. Thread-safe.
/// </summary>
public sealed class GaussianMle : RoiLocalizer
{
    public GaussianMle(GaussianMleParameters? parameters = null)
        : base(Validated(parameters ??= new GaussianMleParameters()).Detector, parameters.Camera, parameters.RoiRadiusPx) =>
        Parameters = parameters;

    public override string Name => "gauss-mle";

    public GaussianMleParameters Parameters { get; }

    private protected override IRoiFit BeginFrame(int size) => new MleRoiFit(Parameters, size);

    private static GaussianMleParameters Validated(GaussianMleParameters parameters)
    {
        parameters.Validate();
        return parameters;
    }
}
