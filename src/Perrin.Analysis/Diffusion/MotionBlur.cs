namespace Perrin.Analysis.Diffusion;

/// <summary>
/// The motion-blur coefficient R of Berglund (2010) and Vestergaard et al. (2014): how averaging the position over
/// the exposure lowers the MSD offset, 2d(σ² − 2RDΔt). For a shutter open a fraction f of the frame interval with
/// constant illumination, R = f/6.
/// </summary>
public static class MotionBlur
{
    /// <summary>Continuous exposure over the whole frame interval.</summary>
    public const double Continuous = 1.0 / 6.0;

    /// <summary>Instantaneous (stroboscopic) illumination.</summary>
    public const double Instantaneous = 0.0;

    internal static void Validate(double blur)
    {
        if (!(blur >= 0 && blur <= 0.25))
        {
            throw new ArgumentOutOfRangeException(nameof(blur), blur, "the motion-blur coefficient R must lie in [0, 1/4] (1/6 for continuous exposure, 0 for instantaneous)");
        }
    }
}
