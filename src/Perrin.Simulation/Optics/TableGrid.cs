namespace Perrin.Simulation.Optics;

/// <summary>
/// Where a point falls in a table of patches: sub-pixel offsets from −½ (index 0) to +½ (index K) per axis,
/// and a list of evenly spaced depths; depths outside it use its nearest end.
/// </summary>
internal readonly struct TableGrid(int offsetsPerPixel, double[] depths)
{
    private int Offsets => offsetsPerPixel + 1;

    /// <summary>The lower offset index and the weight of the upper one.</summary>
    public (int Index, double Fraction) Cell(double offset)
    {
        double t = (offset + 0.5) * offsetsPerPixel;
        int index = Math.Clamp((int)Math.Floor(t), 0, offsetsPerPixel - 1);
        return (index, Math.Clamp(t - index, 0, 1));
    }

    public (int Index, double Fraction) DepthCell(double z)
    {
        if (depths.Length == 1 || double.IsNaN(z))
        {
            return (0, 0);
        }

        double t = (z - depths[0]) / (depths[1] - depths[0]);
        int index = (int)Math.Clamp(Math.Floor(t), 0, depths.Length - 2);
        return (index, Math.Clamp(t - index, 0, 1));
    }

    /// <summary>The four patches around (ox + ax, oy + ay) at depth index zi, with bilinear weights times <paramref name="weight"/>.</summary>
    public PatchCorners Corners(int zi, int ox, int oy, double ax, double ay, double weight)
    {
        int first = (((zi * Offsets) + oy) * Offsets) + ox;
        return new PatchCorners(
            first, first + 1, first + Offsets, first + Offsets + 1,
            weight * (1 - ax) * (1 - ay), weight * ax * (1 - ay), weight * (1 - ax) * ay, weight * ax * ay);
    }
}
