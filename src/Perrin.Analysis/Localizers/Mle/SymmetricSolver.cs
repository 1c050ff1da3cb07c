namespace Perrin.Analysis.Localizers.Mle;

/// <summary>Cholesky solves and inverses of the small symmetric positive-definite matrices of a fit (row-major p × p).</summary>
internal static class SymmetricSolver
{
    /// <summary>Replaces the lower triangle of <paramref name="a"/> by its Cholesky factor; false if not positive definite.</summary>
    public static bool TryFactor(Span<double> a, int p)
    {
        for (var j = 0; j < p; j++)
        {
            var diagonal = a[(j * p) + j];
            for (var k = 0; k < j; k++)
            {
                diagonal -= a[(j * p) + k] * a[(j * p) + k];
            }

            if (!(diagonal > 0) || !double.IsFinite(diagonal))
            {
                return false;
            }

            var l = Math.Sqrt(diagonal);
            a[(j * p) + j] = l;
            for (var i = j + 1; i < p; i++)
            {
                var s = a[(i * p) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= a[(i * p) + k] * a[(j * p) + k];
                }

                a[(i * p) + j] = s / l;
            }
        }

        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place, with L from <see cref="TryFactor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> factor, int p, Span<double> b)
    {
        for (var i = 0; i < p; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= factor[(i * p) + k] * b[k];
            }

            b[i] = s / factor[(i * p) + i];
        }

        for (var i = p - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < p; k++)
            {
                s -= factor[(k * p) + i] * b[k];
            }

            b[i] = s / factor[(i * p) + i];
        }
    }

    /// <summary>The diagonal of the inverse of a symmetric positive-definite matrix; false if it is singular.</summary>
    public static bool TryInverseDiagonal(ReadOnlySpan<double> matrix, int p, Span<double> diagonal)
    {
        Span<double> factor = stackalloc double[p * p];
        matrix[..(p * p)].CopyTo(factor);
        if (!TryFactor(factor, p))
        {
            return false;
        }

        Span<double> column = stackalloc double[p];
        for (var j = 0; j < p; j++)
        {
            column.Clear();
            column[j] = 1.0;
            Solve(factor, p, column);
            diagonal[j] = column[j];
        }

        return true;
    }
}
