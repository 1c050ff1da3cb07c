using Perrin.Core.Maths;

namespace Perrin.Analysis.Localizers.Mle;

/// <summary>
/// One axis of the pixel-integrated Gaussian: the fraction of the spot in each pixel (pixel i spans
/// [i − ½, i + ½)) and its derivatives by the centre and by σ. The 2D model is the outer product of two axes.
/// </summary>
internal static class IntegratedGaussianAxis
{
    private const double InvSqrt2Pi = 0.39894228040143268;

    /// <param name="edges">Scratch of length mass.Length + 1 for the density at pixel edges.</param>
    public static void Evaluate(double centre, double sigma, Span<double> mass, Span<double> byCentre, Span<double> bySigma, Span<double> edges)
    {
        var n = mass.Length;
        var invSigma = 1.0 / sigma;
        for (var k = 0; k <= n; k++)
        {
            var u = (k - 0.5 - centre) * invSigma;
            edges[k] = InvSqrt2Pi * Math.Exp(-0.5 * u * u);
        }

        var scale = invSigma / Math.Sqrt(2.0);
        for (var i = 0; i < n; i++)
        {
            var lo = i - 0.5 - centre;
            var hi = lo + 1.0;
            mass[i] = 0.5 * ErrorFunction.Difference(lo * scale, hi * scale);
            byCentre[i] = (edges[i] - edges[i + 1]) * invSigma;
            bySigma[i] = ((lo * edges[i]) - (hi * edges[i + 1])) * invSigma * invSigma;
        }
    }
}
