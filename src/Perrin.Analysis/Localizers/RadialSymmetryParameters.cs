using Perrin.Analysis.Localizers.Candidates;

namespace Perrin.Analysis.Localizers;

/// <summary>Settings of <see cref="RadialSymmetry"/>.</summary>
public sealed record RadialSymmetryParameters
{
    public CandidateDetectorParameters Detector { get; init; } = new();

    /// <summary>Converts counts to photons, so that the detector's thresholds and the reported intensity are in photons.</summary>
    public CameraModel Camera { get; init; } = CameraModel.Photons;

    /// <summary>The ROI is (2·RoiRadiusPx + 1)² pixels around each candidate; spots nearer the edge are skipped.</summary>
    public int RoiRadiusPx { get; init; } = 4;

    /// <exception cref="ArgumentException">A parameter is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Detector, nameof(Detector));
        ArgumentNullException.ThrowIfNull(Camera, nameof(Camera));
        Detector.Validate();
        Camera.Validate();
        if (RoiRadiusPx is < 2 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(RoiRadiusPx), RoiRadiusPx, "the ROI radius must be between 2 and 64 pixels");
        }
    }
}
