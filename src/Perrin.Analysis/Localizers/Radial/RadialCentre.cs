namespace Perrin.Analysis.Localizers.Radial;

/// <summary>
/// Parthasarathy's radial-symmetry centre (Nature Methods 9:724, 2012): gradients on the half-pixel grid from the
/// Roberts cross, smoothed by a 3 × 3 mean as in the paper; each gradient defines a line through its grid point,
/// and the centre is the point nearest all lines in the least-squares sense, each line weighted by its gradient
/// magnitude squared over its distance to the gradient-weighted centroid. Weighting by |g|² turns the normal
/// projector n·nᵀ into g⊥·g⊥ᵀ, so the 2 × 2 normal equations need no division by |g| and flat pixels add nothing.
/// </summary>
internal static class RadialCentre
{
    // Guards the weight of a grid point that sits on the centroid, where the paper's 1/distance is unbounded.
    private const double MinDistance = 1e-3;

    /// <summary>The centre in ROI pixels, (0, 0) at the centre of the first pixel; NaN when the ROI is flat.</summary>
    /// <param name="scratch">At least 4·(size − 1)² doubles.</param>
    public static (double X, double Y) Locate(ReadOnlySpan<float> roi, int size, Span<double> scratch)
    {
        var m = size - 1;
        var cells = m * m;
        var diagonal = scratch[..cells];
        var anti = scratch.Slice(cells, cells);
        var gx = scratch.Slice(2 * cells, cells);
        var gy = scratch.Slice(3 * cells, cells);
        for (var l = 0; l < m; l++)
        {
            for (var k = 0; k < m; k++)
            {
                var topLeft = roi[(l * size) + k];
                var topRight = roi[(l * size) + k + 1];
                var bottomLeft = roi[((l + 1) * size) + k];
                var bottomRight = roi[((l + 1) * size) + k + 1];
                diagonal[(l * m) + k] = bottomRight - topLeft;
                anti[(l * m) + k] = topRight - bottomLeft;
            }
        }

        // Smoothed Roberts differences along (1, 1) and (1, −1) combine into the x and y gradients.
        double total = 0, cx = 0, cy = 0;
        for (var l = 0; l < m; l++)
        {
            for (var k = 0; k < m; k++)
            {
                var d = Mean3x3(diagonal, m, k, l);
                var a = Mean3x3(anti, m, k, l);
                var x = 0.5 * (d + a);
                var y = 0.5 * (d - a);
                gx[(l * m) + k] = x;
                gy[(l * m) + k] = y;
                var magnitude2 = (x * x) + (y * y);
                total += magnitude2;
                cx += magnitude2 * (k + 0.5);
                cy += magnitude2 * (l + 0.5);
            }
        }

        if (!(total > 0))
        {
            return (double.NaN, double.NaN);
        }

        cx /= total;
        cy /= total;
        double axx = 0, axy = 0, ayy = 0, bx = 0, by = 0;
        for (var l = 0; l < m; l++)
        {
            for (var k = 0; k < m; k++)
            {
                var (px, py) = (k + 0.5, l + 0.5);
                var w = 1.0 / Math.Max(Math.Sqrt(((px - cx) * (px - cx)) + ((py - cy) * (py - cy))), MinDistance);
                var x = gx[(l * m) + k];
                var y = gy[(l * m) + k];
                var (xx, xy, yy) = (w * y * y, -w * x * y, w * x * x);
                axx += xx;
                axy += xy;
                ayy += yy;
                bx += (xx * px) + (xy * py);
                by += (xy * px) + (yy * py);
            }
        }

        var det = (axx * ayy) - (axy * axy);
        if (!(det > 1e-12 * ((axx * ayy) + (axy * axy))))
        {
            return (double.NaN, double.NaN);
        }

        return (((ayy * bx) - (axy * by)) / det, ((axx * by) - (axy * bx)) / det);
    }

    // Zero outside the grid, as MATLAB's conv2(…, 'same') in the paper's code.
    private static double Mean3x3(ReadOnlySpan<double> grid, int m, int k, int l)
    {
        double sum = 0;
        for (var dl = -1; dl <= 1; dl++)
        {
            var row = l + dl;
            if ((uint)row >= (uint)m)
            {
                continue;
            }

            for (var dk = -1; dk <= 1; dk++)
            {
                var col = k + dk;
                if ((uint)col < (uint)m)
                {
                    sum += grid[(row * m) + col];
                }
            }
        }

        return sum / 9.0;
    }
}
