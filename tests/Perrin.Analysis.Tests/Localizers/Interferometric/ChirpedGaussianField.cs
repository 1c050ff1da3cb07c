using System.Numerics;
using Perrin.Analysis.Localizers.Interferometric;

namespace Perrin.Analysis.Tests.Localizers.Interferometric;

/// <summary>
/// An analytic field model for tests: a Gaussian of width 2.5 px whose phase curves with depth, exp(−r²/2w²)·exp(i·κ·d·r²),
/// so that, like an iPSF, its real and imaginary parts form rings whose pattern depends on the depth.
/// </summary>
internal sealed class ChirpedGaussianField : ICoherentFieldModel
{
    private const double WidthPx = 2.5;
    private const double ChirpPerNmPx2 = 2e-4;
    private const double ReachPx = 12;

    public double MinDepthNm => -200;

    public double MaxDepthNm => 300;

    public static Complex At(double dx, double dy, double depthNm)
    {
        var r2 = (dx * dx) + (dy * dy);
        return Math.Exp(-r2 / (2 * WidthPx * WidthPx)) * Complex.FromPolarCoordinates(1, ChirpPerNmPx2 * depthNm * r2);
    }

    public void AddField(Span<Complex> field, int width, int height, double x, double y, double depthNm, Complex amplitude)
    {
        var left = Math.Max(0, (int)Math.Floor(x - ReachPx));
        var right = Math.Min(width - 1, (int)Math.Ceiling(x + ReachPx));
        var top = Math.Max(0, (int)Math.Floor(y - ReachPx));
        var bottom = Math.Min(height - 1, (int)Math.Ceiling(y + ReachPx));
        for (var row = top; row <= bottom; row++)
        {
            for (var col = left; col <= right; col++)
            {
                field[(row * width) + col] += amplitude * At(col - x, row - y, depthNm);
            }
        }
    }
}
