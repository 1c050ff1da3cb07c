using Perrin.Simulation.Scatterers.Shapes;

namespace Perrin.Simulation.Tests.Coherent;

/// <summary>
/// A uniform sphere for testing multislice: the chord through it inside a slab, exact at each of 8 × 8 points
/// per pixel and averaged over them.
/// </summary>
internal sealed class ChordSphere(double x, double y, double zNm, double radiusNm, double pixelSizeNm) : IShape
{
    private const int Samples = 8;

    public (double MinNm, double MaxNm) DepthExtent => (zNm - radiusNm, zNm + radiusNm);

    public (int X0, int Y0, int X1, int Y1) PixelBounds
    {
        get
        {
            double r = radiusNm / pixelSizeNm;
            return ((int)Math.Floor(x - r - 1), (int)Math.Floor(y - r - 1), (int)Math.Ceiling(x + r + 1), (int)Math.Ceiling(y + r + 1));
        }
    }

    public void AddSlab(Span<float> image, int width, int height, double zFromNm, double zToNm, double weight) =>
        Add(image, width, height, weight, h2 =>
        {
            double h = Math.Sqrt(h2);
            return Math.Max(0, Math.Min(zToNm, zNm + h) - Math.Max(zFromNm, zNm - h));
        });

    public void AddCoverage(Span<float> image, int width, int height, double weight) => Add(image, width, height, weight, _ => 1);

    // Averages inside(h²) over the points of each pixel that lie within the sphere's outline, h² = r² − ρ².
    private void Add(Span<float> image, int width, int height, double weight, Func<double, double> inside)
    {
        (int x0, int y0, int x1, int y1) = PixelBounds;
        for (int row = Math.Max(0, y0); row <= Math.Min(height - 1, y1); row++)
        {
            for (int col = Math.Max(0, x0); col <= Math.Min(width - 1, x1); col++)
            {
                double sum = 0;
                for (int sy = 0; sy < Samples; sy++)
                {
                    for (int sx = 0; sx < Samples; sx++)
                    {
                        double dx = (col - 0.5 + ((sx + 0.5) / Samples) - x) * pixelSizeNm;
                        double dy = (row - 0.5 + ((sy + 0.5) / Samples) - y) * pixelSizeNm;
                        double h2 = (radiusNm * radiusNm) - (dx * dx) - (dy * dy);
                        if (h2 > 0)
                        {
                            sum += inside(h2);
                        }
                    }
                }

                image[(row * width) + col] += (float)(weight * sum / (Samples * Samples));
            }
        }
    }
}
