using Perrin.Core.Imaging;

namespace Perrin.Analysis.Detection;

internal static class WeightedCentroid
{
    /// <summary>
    /// Centroid of the square window of half-width <paramref name="radius"/> around (column, row), clipped to the
    /// map, weighted by the positive values only: a regression heat map may dip below zero around a peak and a
    /// negative weight would push the centroid away from it.
    /// </summary>
    public static (double X, double Y) Around(ImageFrame map, int column, int row, int radius)
    {
        var y0 = Math.Max(0, row - radius);
        var y1 = Math.Min(map.Height - 1, row + radius);
        var x0 = Math.Max(0, column - radius);
        var x1 = Math.Min(map.Width - 1, column + radius);
        double sum = 0, sumX = 0, sumY = 0;
        for (var y = y0; y <= y1; y++)
        {
            var line = map.Row(y);
            for (var x = x0; x <= x1; x++)
            {
                var v = line[x];
                if (v > 0)
                {
                    sum += v;
                    sumX += v * (double)x;
                    sumY += v * (double)y;
                }
            }
        }

        return sum > 0 ? (sumX / sum, sumY / sum) : (column, row);
    }
}
