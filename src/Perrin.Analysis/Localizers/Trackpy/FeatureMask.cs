namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// trackpy's circular mask of a radius, listed pixel by pixel in row-major order with the per-pixel weights that
/// refinement and characterization use: r² (for the radius of gyration) and cos 2θ, sin 2θ (for eccentricity).
/// </summary>
internal sealed class FeatureMask
{
    public FeatureMask(int radius)
    {
        Radius = radius;
        var dy = new List<int>();
        var dx = new List<int>();
        for (var y = -radius; y <= radius; y++)
        {
            for (var x = -radius; x <= radius; x++)
            {
                // Evaluated as trackpy does, in floating point, so that borderline pixels fall the same way.
                var ry = y / (double)radius;
                var rx = x / (double)radius;
                if ((ry * ry) + (rx * rx) <= 1)
                {
                    dy.Add(y);
                    dx.Add(x);
                }
            }
        }

        Dy = [.. dy];
        Dx = [.. dx];
        RSquared = new double[Dy.Length];
        Cos2Theta = new double[Dy.Length];
        Sin2Theta = new double[Dy.Length];
        var sumDySquared = 0.0;
        for (var i = 0; i < Dy.Length; i++)
        {
            RSquared[i] = (Dy[i] * Dy[i]) + (Dx[i] * Dx[i]);
            var theta = Math.Atan2(Dy[i], Dx[i]);
            Cos2Theta[i] = Math.Cos(2 * theta);
            Sin2Theta[i] = Math.Sin(2 * theta);
            sumDySquared += Dy[i] * Dy[i];
        }

        RootSumSquaredOffset = Math.Sqrt(sumDySquared);
    }

    public int Radius { get; }

    public int[] Dy { get; }

    public int[] Dx { get; }

    public double[] RSquared { get; }

    public double[] Cos2Theta { get; }

    public double[] Sin2Theta { get; }

    public int Count => Dy.Length;

    /// <summary>√Σ y² over the mask, the coordinate moment of trackpy's static error.</summary>
    public double RootSumSquaredOffset { get; }
}
