namespace Perrin.Simulation.Dynamics;

/// <summary>
/// Sampling of the motion during an exposure: the exposure is cut into <see cref="SubSteps"/> equal parts and the
/// position is reported at the middle of each, so that averaging the PSF over the samples is the midpoint rule
/// for the time-integrated image.
/// </summary>
public sealed record MotionBlur
{
    /// <summary>The most sub-steps per exposure; more gives no visible difference and only costs rendering time.</summary>
    public const int MaxSubSteps = 1024;

    public MotionBlur(int subSteps, double exposureS)
    {
        if (subSteps is < 1 or > MaxSubSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(subSteps), $"motion blur needs 1 to {MaxSubSteps} sub-steps, not {subSteps}");
        }

        if (!(exposureS > 0) || double.IsInfinity(exposureS))
        {
            throw new ArgumentOutOfRangeException(nameof(exposureS), $"the exposure must be a positive number of seconds, not {exposureS}");
        }

        SubSteps = subSteps;
        ExposureS = exposureS;
    }

    public int SubSteps { get; }

    public double ExposureS { get; }
}
