namespace Perrin.Core.Maths;

/// <summary>
/// How a one-dimensional normal distribution spreads over unit pixels: 2D and 3D pixel-integrated Gaussians
/// (PSFs, density labels, blur kernels) are outer products of these factors.
/// </summary>
public static class GaussianPixelMass
{
    /// <summary>
    /// mass[i] = probability that N(<paramref name="centre"/>, <paramref name="sigma"/>²) falls in the pixel
    /// [first + i − ½, first + i + ½), computed from the tail that keeps the difference accurate.
    /// </summary>
    public static void Fill(Span<double> mass, int first, double centre, double sigma)
    {
        var scale = 1.0 / (sigma * Math.Sqrt(2.0));
        for (var i = 0; i < mass.Length; i++)
        {
            var lower = (first + i - 0.5 - centre) * scale;
            mass[i] = 0.5 * ErrorFunction.Difference(lower, lower + scale);
        }
    }
}
