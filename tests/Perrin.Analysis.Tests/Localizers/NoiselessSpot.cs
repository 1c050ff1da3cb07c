using Perrin.Core.Imaging;
using Perrin.Core.Maths;

namespace Perrin.Analysis.Tests.Localizers;

/// <summary>The exact expected image of one pixel-integrated Gaussian spot on a flat background.</summary>
internal static class NoiselessSpot
{
    public static float[] Render(int side, double x, double y, double photons, double background, double sigma)
    {
        var mx = new double[side];
        var my = new double[side];
        GaussianPixelMass.Fill(mx, 0, x, sigma);
        GaussianPixelMass.Fill(my, 0, y, sigma);
        var pixels = new float[side * side];
        for (var row = 0; row < side; row++)
        {
            for (var col = 0; col < side; col++)
            {
                pixels[(row * side) + col] = (float)(background + (photons * mx[col] * my[row]));
            }
        }

        return pixels;
    }

    public static ImageFrame Frame(int side, double x, double y, double photons, double background, double sigma) =>
        new(Render(side, x, y, photons, background, sigma), side, side);
}
