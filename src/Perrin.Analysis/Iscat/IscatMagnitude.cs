using Perrin.Analysis.Localizers.Candidates;

namespace Perrin.Analysis.Iscat;

/// <summary>
/// The magnitude |G_σ ∗ d| of a background-corrected iSCAT frame d: an iSCAT particle is dark or bright depending on
/// its scattering phase, and the magnitude makes both bright for spot finders that look for bright spots. The light
/// Gaussian smoothing comes before the magnitude so that shot noise averages out instead of being rectified.
/// </summary>
public sealed class IscatMagnitude
{
    private readonly float[] _kernel;
    private readonly float[] _scratch;

    public IscatMagnitude(int height, int width, double smoothingSigmaPx)
    {
        FrameInput.CheckSize(height, width);
        if (!(smoothingSigmaPx is >= 0.3 and <= 50))
        {
            throw new ArgumentOutOfRangeException(nameof(smoothingSigmaPx), smoothingSigmaPx, "the smoothing σ must be between 0.3 and 50 pixels");
        }

        Height = height;
        Width = width;
        SmoothingSigmaPx = smoothingSigmaPx;
        _kernel = SeparableFilters.GaussianKernel(smoothingSigmaPx, (int)Math.Ceiling(3 * smoothingSigmaPx));
        _scratch = new float[height * width];
    }

    public int Height { get; }

    public int Width { get; }

    public double SmoothingSigmaPx { get; }

    /// <summary>
    /// Writes |G_σ ∗ <paramref name="corrected"/>| into <paramref name="magnitude"/> and returns the robust noise σ
    /// (median absolute deviation) of the smoothed, still signed frame, the scale detection thresholds refer to.
    /// </summary>
    public double Apply(ReadOnlySpan<float> corrected, Span<float> magnitude)
    {
        var plane = Height * Width;
        if (corrected.Length != plane || magnitude.Length != plane)
        {
            throw new ArgumentException($"frames must hold {Width}×{Height} pixels, not {corrected.Length} and {magnitude.Length}", nameof(corrected));
        }

        SeparableFilters.Convolve(corrected, magnitude, _scratch, Height, Width, _kernel);
        var noise = RobustNoise.Sigma(magnitude);
        for (var i = 0; i < plane; i++)
        {
            magnitude[i] = Math.Abs(magnitude[i]);
        }

        return noise;
    }
}
