namespace Perrin.Simulation.Scatterers.Shapes;

/// <summary>
/// The pixel mean of the length of z₀ ± h inside a slab when h varies linearly over the pixel:
/// h = h₀ + gx·x + gy·y for x, y uniform on [−½, ½]. The clipped length f(h) = max(0, min(h, B) + min(h, A)), with
/// B = z₀ − z_from and A = z_to − z₀, is a sum of ramps s·(h − k)₊, and the mean of a ramp over a linear field is a
/// second difference of the cube (k − h₀)₊³/6 over the pixel's corners. Exact for a linear h, so a slab boundary
/// crossing a pixel costs no accuracy, and since the slabs' f add up to max(0, 2h) whatever h is, the slabs of a
/// pixel add up to its projection.
/// </summary>
internal static class LinearChordClip
{
    public static double Mean(double h0, double gx, double gy, double below, double above)
    {
        var p = Math.Abs(gx);
        var q = Math.Abs(gy);
        if (p < q)
        {
            (p, q) = (q, p);
        }

        var low = Math.Min(below, above);
        var high = Math.Max(below, above);
        return low > 0
            ? (2 * Ramp(h0, p, q, 0)) - Ramp(h0, p, q, low) - Ramp(h0, p, q, high)
            : Ramp(h0, p, q, -low) - Ramp(h0, p, q, high);
    }

    // Mean of (h − k)₊ with p ≥ q ≥ 0 the spans of h along the pixel's sides.
    private static double Ramp(double h0, double p, double q, double k)
    {
        var d = k - h0;
        var half = 0.5 * (p + q);
        if (d >= half)
        {
            return 0;
        }

        if (d <= -half)
        {
            return -d;
        }

        // Where q is tiny against p, the second difference would cancel; h is then linear along one side only.
        if (q <= 1e-4 * p)
        {
            return (Square((0.5 * p) - d) - Square((-0.5 * p) - d)) / (2 * p);
        }

        var corners = Cube(half - d) - Cube((0.5 * (p - q)) - d) - Cube((0.5 * (q - p)) - d) + Cube(-half - d);
        return corners / (6 * p * q);
    }

    private static double Square(double s) => s > 0 ? s * s : 0;

    private static double Cube(double s) => s > 0 ? s * s * s : 0;
}
