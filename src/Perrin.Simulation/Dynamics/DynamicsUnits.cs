namespace Perrin.Simulation.Dynamics;

/// <summary>
/// The scales that turn physical motion (µm, s) into movie coordinates: the pixel size sets x and y,
/// z is always in nm, and the frame interval is the time between the starts of successive exposures.
/// </summary>
public sealed record DynamicsUnits
{
    public DynamicsUnits(double pixelSizeNm, double frameIntervalS)
    {
        if (!(pixelSizeNm > 0) || double.IsInfinity(pixelSizeNm))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelSizeNm), $"the pixel size must be a positive number of nm, not {pixelSizeNm}");
        }

        if (!(frameIntervalS > 0) || double.IsInfinity(frameIntervalS))
        {
            throw new ArgumentOutOfRangeException(nameof(frameIntervalS), $"the frame interval must be a positive number of seconds, not {frameIntervalS}");
        }

        PixelSizeNm = pixelSizeNm;
        FrameIntervalS = frameIntervalS;
    }

    public double PixelSizeNm { get; }

    public double FrameIntervalS { get; }

    /// <summary>Pixels per µm, the factor from physical lengths to x and y.</summary>
    public double PixelsPerMicrometre => 1000.0 / PixelSizeNm;
}
