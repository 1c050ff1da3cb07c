namespace Perrin.Simulation.Dynamics;

/// <summary>
/// exp(A) of a small dense matrix by scaling and squaring with the diagonal [6/6] Padé approximant
/// (Moler and Van Loan, "Nineteen dubious ways…", 2003): A is scaled by 2^−s so that its 1-norm is at most ½,
/// where the [6/6] approximant's relative backward error is below 1e-16, then squared s times.
/// </summary>
public static class MatrixExponential
{
    private const int PadeDegree = 6;

    /// <summary>Bounds the squarings; norms beyond 2^1000 overflow exp anyway.</summary>
    private const int MaxSquarings = 1100;

    public static double[,] Compute(double[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var n = a.GetLength(0);
        if (a.GetLength(1) != n)
        {
            throw new ArgumentException($"the matrix exponential needs a square matrix, not {n}×{a.GetLength(1)}", nameof(a));
        }

        var norm = SmallMatrix.OneNorm(a);
        if (!double.IsFinite(norm))
        {
            throw new ArgumentException("the matrix exponential needs finite entries", nameof(a));
        }

        var squarings = norm > 0.5 ? Math.Min((int)Math.Ceiling(Math.Log2(norm / 0.5)), MaxSquarings) : 0;
        var scale = Math.ScaleB(1.0, -squarings);
        var x = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                x[i, j] = a[i, j] * scale;
            }
        }

        var numerator = SmallMatrix.Identity(n);
        var denominator = SmallMatrix.Identity(n);
        var power = SmallMatrix.Identity(n);
        var c = 1.0;
        for (var k = 1; k <= PadeDegree; k++)
        {
            c *= (double)(PadeDegree - k + 1) / (k * ((2 * PadeDegree) - k + 1));
            power = SmallMatrix.Multiply(power, x);
            var sign = k % 2 == 0 ? 1.0 : -1.0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    numerator[i, j] += c * power[i, j];
                    denominator[i, j] += sign * c * power[i, j];
                }
            }
        }

        // With ‖X‖ ≤ ½ the denominator is well conditioned, so this solve cannot fail.
        SmallMatrix.TrySolve(denominator, numerator);
        var result = numerator;
        for (var s = 0; s < squarings; s++)
        {
            result = SmallMatrix.Multiply(result, result);
        }

        return result;
    }
}
