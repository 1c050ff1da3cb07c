using Perrin.Core.Maths;
namespace Perrin.Simulation.Labels;

/// <summary>One-dimensional Gaussian factors along a row or column; 2D and 3D footprints are their outer products.</summary>
internal static class GaussianProfile
{
    /// <summary>Footprints are cut beyond this many sigmas, where exp(−r²/2σ²) ≈ 1e−14 is below float resolution.</summary>
    public const double Reach = 8;

    private static readonly double SqrtTwoPi = Math.Sqrt(2 * Math.PI);

    /// <summary>f[j] = exp(−(lo + j − centre)²/2σ²).</summary>
    public static void AtCentres(double centre, double sigma, int lo, Span<double> factors)
    {
        for (var j = 0; j < factors.Length; j++)
        {
            var t = (lo + j - centre) / sigma;
            factors[j] = Math.Exp(-0.5 * t * t);
        }
    }

    /// <summary>f[j] = mean of exp(−(u − centre)²/2σ²) over the pixel [lo + j − 0.5, lo + j + 0.5].</summary>
    public static void MeanOverPixels(double centre, double sigma, int lo, Span<double> factors)
    {
        GaussianPixelMass.Fill(factors, lo, centre, sigma);
        var scale = SqrtTwoPi * sigma;
        for (var j = 0; j < factors.Length; j++)
        {
            factors[j] *= scale;
        }
    }

    /// <summary>Combines weight·fy[r]·fx[c] into plane pixel (y0 + r, x0 + c).</summary>
    public static void Splat(Span<float> plane, int width, int x0, int y0, ReadOnlySpan<double> fx, ReadOnlySpan<double> fy, double weight, LabelCombine combine)
    {
        for (var r = 0; r < fy.Length; r++)
        {
            var row = plane.Slice(((y0 + r) * width) + x0, fx.Length);
            var wy = weight * fy[r];
            if (combine == LabelCombine.Sum)
            {
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] += (float)(wy * fx[c]);
                }
            }
            else
            {
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] = Math.Max(row[c], (float)(wy * fx[c]));
                }
            }
        }
    }
}
