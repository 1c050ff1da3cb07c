using Perrin.Core.Maths;
namespace Perrin.Simulation.Labels;

/// <summary>Symmetric one-dimensional kernels on whole label bins, centred on the bin of a particle.</summary>
internal static class DiscreteKernel
{
    /// <summary>exp(−j²/2σ²) for j = −R..R with R = ⌈8σ⌉; the single tap [1] when σ is 0.</summary>
    public static double[] Peaked(double sigma)
    {
        var kernel = new double[(2 * Radius(sigma)) + 1];
        if (sigma == 0)
        {
            kernel[0] = 1;
            return kernel;
        }

        GaussianProfile.AtCentres(0, sigma, -Radius(sigma), kernel);
        return kernel;
    }

    /// <summary>Gaussian mass over each bin for j = −R..R, scaled to sum exactly to 1 after the cut; [1] when σ is 0.</summary>
    public static double[] Normalized(double sigma)
    {
        var kernel = new double[(2 * Radius(sigma)) + 1];
        if (sigma == 0)
        {
            kernel[0] = 1;
            return kernel;
        }

        GaussianPixelMass.Fill(kernel, -Radius(sigma), 0, sigma);
        var sum = 0.0;
        foreach (var k in kernel)
        {
            sum += k;
        }

        for (var j = 0; j < kernel.Length; j++)
        {
            kernel[j] /= sum;
        }

        return kernel;
    }

    public static int Radius(double sigma) => (int)Math.Ceiling(GaussianProfile.Reach * sigma);

    /// <summary>Validates a blur width given in bins: 0 (no blur) up to a sane bound.</summary>
    public static double CheckSigma(double sigma, string parameterName)
    {
        if (!double.IsFinite(sigma) || sigma < 0 || sigma > 1000)
        {
            throw new ArgumentOutOfRangeException(parameterName, sigma, "the blur sigma must be between 0 (no blur) and 1000 bins");
        }

        return sigma;
    }

    /// <summary>
    /// The part of a kernel centred on <paramref name="bin"/> that falls in [0, size): its first bin and taps.
    /// </summary>
    public static ReadOnlySpan<double> Clip(double[] kernel, int bin, int size, out int first)
    {
        var radius = kernel.Length / 2;
        first = Math.Max(bin - radius, 0);
        var last = Math.Min(bin + radius, size - 1);
        return kernel.AsSpan(first - (bin - radius), last - first + 1);
    }
}
