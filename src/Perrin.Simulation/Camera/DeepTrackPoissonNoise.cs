using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// Shot noise with DeepTrack 2.0's <c>Poisson(snr, background)</c> semantics, for pipelines ported from it:
/// negative pixels are set to 0; peak = |max(image) − <see cref="Background"/>|; r = <see cref="Snr"/>² / peak²;
/// every pixel becomes Poisson(value·r) / r, so the image keeps its units and one unit stands for r counts.
/// At the brightest pixel the signal above the background is peak·r = Snr²/peak counts and its shot noise
/// sqrt(max·r) = Snr·sqrt(max)/peak counts, a signal-to-noise ratio of Snr / sqrt(max(image)): it equals
/// <see cref="Snr"/> when the image is scaled to a maximum of 1, as DeepTrack images usually are. The definition
/// is kept as DeepTrack has it so that ported settings reproduce.
/// </summary>
public sealed record DeepTrackPoissonNoise
{
    // Pixels per bulk draw: the means and counts of one block live on the stack.
    private const int Block = 256;

    public DeepTrackPoissonNoise(double snr, double background = 0)
    {
        Snr = snr;
        Background = background;
    }

    /// <summary>DeepTrack's <c>snr</c> (its default is 100).</summary>
    public double Snr { get; init => field = CameraArguments.Positive(value, nameof(Snr)); }

    /// <summary>DeepTrack's <c>background</c>: the level the peak signal is measured from (default 0).</summary>
    public double Background { get; init => field = CameraArguments.Finite(value, nameof(Background)); }

    /// <exception cref="ArgumentException">The image holds NaN or infinity, or has no peak above the background.</exception>
    public void Apply(Span<float> image, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var (max, nonFinite) = PixelKernels.ClampNegativeAndMax(image);
        if (nonFinite >= 0)
        {
            throw new ArgumentException($"image[{nonFinite}] is {image[nonFinite]}; Poisson noise needs finite pixel values", nameof(image));
        }

        var peak = Math.Abs((double)max - Background);
        if (!(peak > 0))
        {
            throw new ArgumentException($"the image peak equals the background ({Background}), so the SNR of the signal is undefined", nameof(image));
        }

        var rescale = Snr * Snr / (peak * peak);
        if (!double.IsFinite(max * rescale) || max * rescale > CameraModel.MaxPhotonsPerPixel)
        {
            throw new ArgumentException($"snr {Snr} with a peak of {peak} asks for {max * rescale:G3} counts in a pixel; at most {CameraModel.MaxPhotonsPerPixel:0e0} are drawn", nameof(image));
        }

        // Multiplying by 1/r rather than dividing by r moves a value by at most an ulp of a double, far below a
        // float's resolution, and a division costs several multiplications.
        var unit = 1 / rescale;
        Span<double> counts = stackalloc double[Block];
        for (var start = 0; start < image.Length; start += Block)
        {
            var part = image.Slice(start, Math.Min(Block, image.Length - start));
            var block = counts[..part.Length];
            PixelKernels.Scale(part, rescale, block);
            rng.Poisson(block, block);
            PixelKernels.Scale(block, unit, part);
        }
    }
}
