using Perrin.Analysis.Localizers.Radial;

namespace Perrin.Analysis.Localizers;

/// <summary>
/// Radial-symmetry centres (Parthasarathy 2012) of square ROIs around each candidate: no model and no iteration,
/// so it is fast and does not assume a Gaussian PSF. Intensity and Offset are the ROI's photons above its rim
/// mean and that mean, BkgStd the rim's spread; there is no uncertainty estimate (NaN). trackpy's mass, raw_mass
/// and signal are the same sums in the frame's counts. Centres outside their ROI are dropped. Thread-safe.
/// </summary>
public sealed class RadialSymmetry : RoiLocalizer
{
    public RadialSymmetry(RadialSymmetryParameters? parameters = null)
        : base(Validated(parameters ??= new RadialSymmetryParameters()).Detector, parameters.Camera, parameters.RoiRadiusPx) =>
        Parameters = parameters;

    public override string Name => "radial";

    public RadialSymmetryParameters Parameters { get; }

    /// <summary>
    /// The radial-symmetry centre of one square ROI of <paramref name="size"/>² pixels (rows contiguous), in ROI pixels
    /// with (0, 0) at the centre of its first pixel; NaN when the ROI is flat. The centre does not change with an
    /// offset or a gain, so the ROI may be in counts. For callers that choose the ROI themselves.
    /// </summary>
    public static (double X, double Y) Centre(ReadOnlySpan<float> roi, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 3);
        if (roi.Length != size * size)
        {
            throw new ArgumentException($"a {size}×{size} ROI needs {size * size} pixels, not {roi.Length}", nameof(roi));
        }

        return RadialCentre.Locate(roi, size, new double[4 * (size - 1) * (size - 1)]);
    }

    private protected override IRoiFit BeginFrame(int size) => new RadialRoiFit(Parameters.Camera, size);

    private static RadialSymmetryParameters Validated(RadialSymmetryParameters parameters)
    {
        parameters.Validate();
        return parameters;
    }
}
