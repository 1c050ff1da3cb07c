using Perrin.Analysis.Localizers.Candidates;

namespace Perrin.Analysis.Localizers;

/// <summary>Settings of <see cref="GaussianMle"/>. The PSF σ (start value, or the value when fixed) is <c>Detector.SigmaPx</c>.</summary>
public sealed record GaussianMleParameters
{
    public CandidateDetectorParameters Detector { get; init; } = new();

    public CameraModel Camera { get; init; } = CameraModel.Photons;

    /// <summary>The fitted ROI is (2·RoiRadiusPx + 1)² pixels around each candidate; spots nearer the edge are skipped.</summary>
    public int RoiRadiusPx { get; init; } = 4;

    /// <summary>Whether σ is fitted (true) or held at <c>Detector.SigmaPx</c>.</summary>
    public bool FitSigma { get; init; } = true;

    /// <summary>Fits not converged after this many iterations are rejected.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <exception cref="ArgumentException">A parameter is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Detector, nameof(Detector));
        ArgumentNullException.ThrowIfNull(Camera, nameof(Camera));
        Detector.Validate();
        Camera.Validate();
        if (RoiRadiusPx is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(RoiRadiusPx), RoiRadiusPx, "the ROI radius must be between 1 and 64 pixels");
        }

        if (MaxIterations is < 1 or > 10000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "the iteration limit must be between 1 and 10000");
        }
    }
}
