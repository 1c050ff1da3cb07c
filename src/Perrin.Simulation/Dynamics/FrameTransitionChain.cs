using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// The discrete-time chain of a fluorophore's state at the starts of successive frames, with the exact
/// per-frame transition matrix exp(Q·Δt).
/// </summary>
public sealed class FrameTransitionChain
{
    private readonly double[][] _cumulative;
    private readonly double[,] _matrix;

    internal FrameTransitionChain(PhotophysicsModel model, double[,] matrix)
    {
        Model = model;
        _matrix = matrix;
        var n = matrix.GetLength(0);
        _cumulative = new double[n][];
        for (var i = 0; i < n; i++)
        {
            // Rounding can leave entries of order −1e-17 and rows off 1 by a few ulps.
            var total = 0.0;
            for (var j = 0; j < n; j++)
            {
                total += Math.Max(matrix[i, j], 0);
            }

            _cumulative[i] = new double[n];
            var cumulative = 0.0;
            for (var j = 0; j < n; j++)
            {
                cumulative += Math.Max(matrix[i, j], 0) / total;
                _cumulative[i][j] = cumulative;
            }
        }
    }

    public PhotophysicsModel Model { get; }

    public double[,] Matrix() => (double[,])_matrix.Clone();

    public int Next(int state, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var row = _cumulative[state];
        var u = random.NextDouble();
        for (var j = 0; j < row.Length - 1; j++)
        {
            if (u < row[j])
            {
                return j;
            }
        }

        return row.Length - 1;
    }
}
