namespace Perrin.Simulation.Labels;

/// <summary>
/// Exact area of a disk inside an axis-aligned rectangle. Along x, the covered height of the rectangle is
/// min(b1, h) − max(b0, −h) with h = √(r² − u²); between the points where h meets |b0| or |b1| each bound is
/// either a constant or the arc, so the area is a sum of closed-form pieces.
/// </summary>
internal static class DiskPixelArea
{
    /// <summary>Area of the disk of radius <paramref name="r"/> at the origin inside [a0, a1] × [b0, b1].</summary>
    public static double Of(double a0, double a1, double b0, double b1, double r)
    {
        if (!(r > 0))
        {
            return 0;
        }

        a0 = Math.Max(a0, -r);
        a1 = Math.Min(a1, r);
        if (a1 <= a0 || b1 <= b0 || b1 <= -r || b0 >= r)
        {
            return 0;
        }

        Span<double> cuts = stackalloc double[6];
        var n = 0;
        cuts[n++] = a0;
        AddCrossings(b0, r, a0, a1, cuts, ref n);
        AddCrossings(b1, r, a0, a1, cuts, ref n);
        cuts[n++] = a1;
        cuts[..n].Sort();

        var area = 0.0;
        for (var i = 0; i + 1 < n; i++)
        {
            var u0 = cuts[i];
            var u1 = cuts[i + 1];
            if (u1 <= u0)
            {
                continue;
            }

            var m = 0.5 * (u0 + u1);
            var h = Math.Sqrt(Math.Max(0, (r * r) - (m * m)));
            var topIsArc = h < b1;
            var bottomIsArc = -h > b0;
            if ((topIsArc ? h : b1) <= (bottomIsArc ? -h : b0))
            {
                continue;
            }

            var arc = Primitive(u1, r) - Primitive(u0, r);
            var width = u1 - u0;
            area += (topIsArc ? arc : b1 * width) + (bottomIsArc ? arc : -b0 * width);
        }

        return area;
    }

    private static void AddCrossings(double b, double r, double a0, double a1, Span<double> cuts, ref int n)
    {
        if (Math.Abs(b) >= r)
        {
            return;
        }

        var s = Math.Sqrt((r * r) - (b * b));
        if (-s > a0 && -s < a1)
        {
            cuts[n++] = -s;
        }

        if (s > a0 && s < a1)
        {
            cuts[n++] = s;
        }
    }

    // ∫ √(r² − u²) du
    private static double Primitive(double u, double r)
    {
        u = Math.Clamp(u, -r, r);
        return 0.5 * ((u * Math.Sqrt((r * r) - (u * u))) + (r * r * Math.Asin(u / r)));
    }
}
